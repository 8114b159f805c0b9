// RenderSlots (app/utils/render-slots.server.ts): at most N renders at once, the rest in order.
import { describe, expect, it } from "vitest";
import { RenderSlots } from "~/utils/render-slots.server";

describe("RenderSlots", () => {
  it("lets N in at once and the others in the order they came, one per release", async () => {
    const slots = new RenderSlots(2);
    const started: string[] = [];
    const take = (name: string) => slots.acquire().then(() => started.push(name));
    const all = ["a", "b", "c", "d"].map(take);
    await Promise.resolve();
    await Promise.resolve();
    expect(started).toEqual(["a", "b"]);
    expect(slots.queued).toBe(2);
    slots.release();
    await all[2];
    expect(started).toEqual(["a", "b", "c"]);
    slots.release();
    await all[3];
    expect(started).toEqual(["a", "b", "c", "d"]);
    // Releasing with nobody waiting frees a slot for the next caller at once.
    slots.release();
    slots.release();
    slots.release();
    let later = false;
    void slots.acquire().then(() => (later = true));
    await Promise.resolve();
    expect(later).toBe(true);
  });
});
