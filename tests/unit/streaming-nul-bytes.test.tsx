// React 18.3.1's streaming renderer flushed the unwritten tail of its 2 KB buffer when a multi-byte
// character did not fit at its end: NUL bytes in pages (react #31134, fixed upstream by #26228).
// patches/react-dom+18.3.1.patch carries the upstream fix; this renders pages full of Vietnamese,
// French and typographic characters, in both of react-dom's server builds, and reads every byte.
import type * as ReactDOMServer from "react-dom/server";
import { createRequire } from "node:module";
import path from "node:path";
import { PassThrough } from "node:stream";
import { createElement, Fragment } from "react";
import { describe, expect, it } from "vitest";

// The package's exports hide its builds: they are loaded by file, beside its package.json.
const require = createRequire(import.meta.url);
const reactDom = path.dirname(require.resolve("react-dom/package.json"));
const builds = {
  production: require(path.join(reactDom, "cjs/react-dom-server.node.production.min.js")),
  development: require(path.join(reactDom, "cjs/react-dom-server.node.development.js")),
} as Record<string, typeof ReactDOMServer>;

const SAMPLES = [
  "Điều chỉnh trí tuệ nhân tạo trong y tế — hướng dẫn đánh giá",
  "Évaluation préalable au déploiement : dispositifs médicaux à base d’IA",
  "Giám sát sau triển khai “theo dõi liên tục” – ngưỡng cảnh báo",
  "€ ‰ ≥ ≤ … 🩺 数据",
];

function page(offset: number) {
  // Shift the text by a few ASCII characters each time, so multi-byte characters fall on every
  // position of the 2048-byte buffer's end.
  const rows = Array.from({ length: 120 }, (_, i) =>
    createElement(
      "li",
      { key: i, title: SAMPLES[i % SAMPLES.length], "data-note": "x".repeat((i + offset) % 7) },
      `${"a".repeat((i * 3 + offset) % 11)}${SAMPLES[(i + 1) % SAMPLES.length]}`,
    ),
  );
  return createElement(Fragment, null, createElement("h1", null, SAMPLES[0]), createElement("ul", null, rows));
}

function render(server: typeof ReactDOMServer, element: ReturnType<typeof page>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on("data", (chunk: Buffer) => chunks.push(chunk));
    sink.on("end", () => resolve(Buffer.concat(chunks)));
    const { pipe } = server.renderToPipeableStream(element, {
      onShellReady: () => pipe(sink),
      onShellError: reject,
      onError: reject,
    });
  });
}

describe.each(Object.keys(builds))("react-dom's streaming renderer (%s build)", (build) => {
  it("never sends a NUL byte and always valid UTF-8, wherever multi-byte characters fall", async () => {
    for (let offset = 0; offset < 24; offset++) {
      const bytes = await render(builds[build], page(offset));
      expect(bytes.indexOf(0), `offset ${offset}`).toBe(-1);
      const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      expect(text).toContain(SAMPLES[0]);
    }
  });
});
