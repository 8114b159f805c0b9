// Kept for app/routes/groups.$slug.documents.tsx (groups domain) until it imports draftStage from
// ~/services/documents/workspace.server; the document services live in app/services/documents/.
export { draftStage } from "./documents/workspace.server";
