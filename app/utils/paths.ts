// Every address of the portal, built in one place. Components, routes, services, search indexers and
// notifications call these functions instead of writing "/t/…" or "/groups/…" by hand, so a URL
// changes here or nowhere. Isomorphic: the browser bundle uses it too.
//
// Query values that are undefined, null or "" are left out; everything else is encoded.

export type Query = Record<string, string | number | boolean | null | undefined>;

/** Appends a query string (and a #fragment) to a path. */
export function withQuery(path: string, query?: Query, hash?: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === "" || value === false) continue;
    params.set(key, value === true ? "1" : String(value));
  }
  const search = params.toString();
  return `${path}${search ? `?${search}` : ""}${hash ? `#${hash}` : ""}`;
}

const seg = (value: string | number) => encodeURIComponent(String(value));

// ——— Site ———
export const homePath = () => "/";
export const statusPath = () => "/status";
export const loginPath = (redirectTo?: string | null) => withQuery("/login", { redirectTo });
export const secondFactorLoginPath = (redirectTo?: string | null) => withQuery("/login/two-factor", { redirectTo });
export const logoutPath = () => "/logout";
export const joinPath = () => "/join";
export const languagePath = () => "/language";
export const mentionsPath = (query?: Query) => withQuery("/mentions", query);
export const notificationsPath = (query?: Query) => withQuery("/notifications", query);
export const searchPath = (q?: string | null, query?: Query) => withQuery("/search", { q, ...query });
export const searchSuggestPath = (q: string) => withQuery("/search/suggest", { q });

// ——— Account ———
export const settingsPath = (query?: Query, hash?: string) => withQuery("/settings", query, hash);
export const twoFactorSettingsPath = (query?: Query, hash?: string) => withQuery("/settings/two-factor", query, hash);
export const membersPath = (query?: Query) => withQuery("/members", query);
export const memberPath = (username: string) => `/members/${seg(username)}`;

// ——— Administration ———
export type AdminSection = "members" | "moderation" | "categories" | "audit";
export const adminPath = (section?: AdminSection, query?: Query, hash?: string) =>
  withQuery(section ? `/admin/${section}` : "/admin", query, hash);

// ——— Forums ———
export interface TopicRef {
  id: number;
  slug: string;
}
export const forumsPath = () => "/forums";
export const categoryPath = (slug: string, query?: Query) => withQuery(`/forums/${seg(slug)}`, query);
export const newTopicPath = (categorySlug: string) => `/forums/${seg(categorySlug)}/new`;
export const categoryFeedPath = (categorySlug: string) => `/forums/${seg(categorySlug)}/feed.xml`;
/** A topic; `page` > 1 adds ?page=, other query values (edit=, quote=…) and a #fragment as given. */
export function topicPath(topic: TopicRef, options: { page?: number; query?: Query; hash?: string } = {}): string {
  const page = options.page && options.page > 1 ? options.page : undefined;
  return withQuery(`/t/${topic.id}/${seg(topic.slug)}`, { page, ...options.query }, options.hash);
}
/** A topic by number only (the route redirects to the address with its slug). */
export const topicIdPath = (topicId: number) => `/t/${topicId}`;
/** The anchor of post `number` on its page. */
export const postAnchor = (number: number) => `post-${number}`;
/** A post on the page that shows it. */
export const postPath = (topic: TopicRef, number: number, page = 1) => topicPath(topic, { page, hash: postAnchor(number) });
export const postHistoryPath = (topicId: number, number: number) => `/t/${topicId}/posts/${number}/history`;

// ——— Working groups ———
export type GroupSection =
  "members" | "meetings" | "decisions" | "discussions" | "documents" | "edit" | "join" | "leave" | "watch";
