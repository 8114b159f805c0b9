// English strings of accounts: vetted profile fields and their review, requests that are not forms.
const account = {
  account: {
    errors: {
      title415: "This page only accepts forms",
      body415: "Send the form as application/x-www-form-urlencoded or multipart/form-data, as a browser does.",
      malformedForm: "The form could not be read: it arrived incomplete or malformed. Please send it again.",
    },
    invalidDate: "{{field}}: “{{value}}” is not a valid date and was ignored.",
    vetted: {
      title: "Member type and organisation",
      intro:
        "These were checked when your application was accepted. To change them, ask an administrator: they stay as they are until the request is approved.",
      pending:
        "On {{date}} you asked to change them to: {{memberType}}, {{organization}}. An administrator will review the request.",
      withdraw: "Withdraw the request",
      approved: "Your request of {{date}} was approved.",
      rejected: "Your request of {{date}} was declined. Reason: {{reason}}",
      note: "Why the change (optional)",
      noteHint: "For example: you moved to another organisation. Administrators read this.",
      submit: "Ask for this change",
      requested: "Your request was sent to the administrators.",
      withdrawn: "Your request was withdrawn.",
      gone: "That request had already been decided or withdrawn.",
      alreadyPending: "You already have a request waiting for review: withdraw it first to ask for something else.",
      unchanged: "These already are your member type and organisation.",
    },
    review: {
      title_one: "{{count}} profile change to review",
      title_other: "{{count}} profile changes to review",
      none: "No change of member type or organisation is waiting for review.",
      now: "Now",
      requested: "Requested",
      asked: "asked on {{date}}",
      note: "Their note",
      approve: "Approve the change",
      reject: "Decline",
      rejectReason: "Reason (the member will see it)",
      approved: "The change for {{name}} was approved.",
      rejected: "The change for {{name}} was declined.",
      alreadyDecided: "This request was already decided or withdrawn.",
      ownRequest: "This is your own request: another administrator reviews it.",
    },
    auditActions: {
      "profile.change_request": "asked to change their member type or organisation",
      "profile.change_withdraw": "withdrew a request to change their member type or organisation",
      "profile.change_approve": "approved a change of member type or organisation",
      "profile.change_reject": "declined a change of member type or organisation",
    },
  },
} as const;

export default account;
