import { describe, expect, it } from "vitest";
import { can, requiresSecondFactor, type Action, type Viewer } from "~/policies";

const base: Omit<Viewer, "status" | "siteRole" | "groupRoles" | "id"> = {
  username: "x",
  displayName: "X",
  email: "x@example.org",
  language: "en",
  timeZone: "UTC",
  twoFactorEnabled: false,
};
const GROUP = 7;
const viewers: Record<string, Viewer | null> = {
  anonymous: null,
  pending: { ...base, id: 1, status: "pending", siteRole: "member", groupRoles: {} },
  rejected: { ...base, id: 2, status: "rejected", siteRole: "member", groupRoles: {} },
  suspended: { ...base, id: 3, status: "suspended", siteRole: "admin", groupRoles: { [GROUP]: "chair" } },
  member: { ...base, id: 4, status: "approved", siteRole: "member", groupRoles: {} },
  groupMember: { ...base, id: 5, status: "approved", siteRole: "member", groupRoles: { [GROUP]: "member" } },
  moderator: { ...base, id: 6, status: "approved", siteRole: "moderator", groupRoles: {} },
  admin: { ...base, id: 7, status: "approved", siteRole: "admin", groupRoles: {} },
};

const otherApproved = { kind: "user" as const, id: 99, status: "approved" as const, siteRole: "member" as const };
const otherPending = { ...otherApproved, status: "pending" as const };
const privateCategory = { kind: "category" as const, visibility: "private" as const, groupId: GROUP };
const membersCategory = { kind: "category" as const, visibility: "members" as const, groupId: null };
const publicCategory = { kind: "category" as const, visibility: "public" as const, groupId: null };
const privateGroup = { kind: "group" as const, id: GROUP, visibility: "private" as const };
const closedGroup = { kind: "group" as const, id: GROUP, visibility: "closed" as const };

type Case = [Action, unknown, string[]];
// For each action and resource: exactly the viewers who may.
const matrix: Case[] = [
  ["site:admin", undefined, ["admin"]],
  ["audit:view", undefined, ["admin"]],
  ["application:review", otherPending, ["admin"]],
  ["application:review", otherApproved, []],
  ["user:change-role", otherApproved, ["admin"]],
  ["user:suspend", otherApproved, ["admin"]],
  ["user:reset-two-factor", otherApproved, ["admin"]],
  ["members:list", undefined, ["member", "groupMember", "moderator", "admin"]],
  ["profile:view", otherApproved, ["member", "groupMember", "moderator", "admin"]],
  ["profile:view", otherPending, ["admin"]],
  ["settings:edit", undefined, ["pending", "rejected", "suspended", "member", "groupMember", "moderator", "admin"]],
  ["category:read", publicCategory, Object.keys(viewers)],
  ["category:read", membersCategory, ["member", "groupMember", "moderator", "admin"]],
  ["category:read", privateCategory, ["groupMember"]],
  ["group:read", closedGroup, Object.keys(viewers)],
  ["group:read", privateGroup, ["groupMember"]],
  ["group:read-members", closedGroup, ["member", "groupMember", "moderator", "admin"]],
  ["document:read-published", privateGroup, ["groupMember"]],
];

describe("policies", () => {
  for (const [action, resource, allowed] of matrix) {
    it(`${action} on ${JSON.stringify(resource ?? "site")}`, () => {
      const got = Object.entries(viewers)
        .filter(([, viewer]) => (can as (v: Viewer | null, a: Action, r?: unknown) => boolean)(viewer, action, resource))
        .map(([name]) => name);
      expect(got).toEqual(allowed);
    });
  }

  it("an admin may not change their own role or suspend themselves", () => {
    const admin = viewers.admin!;
    const self = { kind: "user" as const, id: admin.id, status: "approved" as const, siteRole: "admin" as const };
    expect(can(admin, "user:change-role", self)).toBe(false);
    expect(can(admin, "user:suspend", self)).toBe(false);
  });

  it("asks approved admins and chairs of any group for a second factor, and nobody else", () => {
    const chair: Viewer = { ...viewers.member!, id: 8, groupRoles: { [GROUP]: "chair" } };
    const asked = Object.entries({ ...viewers, chair })
      .filter(([, viewer]) => requiresSecondFactor(viewer))
      .map(([name]) => name);
    expect(asked).toEqual(["admin", "chair"]);
    expect(
      can(viewers.admin, "user:reset-two-factor", { kind: "user", id: viewers.admin!.id, status: "approved", siteRole: "admin" }),
    ).toBe(false);
  });
});
