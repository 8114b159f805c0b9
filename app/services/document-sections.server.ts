// Kept for scripts/seed-large.ts until it imports from ~/services/documents/sections.server.
export { renderRevision } from "./documents/sections.server";
