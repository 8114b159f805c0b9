// English strings of the notifications. Each capability adds its kinds under notifications.kind.
const notifications = {
  notifications: {
    title: "Notifications",
    badge_one: "{{count}} unread notification",
    badge_other: "{{count}} unread notifications",
    empty: "You have no notifications yet. You will be told here when someone mentions you, replies in a topic you watch, or when your working groups schedule meetings and decisions.",
    markRead: "Mark as read",
    markAllRead: "Mark all as read",
    allRead: "All notifications are marked as read.",
    unread: "Unread",
    older: "Older notifications",
    newer: "Newer notifications",
    someone: "Someone",
    kind: {
      mention: "{{actor}} mentioned you in “{{title}}”",
      reply: "{{actor}} replied in “{{title}}”",
      watched_topic: "New topic in a category you watch: “{{title}}”",
      group_join_request: "{{actor}} asks to join {{title}}",
      group_join_approved: "Your request to join {{title}} was approved",
      group_join_declined: "Your request to join {{title}} was declined",
      group_invited: "{{actor}} added you to {{title}}",
      group_role_changed: "Your role in {{title}} changed",
      meeting_scheduled: "Meeting scheduled: {{title}}",
      proposal_opened: "New proposal to decide: {{title}}",
      decision_recorded: "Decision recorded: {{title}}",
      change_proposal_accepted: "Your proposed change to “{{title}}” was accepted",
      change_proposal_declined: "Your proposed change to “{{title}}” was declined",
      change_proposal_submitted: "{{actor}} proposed a change to “{{title}}”",
      comment_reply: "{{actor}} replied to your comment on “{{title}}”",
      consultation_opened: "Consultation open: “{{title}}”",
      document_published: "Published: “{{title}}”",
    },
  },
} as const;

export default notifications;
