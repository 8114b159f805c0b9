// Who may do what in the forums. Merged into the rules of app/policies/index.ts.
import type { RuleSet } from "./viewer";

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ForumRules {}

export const forumRules: RuleSet<ForumRules> = {};
