// Kept for scripts/seed-large.ts until it imports from ~/services/documents/diff.server.
export { changeSize } from "./documents/diff.server";
