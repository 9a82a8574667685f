import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

export const ROOT = new URL("../../", import.meta.url).pathname;

/** Changes whenever migrations, reference data or the seeding code change, so templates are rebuilt. */
export function templateKey(): string {
  const h = createHash("sha256");
  const dirs = ["src/server/db/migrations", "reference-data", "src/server/services"];
  for (const dir of dirs) {
    const walk = (d: string) => {
      for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const p = join(d, entry.name);
        if (entry.isDirectory()) walk(p);
        else
          h.update(p)
            .update(String(statSync(p).size))
            .update(readFileSync(p));
      }
    };
    walk(join(ROOT, dir));
  }
  return h.digest("hex").slice(0, 12);
}

export const PGLITE_TEMPLATE_ROOT = join(ROOT, "node_modules/.cache/binhdang-test");
export const pgliteTemplateDir = (key: string) => join(PGLITE_TEMPLATE_ROOT, `pglite-${key}`);
export const pgTemplateName = (key: string) => `bd_template_${key}`;
