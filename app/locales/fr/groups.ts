import type groupsEn from "../en/groups";
import type { Widen } from "../types";

const groups: Widen<typeof groupsEn> = {
  groups: {
    title: "Groupes de travail",
    intro:
      "Des groupes de travail techniques pluridisciplinaires élaborent les lignes directrices du réseau, se réunissent régulièrement et consignent leurs décisions.",
    purpose: "Objet",
    charter: "Mandat",
    chairs: "Présidence",
    members: "Membres",
    documents: "Documents",
    discussions: "Discussions",
    noChairs: "Aucun président n’a encore été désigné.",
    noDocuments: "Ce groupe n’a pas encore de documents.",
    membersOnly: "La liste des membres est visible par les membres approuvés.",
    overview: "Présentation",
    role: "Rôle",
    youAre: "Votre rôle dans ce groupe : {{role}}.",
  },
};

export default groups;
