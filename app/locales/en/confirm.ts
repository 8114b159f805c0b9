// English strings of the confirmations asked before destructive actions (a page without
// JavaScript, a dialog with it), and of undoing the deletion of one's own post.
const confirm = {
  confirm: {
    pageTitle: "Please confirm",
    back: "Back",
    postDeletedByYou: "You deleted this post.",
    undo: "Undo",
    undoUntil: "You can undo this until {{date}}.",
    kinds: {
      cancelMeeting: {
        title: "Cancel this meeting?",
        body: "“{{title}}” will be cancelled for everyone and every member of the group will be notified. This cannot be undone.",
        confirm: "Yes, cancel the meeting",
      },
      deleteTopic: {
        title: "Delete this topic?",
        body: "“{{title}}” and all its replies will disappear from the forum. Only a moderator can restore it.",
        confirm: "Delete the topic",
      },
      removeMember: {
        title: "Remove this member?",
        body: "{{name}} will no longer be a member of the group and will lose access to its private spaces.",
        confirm: "Remove from the group",
      },
      withdrawJoinRequest: {
        title: "Withdraw your request?",
        body: "Your request to join this working group will be withdrawn. You can send a new one later.",
        confirm: "Withdraw my request",
      },
      resetCalendarLink: {
        title: "Replace the calendar link?",
        body: "Calendars subscribed with the current link will stop receiving this group's meetings until you subscribe them again with the new link.",
        confirm: "Replace the link",
      },
      declineJoinRequest: {
        title: "Decline this request?",
        body: "{{name}} will be told that the request to join the group was declined, with your response if you give one.",
        confirm: "Decline the request",
      },
      revokeCalendarLink: {
        title: "Revoke the calendar link?",
        body: "Calendars subscribed with the current link will stop receiving this group's meetings. This cannot be undone.",
        confirm: "Revoke the link",
      },
      closeProposal: {
        title: "Record this decision now?",
        body: "Voting on “{{title}}” will close and the outcome will be recorded for the group. This cannot be undone.",
        confirm: "Record the decision",
      },
      rejectApplication: {
        title: "Reject this application?",
        body: "{{name}} will be told that the application was not accepted, with the reason you gave. This cannot be undone.",
        confirm: "Reject the application",
      },
      rejectProfileChange: {
        title: "Reject this change?",
        body: "The change {{name}} asked for will be refused and they will be told.",
        confirm: "Reject the change",
      },
      suspendMember: {
        title: "Suspend this account?",
        body: "{{name}} will be signed out everywhere and will not be able to sign in until an administrator reinstates the account.",
        confirm: "Suspend the account",
      },
      revokeSession: {
        title: "Revoke this session?",
        body: "The device using this session will be signed out.",
        confirm: "Revoke the session",
      },
      withdrawProfileChange: {
        title: "Withdraw your request?",
        body: "Your pending request to change your profile will be withdrawn. You can send a new one later.",
        confirm: "Withdraw my request",
      },
      closeConsultation: {
        title: "Close the consultation now?",
        body: "The consultation will end now, before its closing date, and no further comments will be accepted. This cannot be undone.",
        confirm: "Close the consultation",
      },
      withdrawDocument: {
        title: "Withdraw this document?",
        body: "“{{title}}” will be marked as withdrawn in the library, for everyone. This cannot be undone.",
        confirm: "Withdraw the document",
      },
      supersedeDocument: {
        title: "Mark this document superseded?",
        body: "“{{title}}” will be marked as superseded in the library, for everyone. This cannot be undone.",
        confirm: "Mark it superseded",
      },
      withdrawProposal: {
        title: "Withdraw your proposed change?",
        body: "Your proposed change will be withdrawn and no longer considered. This cannot be undone.",
        confirm: "Withdraw the proposal",
      },
      declineProposal: {
        title: "Decline this proposed change?",
        body: "The proposed change will be declined and its author told, with the reason you gave. This cannot be undone.",
        confirm: "Decline the change",
      },
      discardDraft: {
        title: "Discard your draft?",
        body: "The reply you started will be deleted. This cannot be undone.",
        confirm: "Discard the draft",
      },
    },
  },
} as const;

export default confirm;
