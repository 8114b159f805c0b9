import type searchEn from "../en/search";
import type { Widen } from "../types";

const search: Widen<typeof searchEn> = {
  search: {
    title: "Recherche",
    label: "Rechercher dans le portail",
    placeholder: "Cadres, discussions…",
    submit: "Rechercher",
    resultsFor: "Résultats pour « {{q}} »",
    noResults: "Rien ne correspond à « {{q}} » parmi ce que vous pouvez lire.",
    noResultsHint:
      "Essayez des mots moins nombreux ou différents, retirez des filtres ou vérifiez l’orthographe. Les accents n’ont pas d’importance : « evaluation » trouve « évaluation ».",
    empty:
      "Saisissez quelques mots pour rechercher les cadres, discussions, groupes de travail, réunions et décisions que vous pouvez lire.",
    onlyExcluded: "Ajoutez au moins un mot à rechercher : une recherche ne peut pas être faite uniquement de mots exclus.",
    truncated: "Votre recherche était longue : seuls ses premiers mots ont été utilisés.",
    syntax:
      "Astuces : des « mots entre guillemets » trouvent une expression exacte, -mot exclut un mot, in:title ne cherche que dans les titres.",
    filters: "Filtres",
    kind: "Type",
    allKinds: "Tout",
    group: "Groupe de travail",
    allGroups: "Tous les groupes de travail",
    category: "Catégorie du forum",
    allCategories: "Toutes les catégories",
    author: "Auteur (nom d’utilisateur)",
    from: "Du",
    to: "Au",
    language: "Langue",
    allLanguages: "Toutes les langues",
    apply: "Appliquer les filtres",
    clear: "Effacer les filtres",
    in: "dans {{place}}",
    suggestions: "Suggestions",
    seeAll: "Voir tous les résultats",
    matchesIn: "Meilleurs passages de « {{title}} »",
    reply: "Réponse du {{date}}",
    moreMatches_one: "{{count}} autre passage correspondant dans ce résultat",
    moreMatches_other: "{{count}} autres passages correspondants dans ce résultat",
    translations: "Aussi en :",
    languageOf: "Langue : {{language}}",
    kinds: {
      topic: "Sujet",
      post: "Message",
      document: "Cadre",
      draft: "Projet",
      group: "Groupe de travail",
      meeting: "Réunion",
      decision: "Décision",
      member: "Membre",
    },
  },
};

export default search;
