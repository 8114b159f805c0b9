import type notificationsEn from "../en/notifications";
import type { Widen } from "../types";

const notifications: Widen<typeof notificationsEn> = {
  notifications: {
    title: "Notifications",
    badge_one: "{{count}} notification non lue",
    badge_other: "{{count}} notifications non lues",
    empty:
      "Vous n’avez pas encore de notification. Vous serez informé ici lorsque quelqu’un vous mentionne, répond dans un sujet que vous suivez, ou lorsque vos groupes de travail programment des réunions et des décisions.",
    markRead: "Marquer comme lu",
    markAllRead: "Tout marquer comme lu",
    allRead: "Toutes les notifications sont marquées comme lues.",
    unread: "Non lu",
    older: "Notifications plus anciennes",
    newer: "Notifications plus récentes",
    someone: "Quelqu’un",
    kind: {
      mention: "{{actor}} vous a mentionné dans « {{title}} »",
      reply: "{{actor}} a répondu dans « {{title}} »",
      watched_topic: "Nouveau sujet dans une catégorie que vous suivez : « {{title}} »",
      reaction: "{{actor}} a réagi à votre message dans « {{title}} »",
      answer_accepted: "Votre réponse a été marquée comme la réponse à « {{title}} »",
      post_hidden: "Un modérateur a masqué votre message dans « {{title}} »",
      group_join_request: "{{actor}} demande à rejoindre {{title}}",
      group_join_approved: "Votre demande d’adhésion à {{title}} a été acceptée",
      group_join_declined: "Votre demande d’adhésion à {{title}} a été refusée",
      group_invited: "{{actor}} vous a ajouté à {{title}}",
      group_role_changed: "Votre rôle dans {{title}} a changé",
      meeting_scheduled: "Réunion programmée : {{title}}",
      meeting_rescheduled: "Réunion déplacée : {{title}}",
      meeting_cancelled: "Réunion annulée : {{title}}",
      proposal_opened: "Nouvelle proposition à décider : {{title}}",
      decision_recorded: "Décision consignée : {{title}}",
      change_proposal_accepted: "Votre proposition de modification de « {{title}} » a été acceptée",
      change_proposal_declined: "Votre proposition de modification de « {{title}} » a été refusée",
      change_proposal_submitted: "{{actor}} a proposé une modification de « {{title}} »",
      comment_reply: "{{actor}} a répondu à votre commentaire sur « {{title}} »",
      consultation_opened: "Consultation ouverte : « {{title}} »",
      document_published: "Publié : « {{title}} »",
      profile_change_approved: "Votre changement de type de membre ou d’organisation a été approuvé : {{title}}",
      profile_change_declined: "Votre changement de type de membre ou d’organisation a été refusé : {{title}}",
    },
  },
};

export default notifications;
