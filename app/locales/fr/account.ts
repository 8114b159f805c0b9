import type accountEn from "../en/account";
import type { Widen } from "../types";

const account: Widen<typeof accountEn> = {
  account: {
    errors: {
      title415: "Cette page n’accepte que des formulaires",
      body415: "Envoyez le formulaire en application/x-www-form-urlencoded ou multipart/form-data, comme le fait un navigateur.",
      malformedForm: "Le formulaire n’a pas pu être lu : il est arrivé incomplet ou mal formé. Veuillez l’envoyer à nouveau.",
    },
    invalidDate: "{{field}} : « {{value}} » n’est pas une date valide et n’a pas été prise en compte.",
    vetted: {
      title: "Type de membre et organisation",
      intro:
        "Ces informations ont été vérifiées lors de l’acceptation de votre candidature. Pour les modifier, adressez une demande à un administrateur : elles restent inchangées tant que la demande n’est pas approuvée.",
      pending:
        "Le {{date}}, vous avez demandé à les remplacer par : {{memberType}}, {{organization}}. Un administrateur examinera la demande.",
      withdraw: "Retirer la demande",
      approved: "Votre demande du {{date}} a été approuvée.",
      rejected: "Votre demande du {{date}} a été refusée. Motif : {{reason}}",
      note: "Raison du changement (facultatif)",
      noteHint: "Par exemple : vous avez rejoint une autre organisation. Les administrateurs lisent ce texte.",
      submit: "Demander ce changement",
      requested: "Votre demande a été transmise aux administrateurs.",
      withdrawn: "Votre demande a été retirée.",
      gone: "Cette demande avait déjà été traitée ou retirée.",
      alreadyPending: "Une de vos demandes est déjà en attente d’examen : retirez-la d’abord pour en faire une autre.",
      unchanged: "Ce sont déjà votre type de membre et votre organisation.",
    },
    review: {
      title_one: "{{count}} modification de profil à examiner",
      title_other: "{{count}} modifications de profil à examiner",
      none: "Aucun changement de type de membre ou d’organisation n’attend d’examen.",
      now: "Actuellement",
      requested: "Demandé",
      asked: "demandé le {{date}}",
      note: "Sa note",
      approve: "Approuver le changement",
      reject: "Refuser",
      rejectReason: "Motif (le membre le verra)",
      approved: "Le changement demandé par {{name}} a été approuvé.",
      rejected: "Le changement demandé par {{name}} a été refusé.",
      alreadyDecided: "Cette demande a déjà été traitée ou retirée.",
      ownRequest: "C’est votre propre demande : un autre administrateur l’examine.",
    },
    auditActions: {
      "profile.change_request": "a demandé à changer son type de membre ou son organisation",
      "profile.change_withdraw": "a retiré une demande de changement de type de membre ou d’organisation",
      "profile.change_approve": "a approuvé un changement de type de membre ou d’organisation",
      "profile.change_reject": "a refusé un changement de type de membre ou d’organisation",
    },
  },
};

export default account;
