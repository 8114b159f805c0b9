// Frozen: see 2026-11-28T1500-foundation.ts.
// Working-group spaces: who watches a group, join requests to closed groups, private calendar-feed
// links, meetings with attendance and minutes, and proposals with their votes and comments.
import { sql, type Kysely } from "kysely";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export async function up(db: Kysely<any>): Promise<void> {
  // A member watches their groups unless they turned it off (watching = 0); anyone else who
  // follows a group has a row with watching = 1.
  await db.schema
    .createTable("group_watch")
    .addColumn("group_id", "integer", (c) => c.notNull().references("working_group.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("watching", "integer", (c) => c.notNull().check(sql`watching in (0, 1)`))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint("group_watch_pk", ["group_id", "user_id"])
    .execute();
  await db.schema.createIndex("group_watch_user").on("group_watch").column("user_id").execute();

  await db.schema
    .createTable("join_request")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("group_id", "integer", (c) => c.notNull().references("working_group.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("motivation", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("pending")
        .check(sql`status in ('pending','approved','declined','withdrawn')`),
    )
    .addColumn("response", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("decided_by", "integer", (c) => c.references("user.id").onDelete("set null"))
    .addColumn("decided_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  // At most one pending request per person and group.
  await sql`create unique index join_request_pending on join_request (group_id, user_id) where status = 'pending'`.execute(db);
  await db.schema
    .createIndex("join_request_group_status")
    .on("join_request")
    .columns(["group_id", "status", "created_at"])
    .execute();
  await db.schema.createIndex("join_request_user").on("join_request").column("user_id").execute();

  // A member's private address of the group's calendar feed (calendar applications cannot sign in).
  await db.schema
    .createTable("group_calendar_token")
    .addColumn("group_id", "integer", (c) => c.notNull().references("working_group.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("token", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint("group_calendar_token_pk", ["group_id", "user_id"])
    .execute();
  await db.schema.createIndex("group_calendar_token_user").on("group_calendar_token").column("user_id").execute();

  await db.schema
    .createTable("meeting")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("group_id", "integer", (c) => c.notNull().references("working_group.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    // Instants in UTC (ISO 8601), and the organiser's IANA time zone the meeting was planned in.
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text", (c) => c.notNull())
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("location", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("video_url", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("agenda_md", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("agenda_html", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("minutes_md", "text")
    .addColumn("minutes_html", "text")
    .addColumn("minutes_by", "integer", (c) => c.references("user.id").onDelete("set null"))
    .addColumn("minutes_at", "text")
    .addColumn("cancelled_at", "text")
    // Incremented on every change, for the SEQUENCE of the iCalendar event.
    .addColumn("sequence", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_by", "integer", (c) => c.references("user.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addCheckConstraint("meeting_ends_after_start", sql`ends_at > starts_at`)
    .execute();
  await db.schema.createIndex("meeting_group_starts").on("meeting").columns(["group_id", "starts_at"]).execute();

  await db.schema
    .createTable("attendance")
    .addColumn("meeting_id", "integer", (c) => c.notNull().references("meeting.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id").onDelete("cascade"))
    // What the member said beforehand, and (after the meeting) whether they were there.
    .addColumn("response", "text", (c) => c.check(sql`response in ('attending','not_attending')`))
    .addColumn("attended", "integer", (c) => c.check(sql`attended in (0, 1)`))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint("attendance_pk", ["meeting_id", "user_id"])
    .execute();
  await db.schema.createIndex("attendance_user").on("attendance").column("user_id").execute();

  await db.schema
    .createTable("proposal")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("group_id", "integer", (c) => c.notNull().references("working_group.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body_md", "text", (c) => c.notNull())
    .addColumn("body_html", "text", (c) => c.notNull())
    .addColumn("closes_at", "text", (c) => c.notNull())
    .addColumn("meeting_id", "integer", (c) => c.references("meeting.id").onDelete("set null"))
    .addColumn("document_id", "integer", (c) => c.references("document.id").onDelete("set null"))
    .addColumn("opened_by", "integer", (c) => c.references("user.id").onDelete("set null"))
    .addColumn("opened_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("closed_at", "text")
    .addColumn("closed_by", "integer", (c) => c.references("user.id").onDelete("set null"))
    .addColumn("outcome_md", "text")
    .addColumn("outcome_html", "text")
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("proposal_group_closed").on("proposal").columns(["group_id", "closed_at"]).execute();
  await db.schema.createIndex("proposal_meeting").on("proposal").column("meeting_id").execute();
  await db.schema.createIndex("proposal_document").on("proposal").column("document_id").execute();

  await db.schema
    .createTable("vote")
    .addColumn("proposal_id", "integer", (c) => c.notNull().references("proposal.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("position", "text", (c) => c.notNull().check(sql`position in ('agree','abstain','disagree','block')`))
    .addColumn("reason", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint("vote_pk", ["proposal_id", "user_id"])
    .execute();
  await db.schema.createIndex("vote_user").on("vote").column("user_id").execute();

  await db.schema
    .createTable("proposal_comment")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("proposal_id", "integer", (c) => c.notNull().references("proposal.id").onDelete("cascade"))
    .addColumn("author_id", "integer", (c) => c.references("user.id").onDelete("set null"))
    .addColumn("body_md", "text", (c) => c.notNull())
    .addColumn("body_html", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("proposal_comment_proposal").on("proposal_comment").columns(["proposal_id", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "proposal_comment",
    "vote",
    "proposal",
    "attendance",
    "meeting",
    "group_calendar_token",
    "join_request",
    "group_watch",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
