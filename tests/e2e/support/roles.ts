// The roles of the authorization matrix, as demo accounts (see db/seed.ts and the demo content).
export const ROLES = {
  anonymous: null,
  pending: "pending@demo.test",
  member: "member@demo.test",
  // A member (not editor, not chair) of evaluation-procedures, the closed group the matrix visits;
  // he chairs the private pilot-coordination group.
  groupMember: "minh@demo.test",
  // Editor in evaluation-procedures and in pilot-coordination.
  editor: "editor@demo.test",
  // Chair of evaluation-procedures, plain member of the private pilot-coordination group.
  chair: "chair@demo.test",
  moderator: "moderator@demo.test",
  admin: "admin@demo.test",
  suspended: "daniel@demo.test",
} as const;
export type Role = keyof typeof ROLES;
