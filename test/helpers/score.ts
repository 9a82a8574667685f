// Loads shared/import/score.mjs (beside the repo: ../shared/import from the repo root)
// and aggregates scoreOne results the way score.mjs's --dir mode does.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { PlanExtract } from "../../src/vn-parser/types";

export const SHARED_IMPORT = resolve(process.cwd(), "../shared/import");
export const SAMPLES_DIR = join(SHARED_IMPORT, "samples");
export const FIXTURES_DIR = resolve(process.cwd(), "test/fixtures/import");

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface DocScore {
  meta: { right: number; seen: number; wrong: string[] };
  legalBasis: Counts;
  indicators: Counts;
  targets: Counts;
  assignments: Counts;
  reporting: Counts;
  actionMonth: Counts;
}

type ScoreOne = (gold: PlanExtract, pred: PlanExtract) => DocScore;

export async function loadScoreOne(): Promise<ScoreOne> {
  const mod = (await import(pathToFileURL(join(SHARED_IMPORT, "score.mjs")).href)) as { scoreOne: ScoreOne };
  return mod.scoreOne;
}

const WEIGHTS = {
  meta: 0.1,
  legalBasis: 0.1,
  indicators: 0.2,
  targets: 0.25,
  assignments: 0.2,
  reporting: 0.1,
  actionMonth: 0.05,
};
type Component = keyof typeof WEIGHTS;
const SETS = ["legalBasis", "indicators", "targets", "assignments", "reporting", "actionMonth"] as const;
type SetName = (typeof SETS)[number];

export function aggregate(scores: DocScore[]): { components: Record<Component, number | null>; overall: number } {
  const meta = { right: 0, seen: 0 };
  const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
  const sums: Record<SetName, Counts> = {
    legalBasis: zero(),
    indicators: zero(),
    targets: zero(),
    assignments: zero(),
    reporting: zero(),
    actionMonth: zero(),
  };
  for (const s of scores) {
    meta.right += s.meta.right;
    meta.seen += s.meta.seen;
    for (const k of SETS) {
      sums[k].tp += s[k].tp;
      sums[k].fp += s[k].fp;
      sums[k].fn += s[k].fn;
    }
  }
  const f1 = (c: Counts): number | null => (c.tp + c.fp + c.fn === 0 ? null : (2 * c.tp) / (2 * c.tp + c.fp + c.fn));
  const components = { meta: meta.seen ? meta.right / meta.seen : null } as Record<Component, number | null>;
  for (const k of SETS) components[k] = f1(sums[k]);
  let sum = 0;
  let w = 0;
  for (const [k, v] of Object.entries(components)) {
    if (v === null) continue;
    sum += v * WEIGHTS[k as Component];
    w += WEIGHTS[k as Component];
  }
  return { components, overall: w ? sum / w : 0 };
}

export interface GoldCase {
  name: string;
  docPath: string;
  gold: PlanExtract;
}

/** NAME.gold.json paired with NAME.txt / NAME.md beside it. */
export function goldCases(dir: string): GoldCase[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".gold.json"))
    .sort()
    .flatMap((f) => {
      const name = f.slice(0, -".gold.json".length);
      const doc = [".txt", ".md"].map((e) => join(dir, name + e)).find(existsSync);
      return doc ? [{ name, docPath: doc, gold: JSON.parse(readFileSync(join(dir, f), "utf8")) as PlanExtract }] : [];
    });
}
