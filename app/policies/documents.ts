// Who may do what in the documents. Merged into the rules of app/policies/index.ts.
import type { RuleSet } from "./viewer";

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DocumentRules {}

export const documentRules: RuleSet<DocumentRules> = {};
