// Frozen: see 2026-11-28T1500-foundation.ts.
// The forums: topics and their numbered posts (markdown source and rendered HTML stored side by
// side), edit history, reactions, flags, server-side drafts, read positions, watching and tags.
import { sql, type Kysely } from "kysely";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("topic")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("category_id", "integer", (c) => c.notNull().references("category.id").onDelete("restrict"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("slug", "text", (c) => c.notNull())
    .addColumn("author_id", "integer", (c) => c.references("user.id").onDelete("set null"))
    .addColumn("pinned", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("locked", "integer", (c) => c.notNull().defaultTo(0))
    // Posts that are not deleted; replies are post_count - 1.
    .addColumn("post_count", "integer", (c) => c.notNull().defaultTo(1))
    // The highest post number given so far (numbers are never reused).
    .addColumn("last_post_number", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("view_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("accepted_post_number", "integer")
    .addColumn("last_post_at", "text", (c) => c.notNull())
    .addColumn("last_poster_id", "integer", (c) => c.references("user.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("deleted_at", "text")
    .addColumn("deleted_by", "integer", (c) => c.references("user.id").onDelete("set null"))
    .execute();
  // The category list: pinned first, then last activity, keyset on (pinned, last_post_at, id).
  await sql`create index topic_category_list on topic (category_id, pinned, last_post_at, id) where deleted_at is null`.execute(
    db,
  );
  // Latest discussions across categories (home page, working-group spaces).
  await sql`create index topic_latest on topic (last_post_at, id) where deleted_at is null`.execute(db);
  await db.schema.createIndex("topic_author").on("topic").column("author_id").execute();

  await db.schema
    .createTable("post")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("topic_id", "integer", (c) => c.notNull().references("topic.id").onDelete("cascade"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("author_id", "integer", (c) => c.references("user.id").onDelete("set null"))
    .addColumn("body_md", "text", (c) => c.notNull())
    .addColumn("body_html", "text", (c) => c.notNull())
    .addColumn("revision", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("hidden", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("hidden_at", "text")
    .addColumn("hidden_by", "integer", (c) => c.references("user.id").onDelete("set null"))
    .addColumn("deleted_at", "text")
    .addColumn("deleted_by", "integer", (c) => c.references("user.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("edited_at", "text")
    .addColumn("edited_by", "integer", (c) => c.references("user.id").onDelete("set null"))
    .addUniqueConstraint("post_topic_number", ["topic_id", "number"])
    .execute();
  await db.schema.createIndex("post_author").on("post").columns(["author_id", "created_at"]).execute();
  // The moderators' list of hidden posts.
  await sql`create index post_hidden on post (hidden_at) where hidden = 1`.execute(db);

  await db.schema
    .createTable("post_revision")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("post_id", "integer", (c) => c.notNull().references("post.id").onDelete("cascade"))
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("editor_id", "integer", (c) => c.references("user.id").onDelete("set null"))
    .addColumn("title", "text")
    .addColumn("body_md", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("post_revision_unique", ["post_id", "revision"])
    .execute();

  await db.schema
    .createTable("reaction")
    .addColumn("post_id", "integer", (c) => c.notNull().references("post.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('thumbs_up','check','idea','heart')`))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint("reaction_pk", ["post_id", "user_id", "kind"])
    .execute();
  await db.schema.createIndex("reaction_user").on("reaction").column("user_id").execute();

  await db.schema
    .createTable("flag")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("post_id", "integer", (c) => c.notNull().references("post.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.references("user.id").onDelete("set null"))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("open")
        .check(sql`status in ('open','hidden','dismissed','restored')`),
    )
    .addColumn("resolved_by", "integer", (c) => c.references("user.id").onDelete("set null"))
    .addColumn("resolved_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("flag_status").on("flag").columns(["status", "post_id"]).execute();
  await db.schema.createIndex("flag_post").on("flag").columns(["post_id", "user_id"]).execute();

  await db.schema
    .createTable("draft")
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("draft_key", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("body", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("tags", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint("draft_pk", ["user_id", "draft_key"])
    .execute();

  await db.schema
    .createTable("topic_read")
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("topic_id", "integer", (c) => c.notNull().references("topic.id").onDelete("cascade"))
    .addColumn("last_read_number", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint("topic_read_pk", ["user_id", "topic_id"])
    .execute();
  await db.schema.createIndex("topic_read_topic").on("topic_read").column("topic_id").execute();

  await db.schema
    .createTable("watch")
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("subject_type", "text", (c) => c.notNull().check(sql`subject_type in ('topic','category')`))
    .addColumn("subject_id", "integer", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull().check(sql`level in ('watching','muted')`))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint("watch_pk", ["user_id", "subject_type", "subject_id"])
    .execute();
  await db.schema.createIndex("watch_subject").on("watch").columns(["subject_type", "subject_id", "level"]).execute();

  await db.schema
    .createTable("tag")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("name", "text", (c) => c.notNull().unique())
    .execute();
  await db.schema
    .createTable("topic_tag")
    .addColumn("topic_id", "integer", (c) => c.notNull().references("topic.id").onDelete("cascade"))
    .addColumn("tag_id", "integer", (c) => c.notNull().references("tag.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("topic_tag_pk", ["topic_id", "tag_id"])
    .execute();
  await db.schema.createIndex("topic_tag_tag").on("topic_tag").columns(["tag_id", "topic_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "topic_tag",
    "tag",
    "watch",
    "topic_read",
    "draft",
    "flag",
    "reaction",
    "post_revision",
    "post",
    "topic",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
