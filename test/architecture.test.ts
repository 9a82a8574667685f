import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// What the compiler cannot guard: which packages a layer may import.
const ROOT = new URL("../", import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

function imports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  return [...text.matchAll(/^\s*(?:import|export)[^"']*from\s+["']([^"']+)["']/gm)].map((m) => m[1] as string);
}

describe("layers", () => {
  it("keeps core and vn-parser pure: no packages, no node:, no other layers", () => {
    for (const file of [...files("src/core"), ...files("src/vn-parser")]) {
      const bad = imports(file).filter((i) => !i.startsWith("./") && !i.startsWith("../core") && i !== "..");
      expect([file, bad]).toEqual([file, []]);
      const text = readFileSync(join(ROOT, file), "utf8");
      expect([file, /\b(Date\.now|process\.env|new Date\(\))/.test(text)]).toEqual([file, false]);
    }
  });

  it("keeps services, repos and documents free of the HTTP framework", () => {
    const layers = ["src/server/services", "src/server/db", "src/server/documents", "src/server/importer"];
    for (const file of layers.flatMap((d) => files(d))) {
      const bad = imports(file).filter((i) => /fastify|\/http\//.test(i));
      expect([file, bad]).toEqual([file, []]);
    }
  });

  it("keeps the web app off server code", () => {
    for (const file of files("src/web")) {
      const bad = imports(file).filter((i) => /(^|\/)server\//.test(i) || i.startsWith("node:"));
      expect([file, bad]).toEqual([file, []]);
    }
  });
});
