import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// Browser and HTTP tests against the real production build (build/index.js), served on loopback
// from a fresh database, driven through Debian's Chromium with playwright-core.
export default defineConfig({
  root,
  resolve: { alias: { "~db": path.join(root, "db"), "~": path.join(root, "app") } },
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/e2e/support/global-setup.ts"],
    pool: "forks",
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
