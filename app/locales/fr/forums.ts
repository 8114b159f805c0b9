import type forumsEn from "../en/forums";
import type { Widen } from "../types";

const forums: Widen<typeof forumsEn> = {
  forums: {
    title: "Forums",
    intro:
      "Les espaces de discussion de la communauté. Certains sont ouverts à tous, d’autres aux membres, et les groupes de travail disposent de leurs propres espaces.",
    topics: "Sujets",
    posts: "Messages",
    latest: "Dernière activité",
    noTopics: "Aucun sujet n’a encore été ouvert dans cette catégorie.",
    groupSpaces: "Discussions des groupes de travail",
    qa: "Questions et réponses",
    category: "Catégorie",
    belongsTo: "Espace de discussion de {{group}}",
  },
};

export default forums;
