// The shape of the house, checked on every run: files small enough to read, no import cycles, the
// schema folder free of application code, and addresses built in one module.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const MAX_LINES = 400;

function filesUnder(dir: string, pattern = /\.(ts|tsx)$/): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(relative, pattern));
    else if (pattern.test(entry.name)) out.push(relative);
  }
  return out;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"|import\("([^"]+)"\)/g;

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2]);
}

/** Resolves an import to a file of the repository, or null for packages. */
function resolve(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("~db/")) base = path.join("db", specifier.slice(4));
  else if (specifier.startsWith("~/")) base = path.join("app", specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.join(path.dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (fs.existsSync(path.join(ROOT, candidate)) && fs.statSync(path.join(ROOT, candidate)).isFile()) return candidate;
  }
  return null;
}

describe("the code's structure", () => {
  const appFiles = filesUnder("app");

  it("keeps every file in app/ under 400 lines, catalogues and the stylesheet aside", () => {
    const long = appFiles
      .filter((file) => !file.startsWith(path.join("app", "locales")))
      .map((file) => ({ file, lines: fs.readFileSync(path.join(ROOT, file), "utf8").split("\n").length }))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ file, lines }) => `${file}: ${lines}`);
    expect(long).toEqual([]);
  });

  it("has no import cycle in app/ or db/ (type imports count: they tie the files together too)", () => {
    const files = [...appFiles, ...filesUnder("db")];
    const graph = new Map(
      files.map((file) => [
        file,
        importsOf(file)
          .map((s) => resolve(file, s))
          .filter((f): f is string => !!f),
      ]),
    );
    const cycles: string[] = [];
    const state = new Map<string, "visiting" | "done">();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, "visiting");
      stack.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === "visiting") cycles.push([...stack.slice(stack.indexOf(next)), next].join(" → "));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, "done");
    };
    for (const file of files) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  it("keeps db/ to the schema: nothing in it imports services, routes or models", () => {
    const offending = filesUnder("db").flatMap((file) =>
      importsOf(file)
        .map((s) => resolve(file, s))
        .filter(
          (target): target is string => !!target && target.startsWith("app") && !target.startsWith(path.join("app", "domain")),
        )
        .map((target) => `${file} → ${target}`),
    );
    expect(offending).toEqual([]);
  });

  it("builds no forum, group, document or library address by hand outside app/utils/paths.ts", () => {
    const literal = /[`"'](?:\/t\/\$\{|\/groups\/\$\{|\/documents\/\$\{|\/library\/\$\{|\/forums\/\$\{|\/members\/\$\{)/;
    const offending = appFiles
      .filter((file) => file !== path.join("app", "utils", "paths.ts"))
      .flatMap((file) =>
        fs
          .readFileSync(path.join(ROOT, file), "utf8")
          .split("\n")
          .map((line, i) => ({ line, i }))
          .filter(({ line }) => literal.test(line))
          .map(({ i }) => `${file}:${i + 1}`),
      );
    expect(offending).toEqual([]);
  });
});
