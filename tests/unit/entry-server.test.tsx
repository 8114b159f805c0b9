// The document renderer must not keep a finished page in memory: its abort timer goes as soon as
// everything is rendered (it used to hold each page for six seconds after it was sent).
import type { EntryContext } from "@remix-run/node";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

type Callbacks = { onShellReady?: () => void; onAllReady?: () => void; onShellError?: (e: unknown) => void };
const renders: Array<{ callbacks: Callbacks; abort: ReturnType<typeof vi.fn>; pipe: ReturnType<typeof vi.fn> }> = [];

vi.mock("react-dom/server", () => ({
  renderToPipeableStream: (_element: unknown, callbacks: Callbacks) => {
    const render = { callbacks, abort: vi.fn(), pipe: vi.fn() };
    renders.push(render);
    return { pipe: render.pipe, abort: render.abort };
  },
}));

const { default: handleRequest, streamTimeout } = await import("~/entry.server");

const context = { staticHandlerContext: { loaderData: { root: { language: "en" } } } } as unknown as EntryContext;
const render = (userAgent: string) =>
  handleRequest(new Request("http://portal.test/", { headers: { "user-agent": userAgent } }), 200, new Headers(), context, {
    cspNonce: "n",
  });

describe("rendering a page", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    renders.length = 0;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("streams to browsers from the shell and lets go of the abort timer once all is rendered", async () => {
    const response = render("Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0");
    const { callbacks, pipe, abort } = renders[0];
    expect(vi.getTimerCount()).toBe(1);
    callbacks.onShellReady!();
    expect(((await response) as Response).status).toBe(200);
    expect(pipe).toHaveBeenCalledTimes(1);
    callbacks.onAllReady!();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(streamTimeout + 2000);
    expect(abort).not.toHaveBeenCalled();
  });

  it("gives crawlers the whole page at once, with no timer left behind", async () => {
    const response = render("Googlebot/2.1 (+http://www.google.com/bot.html)");
    const { callbacks, pipe } = renders[0];
    callbacks.onShellReady!();
    expect(pipe).not.toHaveBeenCalled();
    callbacks.onAllReady!();
    expect(((await response) as Response).status).toBe(200);
    expect(pipe).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("still aborts a render that never completes", async () => {
    const response = render("Mozilla/5.0 Chrome/120.0");
    const { callbacks, abort } = renders[0];
    callbacks.onShellReady!();
    await response;
    vi.advanceTimersByTime(streamTimeout + 1000);
    expect(abort).toHaveBeenCalledTimes(1);
  });

  it("rejects when the shell fails, clearing the timer", async () => {
    const response = render("Mozilla/5.0 Chrome/120.0");
    renders[0].callbacks.onShellError!(new Error("boom"));
    await expect(response).rejects.toThrow("boom");
    expect(vi.getTimerCount()).toBe(0);
  });
});
