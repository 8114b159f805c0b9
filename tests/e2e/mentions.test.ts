// "@" completion in the reply composer, in Chromium: typed, listed, chosen with the keyboard.
import { describe, expect, inject, it } from "vitest";
import { launchBrowser, signIn } from "./support/browser";

const baseUrl = inject("baseUrl");

describe("mentioning a member while replying", () => {
  it("lists matching members under the text and inserts the chosen one with Enter", async () => {
    const context = await launchBrowser();
    try {
      const page = await context.newPage();
      await signIn(page, baseUrl, "member@demo.test");
      await page.goto(`${baseUrl}/forums/introductions`);
      await page.locator("a[href^='/t/']").first().click();
      await page.waitForLoadState("networkidle");
      const reply = page.locator("#reply-body");
      await reply.click();
      await reply.pressSequentially("Thanks @ra", { delay: 30 });
      const option = page.getByRole("option", { name: /@ravi/ });
      await expect.poll(() => option.isVisible(), { timeout: 10_000 }).toBe(true);
      expect(await reply.getAttribute("aria-activedescendant")).toBe("reply-body-mentions-0");
      await reply.press("Enter");
      await expect.poll(() => reply.inputValue()).toBe("Thanks @ravi ");
      expect(await page.getByRole("listbox").isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });
});
