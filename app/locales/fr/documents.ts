import type documentsEn from "../en/documents";
import type { Widen } from "../types";

const documents: Widen<typeof documentsEn> = {
  library: {
    title: "Bibliothèque",
    intro:
      "Cadres et lignes directrices publiés par les groupes de travail. Chaque version est conservée et peut être citée par son adresse.",
    topic: "Thème",
    allTopics: "Tous les thèmes",
    group: "Groupe de travail",
    allGroups: "Tous les groupes de travail",
    language: "Langue",
    allLanguages: "Toutes les langues",
    sort: "Trier par",
    sortRecent: "Plus récents",
    sortTitle: "Titre",
    noResults: "Aucun cadre publié ne correspond à ces filtres.",
    version: "Version {{version}}",
    versionLabel: "Version",
    published: "Publié le {{date}}",
    publishedLabel: "Date de publication",
    reviewDue: "Révision prévue",
    status: "Statut",
    workingGroup: "Groupe de travail",
    contents: "Sommaire",
    versions: "Versions",
    translations: "Traductions",
    cite: "Comment citer",
    citeText: "{{title}}, version {{version}}, {{group}}, {{date}}.",
    notes: "Notes de version",
    latest: "dernière version",
    viewingOld: "Vous consultez la version {{version}}. La dernière version est la version {{latest}}.",
    readLatest: "Consulter la dernière version",
    print: "Imprimer ou enregistrer en PDF",
    details: "Informations sur le document",
  },
  documentStatus: {
    working_draft: "Projet de travail",
    consultation: "En consultation",
    final_draft: "Projet final",
    published: "Publié",
    superseded: "Remplacé",
    withdrawn: "Retiré",
  },
};

export default documents;
