// The steps the demo documents are written with: revisions of a draft as its authors saved them,
// section comments and replies, and dispositions — each dated in the past, straight into the
// tables (the demo tells a story that happened; it does not go through today's services).
import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import type { Disposition } from "~/domain/vocabulary";
import { insertRevision } from "~/models/revision.server";
import { changeSize } from "~/services/documents/diff.server";
import { renderRevision, sectionsOf, type SectionInfo } from "~/services/documents/sections.server";
import { renderMarkdown } from "~/utils/markdown.server";

const DAY = 86_400_000;

/** The time `days` ago, at `hour` o'clock UTC. */
export const daysAgo = (days: number, hour = 10) => {
  const at = new Date(Date.now() - days * DAY);
  at.setUTCHours(hour, 0, 0, 0);
  return at.toISOString();
};

/** `body` with the one occurrence of `from` replaced (the demo stops if the starter text changed). */
export function replaceOnce(body: string, from: string, to: string): string {
  const at = body.indexOf(from);
  if (at < 0) throw new Error(`demo documents: the starter framework no longer contains “${from.slice(0, 60)}…”`);
  return body.slice(0, at) + to + body.slice(at + from.length);
}

interface Head {
  id: number;
  body_md: string;
  sections: string | null;
}

/**
 * A writer of a document's demo history from its current head on. `user` gives a demo account's
 * id by username.
 */
export async function demoDraft(db: Kysely<Database>, documentId: number, headId: number, user: (name: string) => number) {
  let head: Head = await db
    .selectFrom("revision")
    .select(["id", "body_md", "sections"])
    .where("id", "=", headId)
    .executeTakeFirstOrThrow();
  let headSections: SectionInfo[] = sectionsOf(head);
  const revisionAt = new Map<number, SectionInfo[]>([[head.id, headSections]]);

  /** Saves `body` as the next revision by `author`; answers its id. */
  async function save(
    author: string,
    at: string,
    message: string,
    body: string,
    extra: { kind?: "edit" | "proposal"; proposalId?: number } = {},
  ) {
    const rendered = renderRevision(body, headSections);
    const size = changeSize(head.body_md, rendered.body);
    const id = await insertRevision(db, {
      documentId,
      parentId: head.id,
      authorId: user(author),
      message,
      body: rendered.body,
      html: rendered.html,
      toc: rendered.toc,
      sections: rendered.sections,
      kind: extra.kind ?? "edit",
      proposalId: extra.proposalId ?? null,
      charsAdded: size.added,
      charsRemoved: size.removed,
      createdAt: at,
    });
    await db.updateTable("document").set({ head_revision_id: id, updated_at: at }).where("id", "=", documentId).execute();
    head = { id, body_md: rendered.body, sections: JSON.stringify(rendered.sections) };
    headSections = rendered.sections;
    revisionAt.set(id, rendered.sections);
    return id;
  }

  /** A comment by `author` on a section of a revision (a reply with `parentId`); answers its id. */
  async function comment(
    author: string,
    at: string,
    revisionId: number,
    sectionKey: string,
    body: string,
    extra: { parentId?: number; consultationId?: number; resolvedBy?: string; resolvedAt?: string } = {},
  ) {
    const section = revisionAt.get(revisionId)?.find((s) => s.key === sectionKey);
    if (!section && !extra.parentId) throw new Error(`demo documents: no section ${sectionKey}`);
    const { id } = await db
      .insertInto("doc_comment")
      .values({
        document_id: documentId,
        revision_id: revisionId,
        section_key: sectionKey,
        section_anchor: section?.id ?? "",
        section_title: section?.title ?? "",
        parent_id: extra.parentId ?? null,
        author_id: user(author),
        body_md: body,
        body_html: renderMarkdown(body).html,
        consultation_id: extra.consultationId ?? null,
        resolved_at: extra.resolvedAt ?? null,
        resolved_by: extra.resolvedBy ? user(extra.resolvedBy) : null,
        created_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return id;
  }

  /** The disposition of a consultation comment, with the drafting team's response. */
  async function dispose(commentId: number, by: string, at: string, disposition: Disposition, response: string) {
    await db
      .updateTable("doc_comment")
      .set({
        disposition,
        response_md: response,
        response_html: renderMarkdown(response).html,
        disposition_by: user(by),
        disposition_at: at,
      })
      .where("id", "=", commentId)
      .execute();
  }

  return {
    /** The head revision now: its id and markdown. */
    get head() {
      return head;
    },
    get headSections() {
      return headSections;
    },
    save,
    comment,
    dispose,
  };
}