export const groupsPath = (query?: Query) => withQuery("/groups", query);
export const newGroupPath = () => "/groups/new";
export function groupPath(slug: string, section?: GroupSection, query?: Query, hash?: string): string {
  return withQuery(section ? `/groups/${seg(slug)}/${section}` : `/groups/${seg(slug)}`, query, hash);
}
export const groupCalendarPath = (slug: string) => `/groups/${seg(slug)}/calendar.ics`;
export const newMeetingPath = (groupSlug: string) => `/groups/${seg(groupSlug)}/meetings/new`;
export type MeetingSection = "edit" | "minutes" | "meeting.ics";
export function meetingPath(groupSlug: string, meetingId: number, section?: MeetingSection, query?: Query, hash?: string) {
  const base = `/groups/${seg(groupSlug)}/meetings/${meetingId}`;
  return withQuery(section ? `${base}/${section}` : base, query, hash);
}
export const newDecisionPath = (groupSlug: string) => `/groups/${seg(groupSlug)}/decisions/new`;
export const decisionPath = (groupSlug: string, proposalId: number, query?: Query, hash?: string) =>
  withQuery(`/groups/${seg(groupSlug)}/decisions/${proposalId}`, query, hash);

// ——— Drafting workspace ———
export type DocumentSection = "edit" | "history" | "compare" | "consultation" | "publish" | "settings" | "proposals";
export const newDocumentPath = (query?: Query) => withQuery("/documents/new", query);
export function documentPath(slug: string, section?: DocumentSection, query?: Query, hash?: string): string {
  return withQuery(section ? `/documents/${seg(slug)}/${section}` : `/documents/${seg(slug)}`, query, hash);
}
export const newProposalPath = (documentSlug: string, query?: Query) =>
  withQuery(`/documents/${seg(documentSlug)}/proposals/new`, query);
export const proposalPath = (documentSlug: string, proposalId: number, query?: Query, hash?: string) =>
  withQuery(`/documents/${seg(documentSlug)}/proposals/${proposalId}`, query, hash);
export const revisionPath = (documentSlug: string, revisionId: number, query?: Query) =>
  withQuery(`/documents/${seg(documentSlug)}/revisions/${revisionId}`, query);

// ——— Library (published guidance) ———
export const libraryPath = (query?: Query) => withQuery("/library", query);
export const libraryFeedPath = () => "/library/feed.xml";
export const publicationPath = (slug: string, hash?: string) => withQuery(`/library/${seg(slug)}`, undefined, hash);
export const versionPath = (slug: string, version: string, query?: Query, hash?: string) =>
  withQuery(`/library/${seg(slug)}/v/${seg(version)}`, query, hash);
export const versionPrintStylesPath = (slug: string, version: string) => `/library/${seg(slug)}/v/${seg(version)}/print.css`;
export const changesPath = (slug: string, from?: string | null, to?: string | null) =>
  withQuery(`/library/${seg(slug)}/changes`, { from, to });

// ——— Site domain (accounts, administration, search): precise forms of older addresses ———
/**
 * Adds one query parameter encoded with encodeURIComponent (a space as %20, parentheses kept), the
 * form the sign-in, enrolment, search and administration links and redirects have always had;
 * `withQuery` (URLSearchParams) would write a space as + and encode more characters.
 */
export function withParam(path: string, name: string, value: string, hash?: string): string {
  return `${path}${path.includes("?") ? "&" : "?"}${name}=${encodeURIComponent(value)}${hash ? `#${hash}` : ""}`;
}
export const healthPath = () => "/health";

// ——— Drafting workspace: anchors within its pages (documents domain) ———
/** The anchor of a comment thread or reply on the draft page. */
export const commentAnchor = (commentId: number) => `comment-${commentId}`;
/** The anchor of a consultation comment's disposition on the consultation page. */
export const dispositionAnchor = (commentId: number) => `disposition-${commentId}`;
/** A revision at one of its sections (the revision itself when the section has no anchor). */
export const revisionSectionPath = (documentSlug: string, revisionId: number, anchor?: string) =>
  withQuery(revisionPath(documentSlug, revisionId), undefined, anchor);
