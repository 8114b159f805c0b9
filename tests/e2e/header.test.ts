// The header at a laptop's width in the longest of the three languages: its buttons keep their
// words on one line and the search field's placeholder is shown whole.
import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { launchBrowser, signIn } from "./support/browser";

const baseUrl = inject("baseUrl");

async function measure(page: Page) {
  return page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>(".search-box input")!;
    const context = document.createElement("canvas").getContext("2d")!;
    context.font = getComputedStyle(input).font;
    const padding = parseFloat(getComputedStyle(input).paddingLeft) + parseFloat(getComputedStyle(input).paddingRight);
    return {
      placeholderFits: context.measureText(input.placeholder).width <= input.clientWidth - padding,
      lineHeights: [...document.querySelectorAll<HTMLElement>(".site-header .button")]
        .filter((button) => button.offsetParent !== null)
        .map((button) => {
          // The lines the label takes: the distinct tops of its text's boxes.
          const range = document.createRange();
          range.selectNodeContents(button);
          const tops = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
          return { text: button.textContent?.trim(), lines: tops.size };
        }),
    };
  });
}

describe("the header at 1366 px", () => {
  for (const language of ["vi", "fr", "en"]) {
    it(`fits its buttons and search placeholder in ${language}${language === "vi" ? ", signed out and signed in" : ""}`, async () => {
      const context = await launchBrowser();
      try {
        const page = await context.newPage();
        await page.setViewportSize({ width: 1366, height: 800 });
        await page.setExtraHTTPHeaders({ "accept-language": language });
        await page.goto(`${baseUrl}/`);
        let found = await measure(page);
        expect(found.placeholderFits).toBe(true);
        for (const button of found.lineHeights) expect(button.lines, button.text).toBeLessThanOrEqual(1);
        // Signed in, reading in Vietnamese (the sign-in form is read in English; the member's own
        // setting, which other tests may have changed, is put back afterwards).
        if (language !== "vi") return;
        await page.setExtraHTTPHeaders({ "accept-language": "en" });
        await signIn(page, baseUrl, "minh@demo.test");
        const previous = (await page.locator("html").getAttribute("lang")) ?? "vi";
        const setLanguage = (to: string) =>
          page.request.post(`${baseUrl}/language`, {
            form: { language: to, redirectTo: "/" },
            headers: { origin: baseUrl },
            maxRedirects: 0,
          });
        await setLanguage("vi");
        try {
          await page.goto(`${baseUrl}/`);
          expect(await page.locator("html").getAttribute("lang")).toBe("vi");
          found = await measure(page);
          expect(found.placeholderFits).toBe(true);
          for (const button of found.lineHeights) expect(button.lines, button.text).toBeLessThanOrEqual(1);
        } finally {
          await setLanguage(previous);
        }
      } finally {
        await context.close();
      }
    });
  }
});
