// How many pages a server process computes at once. better-sqlite3 answers synchronously, so a
// render is CPU from start to end: starting fifty at once only interleaves them (each finishes
// late, all hold their memory at the same time, and the event loop goes long stretches without a
// turn, which delays every timer and every cached answer). The others wait their turn, in order.

export class RenderSlots {
  private free: number;
  private waiting: Array<() => void> = [];

  constructor(size: number) {
    this.free = size;
  }

  /** Resolves when a slot is this caller's; every acquire must be followed by one release. */
  acquire(): Promise<void> {
    if (this.free > 0) {
      this.free -= 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release() {
    const next = this.waiting.shift();
    if (next) next();
    else this.free += 1;
  }

  get queued(): number {
    return this.waiting.length;
  }
}

/** RENDER_CONCURRENCY, else 2: on two cores, more in flight per process bought no throughput. */
export function renderConcurrency(): number {
  const configured = Number(process.env.RENDER_CONCURRENCY);
  return Number.isInteger(configured) && configured > 0 ? configured : 2;
}
