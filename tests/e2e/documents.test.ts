// The guidance-document lifecycle in the browser: concurrent edits merged, a conflicting save kept
// on the conflict page, a member's comment and proposal, the chair accepting it, running and
// closing a consultation, recording dispositions and publishing 1.1, which an anonymous reader
// then finds in the library with the changes from 1.0.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { launchBrowser, signIn } from "./support/browser";

const baseUrl = inject("baseUrl");
const SLUG = "pre-deployment-evaluation";
const DRAFT = `${baseUrl}/documents/${SLUG}`;

const contexts: BrowserContext[] = [];
async function sessionOf(email: string | null): Promise<Page> {
  const context = await launchBrowser();
  contexts.push(context);
  const page = await context.newPage();
  if (email) await signIn(page, baseUrl, email);
  return page;
}

let editor: Page;
let chair: Page;

beforeAll(async () => {
  editor = await sessionOf("editor@demo.test");
  chair = await sessionOf("chair@demo.test"); // the chair reads the site in Vietnamese: selectors use names, not labels
});
afterAll(async () => {
  for (const context of contexts) await context.close();
});

async function openEditor(page: Page) {
  await page.goto(`${DRAFT}/edit`);
  await page.locator("#draft-body").waitFor();
  return page.locator("#draft-body").inputValue();
}

async function saveDraft(page: Page, body: string, message: string) {
  await page.locator("#draft-body").fill(body);
  await page.locator("#draft-message").fill(message);
  await page.locator("button[name=intent][value=save]").click();
}

function section(page: Page, id: string) {
  return page.locator(`section.draft-section:has([id="${id}"])`);
}

