// Server-side completion of the working-group form schemas: wall-clock times typed in a time
// zone become UTC instants, with the checks only the server can make (clock changes, the past).
import type { z } from "zod";
import { MAX_MEETING_MS, MAX_PROPOSAL_MS, meetingSchema, proposalSchema } from "~/schemas/groups";
import { localToUtc } from "~/utils/zoned-time.server";
import type { ProposalInput } from "./decisions.server";
import type { MeetingInput } from "./meetings.server";

function toUtc(ctx: z.RefinementCtx, path: string, local: string, zone: string): string | null {
  const result = localToUtc(local, zone);
  if (result.ok) return result.iso;
  // An unknown zone is reported on the zone field by its own rule.
  if (result.reason !== "unknown_zone") {
    ctx.addIssue({
      code: "custom",
      path: [path],
      message: result.reason === "nonexistent" ? "groups.errors.nonexistentTime" : "groups.errors.dateTime",
    });
  }
  return null;
}

/** The meeting form, with its times in UTC; the end must come after the start, within a week. */
export const meetingFormSchema = meetingSchema.transform((value, ctx): MeetingInput => {
  const startsAt = toUtc(ctx, "startsAt", value.startsAt, value.timeZone);
  const endsAt = toUtc(ctx, "endsAt", value.endsAt, value.timeZone);
  if (startsAt && endsAt) {
    if (endsAt <= startsAt) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "groups.errors.endBeforeStart" });
    else if (Date.parse(endsAt) - Date.parse(startsAt) > MAX_MEETING_MS)
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "groups.errors.meetingTooLong" });
  }
  return { ...value, startsAt: startsAt ?? "", endsAt: endsAt ?? "" };
});

/** The proposal form, with its closing time in UTC: in the future, within a year. */
export const proposalFormSchema = proposalSchema.transform((value, ctx): ProposalInput => {
  const closesAt = toUtc(ctx, "closesAt", value.closesAt, value.timeZone);
  if (closesAt) {
    if (closesAt <= new Date().toISOString())
      ctx.addIssue({ code: "custom", path: ["closesAt"], message: "groups.errors.closingInPast" });
    else if (Date.parse(closesAt) - Date.now() > MAX_PROPOSAL_MS)
      ctx.addIssue({ code: "custom", path: ["closesAt"], message: "groups.errors.closingTooFar" });
  }
  return {
    title: value.title,
    body: value.body,
    closesAt: closesAt ?? "",
    meetingId: value.meetingId ?? null,
    documentId: value.documentId ?? null,
  };
});
