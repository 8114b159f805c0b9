// Printing a framework from the library (the browser's print-to-PDF is the PDF export): every page
// has a running header with the title and "Version 1.0" and a page number "n / N"; labels are
// printed in the document's language; "Print or save as PDF" works without JavaScript.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { launchBrowser } from "./support/browser";

const baseUrl = inject("baseUrl");
const PDFTOTEXT = "/usr/bin/pdftotext";
const TITLE = "Framework for the evaluation of AI tools in health before deployment";

const contexts: BrowserContext[] = [];
afterAll(async () => {
  for (const context of contexts) await context.close();
});

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cop-print-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The text of each page of a PDF, by pdftotext (poppler-utils; `bash .ci/run` installs it). */
function pagesOf(file: string): string[] {
  if (!fs.existsSync(PDFTOTEXT))
    throw new Error("pdftotext was not found: apt-get install -y poppler-utils (`bash .ci/run` installs it).");
  const text = execFileSync(PDFTOTEXT, ["-layout", file, "-"], { encoding: "utf8" });
  return text.split("\f").filter((page) => page.trim() !== "");
}

async function printToPdf(url: string, options: { locale?: string } = {}) {
  const context = await launchBrowser({ locale: options.locale });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "networkidle" });
  const file = path.join(dir, `print-${contexts.length}.pdf`);
  await page.pdf({ path: file, format: "A4", preferCSSPageSize: true });
  return pagesOf(file);
}

describe("printing a framework", () => {
  it("puts the title and version at the top of every page and numbers the pages", async () => {
    const pages = await printToPdf(`${baseUrl}/library/pre-deployment-evaluation`);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const squash = (text: string) => text.replace(/\s+/g, " ");
    // The latest version (the browser tests of the lifecycle may have published one after 1.0).
    const version = squash(pages[0]).match(/Version (\d+\.\d+)/)![1];
    for (const [i, text] of pages.entries()) {
      const lines = text.split("\n").filter((line) => line.trim() !== "");
      // The running header is the first line of the page: title (possibly cut short) and version.
      expect(squash(lines[0]), `page ${i + 1}`).toMatch(/Framework for the evaluation/);
      expect(squash(lines[0]), `page ${i + 1}`).toContain(`Version ${version}`);
      // The page number closes the page.
      expect(squash(lines[lines.length - 1]), `page ${i + 1}`).toMatch(new RegExp(`${i + 1} / ${pages.length}\\s*$`));
    }
    expect(squash(pages[1].split("\n")[0])).toContain(`Version ${version}`);
    expect(squash(pages[0])).toContain(TITLE);
    // The address to cite is at the foot of every page.
    expect(pages[1]).toContain(`/library/pre-deployment-evaluation/v/${version}`);
    // Nothing of the site's navigation is printed.
    expect(pages.join("\n")).not.toContain("Subscribe to new publications");
  });

  it("prints the labels in the document's language, whatever the reader's", async () => {
    // A French reader prints the English original: its labels are English.
    const english = (await printToPdf(`${baseUrl}/library/pre-deployment-evaluation`, { locale: "fr-FR" })).join("\n");
    expect(english).toMatch(/Working group/);
    expect(english).toMatch(/Published/);
    expect(english).not.toMatch(/Groupe de travail/);
    // An English reader prints the French translation: its labels and header are French.
    const french = await printToPdf(`${baseUrl}/library/evaluation-avant-deploiement`, { locale: "en-GB" });
    expect(french[0].split("\n")[0]).toMatch(/Version \d+\.\d+/);
    expect(french.join("\n")).toMatch(/Groupe de travail/);
    expect(french.join("\n")).not.toMatch(/Working group/);
  });

  it("offers a print-ready page without JavaScript", async () => {
    const context = await launchBrowser({ javaScriptEnabled: false });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/library/pre-deployment-evaluation`);
    await page.locator("a.print-button").click();
    await page.waitForURL(/\?print=1$/);
    await expect(page.locator(".print-note").textContent()).resolves.toMatch(/Print/);
  });
});