describe("guidance documents, in the browser", () => {
  it("merges a second editor's stale save, and keeps the text of a conflicting one", async () => {
    // Both editors open the same revision.
    const editorText = await openEditor(editor);
    const chairText = await openEditor(chair);
    expect(chairText).toBe(editorText);

    // The editor saves first.
    await saveDraft(
      editor,
      editorText.replace(
        "Performance reported elsewhere does not guarantee performance locally",
        "Performance reported elsewhere never guarantees performance locally",
      ),
      "Stronger wording on local performance",
    );
    await editor.waitForURL(/\/documents\/pre-deployment-evaluation\?saved=\d+$/);
    await expect.poll(() => editor.getByText("Your changes have been saved.").isVisible()).toBe(true);

    // The chair's save is now stale; it touches another section, so it is merged.
    await saveDraft(
      chair,
      chairText.replace(
        "Reconsideration is carried out by assessors not involved in the original decision.",
        "Reconsideration is carried out within 60 days by assessors not involved in the original decision.",
      ),
      "Deadline for reconsideration",
    );
    await chair.waitForURL(/merged=1/);
    await expect.poll(() => chair.locator(".notice[role=status]").isVisible()).toBe(true);
    const draft = chair.locator("article.draft");
    await expect.poll(() => draft.textContent()).toContain("never guarantees performance locally");
    expect(await draft.textContent()).toContain("within 60 days");

    // Now both change the same sentence: the second save gets the conflict page, text kept.
    const base = await openEditor(editor);
    await openEditor(chair);
    await saveDraft(
      editor,
      base.replace("takes four to twelve weeks", "takes six to twelve weeks"),
      "Silent mode: six weeks minimum",
    );
    await editor.waitForURL(/saved=\d+/);
    const mine = base.replace("takes four to twelve weeks", "takes eight to sixteen weeks");
    const [response] = await Promise.all([
      chair.waitForResponse(
        (r) => r.url().includes("/documents/pre-deployment-evaluation/edit") && r.request().method() === "POST",
      ),
      saveDraft(chair, mine, "Silent mode: eight weeks"),
    ]);
    expect(response.status()).toBe(409);
    await chair.locator(".conflict").waitFor();
    expect(await chair.locator(".conflict-part").count()).toBe(1);
    expect(await chair.locator(".conflict-part").textContent()).toContain("eight");
    expect(await chair.locator(".conflict-part").textContent()).toContain("six");
    expect(await chair.locator("#draft-body").inputValue()).toBe(mine);
    expect(await chair.locator("#draft-message").inputValue()).toBe("Silent mode: eight weeks");
    // The chair resolves it (keeping both opinions) and saves again.
    await chair.locator("#draft-body").fill(mine.replace("takes eight to sixteen weeks", "takes six to sixteen weeks"));
    await chair.locator("button[name=intent][value=save]").click();
    await chair.waitForURL(/saved=\d+$/);
    await expect.poll(() => chair.locator("article.draft").textContent()).toContain("takes six to sixteen weeks");
  });

  it("lets a member comment and propose; the chair accepts, consults, records dispositions and publishes 1.1", async () => {
    // A member of the working group comments on a section and proposes an amendment.
    const aisha = await sessionOf("aisha@demo.test");
    await aisha.goto(DRAFT);
    const bias = section(aisha, "when-gaps-are-found");
    await bias.locator("details.comment-new summary").click();
    await bias.locator("textarea[name=body]").fill("Could we give an example of a mitigation for a subgroup gap?");
    await bias.getByRole("button", { name: "Send the comment" }).click();
    await aisha.waitForURL(/#comment-\d+$/);
    expect(await section(aisha, "when-gaps-are-found").locator(".comment-thread").last().textContent()).toContain(
      "example of a mitigation",
    );

    await section(aisha, "public-summary").getByRole("link", { name: "Propose a change to this section" }).click();
    await aisha.locator("#proposal-text").waitFor();
    const text = await aisha.locator("#proposal-text").inputValue();
    await aisha
      .locator("#proposal-text")
      .fill(`${text}\n\nThe public summary is published in the official languages of the deploying country.`);
    await aisha.locator("#proposal-reason").fill("Patients and clinicians should be able to read it in their own language.");
    await aisha.getByRole("button", { name: "Send the proposal" }).click();
    await aisha.waitForURL(/\/proposals\/\d+$/);
    const proposalUrl = aisha.url();
    expect(await aisha.locator(".diff-ins").first().textContent()).toContain("official languages");

    // The chair accepts it: a revision credited to Aisha.
    await chair.goto(proposalUrl);
    await chair.locator("form:has(input[name=intent][value=accept]) button[type=submit]").click();
    await chair.waitForURL(/applied=\d+/);
    await chair.goto(`${DRAFT}/history`);
    expect(await chair.locator(".history-table tbody tr").first().textContent()).toContain("Aisha Rahman");

    // The chair opens a members' consultation.
    await chair.goto(`${DRAFT}/consultation`);
    await chair.locator("#consultation-note").fill("Last call before version 1.1.");
    await chair.locator("form:has(input[name=intent][value=open]) button[type=submit]").click();
    await chair.locator("button[name=intent][value=close]").waitFor();

    // An approved member outside the group sees the banner with the deadline and comments.
    const member = await sessionOf("member@demo.test");
    await member.goto(DRAFT);
    expect(await member.getByRole("heading", { name: "This draft is open for consultation" }).isVisible()).toBe(true);
    expect(await member.getByText(/Comments are accepted until/).isVisible()).toBe(true);
    const evidence = section(member, "evidence-matrix");
    await evidence.locator("details.comment-new summary").click();
    await evidence
      .locator("textarea[name=body]")
      .fill("Class 2 tools in primary care should also need a short prospective check.");
    await evidence.getByRole("button", { name: "Send the comment" }).click();
    await member.waitForURL(/#comment-\d+$/);
    expect(await member.getByText("Consultation comment").first().isVisible()).toBe(true);

    // The chair closes it now, and records a disposition.
    await chair.goto(`${DRAFT}/consultation`);
    await chair.locator("button[name=intent][value=close]").click();
    // Closing cannot be undone: the dialog asks first.
    await chair.locator("dialog[open] button.button--danger").click();
    await chair.locator("form:has(input[name=intent][value=open])").waitFor();
    const item = chair.locator(".disposition-item", { hasText: "short prospective check" });
    await item.locator("select[name=disposition]").selectOption("partly_accepted");
    await item.locator("textarea[name=response]").fill("A prospective check is recommended, not required, for Class 2.");
    await item.locator("button[type=submit]").click();
    await chair.waitForURL(/#disposition-\d+$/);
    await expect
      .poll(() => chair.locator(".disposition-item", { hasText: "short prospective check" }).locator(".badge").count())
      .toBe(1);

    // After the window, the draft is no longer open to the member: the library is.
    await member.goto(DRAFT);
    expect(member.url()).toBe(`${baseUrl}/library/${SLUG}`);

    // The chair publishes version 1.1.
    await chair.goto(`${DRAFT}/publish`);
    await chair
      .locator("#publish-notes")
      .fill("Clarifies local validation, generative AI and the public summary after the members' consultation.");
    await chair.locator("#publish-reviewDue").fill("2027-12-01");
    await chair.locator("form:has(input[name=intent][value=publish]) button[type=submit]").click();
    await chair.waitForURL(`${baseUrl}/library/${SLUG}/v/1.1?published=1`);
  });

  it("shows an anonymous reader version 1.1 in the library, with what changed from 1.0", async () => {
    const reader = await sessionOf(null);
    await reader.goto(`${baseUrl}/library/${SLUG}`);
    expect(await reader.locator(".facts").textContent()).toContain("1.1");
    expect(await reader.locator("article.prose").textContent()).toContain("official languages of the deploying country");
    expect(await reader.getByRole("heading", { name: "Consultation comments and their disposition" }).isVisible()).toBe(true);
    expect(await reader.locator(".disposition-table").textContent()).toContain("short prospective check");
    await reader.getByRole("link", { name: "What changed from 1.0 to 1.1" }).click();
    await reader.waitForURL(/\/library\/pre-deployment-evaluation\/changes\?from=1\.0&to=1\.1$/);
    await expect
      .poll(() => reader.getByRole("heading", { level: 1 }).textContent())
      .toBe("Changes from version 1.0 to version 1.1");
    const added = (await reader.locator(".diff-ins").allTextContents()).join(" ");
    expect(added).toContain("official languages");
    expect(added).toContain("60 days");
    // The version 1.0 page is still there, citable.
    await reader.goto(`${baseUrl}/library/${SLUG}/v/1.0`);
    expect(await reader.locator("article.prose").textContent()).not.toContain("official languages of the deploying country");
    // The drafting workspace is not for visitors: they are sent to the library.
    await reader.goto(DRAFT);
    expect(reader.url()).toBe(`${baseUrl}/library/${SLUG}`);
  });
});

describe("guidance documents, without JavaScript", () => {
  it("previews on the server and keeps the text on the conflict page", async () => {
    const open = async (email: string) => {
      const context = await launchBrowser({ javaScriptEnabled: false });
      contexts.push(context);
      const page = await context.newPage();
      await signIn(page, baseUrl, email);
      await page.goto(`${DRAFT}/edit`);
      return page;
    };
    const first = await open("editor@demo.test");
    const second = await open("chair@demo.test");
    const base = await first.locator("#draft-body").inputValue();
    // The Preview button renders the text on the server and keeps it in the form.
    const previewText = base.replace("### Appeals", "### Appeals and *reconsideration*");
    await first.locator("#draft-body").fill(previewText);
    await first.locator("button[name=intent][value=preview]").click();
    await first.waitForLoadState("domcontentloaded");
    expect(await first.locator(".markdown-editor__preview em", { hasText: "reconsideration" }).count()).toBe(1);
    expect(await first.locator("#draft-body").inputValue()).toBe(previewText);
    await first.locator("button[name=intent][value=save]").click();
    await first.waitForURL(/saved=\d+/);
    // The second editor changed the same heading meanwhile.
    const mine = base.replace("### Appeals", "### Appeals procedure");
    await second.locator("#draft-body").fill(mine);
    const [response] = await Promise.all([
      second.waitForResponse((r) => r.url().endsWith("/edit") && r.request().method() === "POST"),
      second.locator("button[name=intent][value=save]").click(),
    ]);
    expect(response.status()).toBe(409);
    await second.waitForLoadState("domcontentloaded");
    expect(await second.locator(".conflict-part").count()).toBe(1);
    expect(await second.locator("#draft-body").inputValue()).toBe(mine);
  });
});

describe("guidance documents, accessibility", () => {
  it("has no WCAG 2.2 AA violation on the workspace and library pages (axe-core)", async () => {
    const fs = await import("node:fs");
    const { createRequire } = await import("node:module");
    const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
    const page = await sessionOf("editor@demo.test");
    const audit = async (path: string, on: Page = page) => {
      const response = await on.goto(baseUrl + path);
      expect(response?.status(), path).toBeLessThan(400);
      await on.evaluate(axeSource);
      const violations = await on.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: (
                context: unknown,
                options: unknown,
              ) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }>;
            };
          }
        ).axe;
        // The site header is audited by tests/e2e/accessibility.test.ts; these pages are the documents'.
        const result = await axe.run(
          { include: [["main"]] },
          { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } },
        );
        return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target) }));
      });
      return violations;
    };
    await page.goto(`${DRAFT}/history`);
    // Revisions are named #N (per document); their addresses carry the ids.
    const newest = await page.locator(".history-table tbody tr th a").first().getAttribute("href");
    const oldest = await page.locator(".history-table tbody tr th a").last().getAttribute("href");
    const [to, from] = [newest!.split("/").pop(), oldest!.split("/").pop()];
    for (const path of [
      `/documents/${SLUG}`,
      `/documents/${SLUG}/edit`,
      `/documents/${SLUG}/history`,
      `/documents/${SLUG}/compare?from=${from}&to=${to}`,
      `/documents/${SLUG}/compare?from=${from}&to=${to}&view=split`,
      `/documents/${SLUG}/revisions/${from}`,
      `/documents/${SLUG}/proposals`,
      `/documents/${SLUG}/proposals/new?section=appeals`,
      `/documents/${SLUG}/consultation`,
      `/documents/${SLUG}/settings`,
      `/documents/new?group=evaluation-procedures`,
      `/groups/evaluation-procedures/documents`,
      `/library/${SLUG}/changes?from=1.0&to=1.1`,
      `/library?status=published&sort=title`,
    ]) {
      expect(await audit(path), path).toEqual([]);
    }
    // The chair's publishing page (in Vietnamese, the chair's language).
    expect(await audit(`/documents/${SLUG}/publish`, chair)).toEqual([]);
    expect(await audit(`/documents/${SLUG}/consultation`, chair)).toEqual([]);
  });
});
