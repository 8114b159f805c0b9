import type { Widen } from "../types";
import type en from "../en/confirm";

// Chaînes françaises des confirmations demandées avant les actions destructrices, et de
// l'annulation de la suppression de son propre message.
const confirm: Widen<typeof en> = {
  confirm: {
    pageTitle: "Merci de confirmer",
    back: "Retour",
    postDeletedByYou: "Vous avez supprimé ce message.",
    undo: "Annuler la suppression",
    undoUntil: "Vous pouvez revenir en arrière jusqu’au {{date}}.",
    kinds: {
      cancelMeeting: {
        title: "Annuler cette réunion ?",
        body: "« {{title}} » sera annulée pour tout le monde et chaque membre du groupe en sera averti. Cette action est définitive.",
        confirm: "Oui, annuler la réunion",
      },
      deleteTopic: {
        title: "Supprimer ce sujet ?",
        body: "« {{title}} » et toutes ses réponses disparaîtront du forum. Seul un modérateur pourra le rétablir.",
        confirm: "Supprimer le sujet",
      },
      removeMember: {
        title: "Retirer ce membre ?",
        body: "{{name}} ne fera plus partie du groupe et perdra l’accès à ses espaces privés.",
        confirm: "Retirer du groupe",
      },
      withdrawJoinRequest: {
        title: "Retirer votre demande ?",
        body: "Votre demande d’adhésion à ce groupe de travail sera retirée. Vous pourrez en envoyer une nouvelle plus tard.",
        confirm: "Retirer ma demande",
      },
      resetCalendarLink: {
        title: "Remplacer le lien de calendrier ?",
        body: "Les calendriers abonnés avec le lien actuel ne recevront plus les réunions de ce groupe tant que vous ne les aurez pas abonnés au nouveau lien.",
        confirm: "Remplacer le lien",
      },
      declineJoinRequest: {
        title: "Refuser cette demande ?",
        body: "{{name}} sera informé(e) que sa demande d’adhésion au groupe a été refusée, avec votre réponse si vous en donnez une.",
        confirm: "Refuser la demande",
      },
      revokeCalendarLink: {
        title: "Révoquer le lien de calendrier ?",
        body: "Les calendriers abonnés avec le lien actuel ne recevront plus les réunions de ce groupe. Cette action est définitive.",
        confirm: "Révoquer le lien",
      },
      closeProposal: {
        title: "Consigner la décision maintenant ?",
        body: "Le vote sur « {{title}} » sera clos et le résultat consigné pour le groupe. Cette action est définitive.",
        confirm: "Consigner la décision",
      },
      rejectApplication: {
        title: "Refuser cette candidature ?",
        body: "{{name}} sera informé(e) que sa candidature n’a pas été retenue, avec le motif indiqué. Cette action est définitive.",
        confirm: "Refuser la candidature",
      },
      rejectProfileChange: {
        title: "Refuser cette modification ?",
        body: "La modification demandée par {{name}} sera refusée et la personne en sera informée.",
        confirm: "Refuser la modification",
      },
      suspendMember: {
        title: "Suspendre ce compte ?",
        body: "{{name}} sera déconnecté(e) partout et ne pourra plus se connecter tant qu’un administrateur n’aura pas rétabli le compte.",
        confirm: "Suspendre le compte",
      },
      revokeSession: {
        title: "Révoquer cette session ?",
        body: "L’appareil qui utilise cette session sera déconnecté.",
        confirm: "Révoquer la session",
      },
      withdrawProfileChange: {
        title: "Retirer votre demande ?",
        body: "Votre demande de modification de profil en attente sera retirée. Vous pourrez en envoyer une nouvelle plus tard.",
        confirm: "Retirer ma demande",
      },
      closeConsultation: {
        title: "Clore la consultation maintenant ?",
        body: "La consultation prendra fin dès maintenant, avant sa date de clôture, et plus aucun commentaire ne sera accepté. Cette action est définitive.",
        confirm: "Clore la consultation",
      },
      withdrawDocument: {
        title: "Retirer ce document ?",
        body: "« {{title}} » sera signalé comme retiré dans la bibliothèque, pour tout le monde. Cette action est définitive.",
        confirm: "Retirer le document",
      },
      supersedeDocument: {
        title: "Marquer ce document comme remplacé ?",
        body: "« {{title}} » sera signalé comme remplacé dans la bibliothèque, pour tout le monde. Cette action est définitive.",
        confirm: "Le marquer comme remplacé",
      },
      withdrawProposal: {
        title: "Retirer votre proposition de modification ?",
        body: "Votre proposition sera retirée et ne sera plus examinée. Cette action est définitive.",
        confirm: "Retirer la proposition",
      },
      declineProposal: {
        title: "Rejeter cette proposition de modification ?",
        body: "La proposition sera rejetée et son auteur en sera informé, avec le motif indiqué. Cette action est définitive.",
        confirm: "Rejeter la proposition",
      },
      discardDraft: {
        title: "Abandonner votre brouillon ?",
        body: "La réponse que vous aviez commencée sera supprimée. Cette action est définitive.",
        confirm: "Abandonner le brouillon",
      },
    },
  },
};

export default confirm;
