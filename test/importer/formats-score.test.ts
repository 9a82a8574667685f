import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDocument } from "../../src/server/importer/read-document";
import { type PlanExtract, parsePlanText } from "../../src/vn-parser/index";
import { textToDocx } from "../helpers/docx";
import { aggregate, goldCases, loadScoreOne, SAMPLES_DIR } from "../helpers/score";

const cases = goldCases(SAMPLES_DIR);
let scoreOne: Awaited<ReturnType<typeof loadScoreOne>>;
const tmp = mkdtempSync(join(tmpdir(), "binhdang-import-"));
beforeAll(async () => {
  scoreOne = await loadScoreOne();
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function expectGood(golds: PlanExtract[], preds: PlanExtract[]): void {
  expect(preds).toHaveLength(golds.length);
  const scores = golds.map((gold, i) => {
    const pred = preds[i];
    if (!pred) throw new Error(`no prediction for case ${i}`);
    return scoreOne(gold, pred);
  });
  const { components, overall } = aggregate(scores);
  expect(overall).toBeGreaterThanOrEqual(0.95);
  for (const [name, v] of Object.entries(components)) if (v !== null) expect(v, name).toBeGreaterThanOrEqual(0.9);
}

/** Indicators and their targets, in order: what must survive any file format. */
function shape(e: PlanExtract): string[] {
  return e.goals.flatMap((g) =>
    g.indicators.map(
      (i) =>
        `${g.number}.${i.number}: ${i.targets.map((t) => `${t.comparator}${t.value}${t.unit}@${t.year}`).join(", ")}`,
    ),
  );
}

describe("samples as .docx", () => {
  it("scores like the text files", async () => {
    const preds: PlanExtract[] = [];
    for (const c of cases) {
      const bytes = await textToDocx(readFileSync(c.docPath, "utf8"));
      writeFileSync(join(tmp, `${c.name}.docx`), bytes);
      preds.push(parsePlanText((await readDocument(bytes, `${c.name}.docx`)).text).extract);
    }
    expectGood(
      cases.map((c) => c.gold),
      preds,
    );
  });
});

function hasSoffice(): boolean {
  try {
    execFileSync("which", ["soffice"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const SOFFICE = hasSoffice();
if (!SOFFICE)
  console.warn(
    "PDF test skipped: `soffice` (LibreOffice) is not installed; apt-get install -y libreoffice-writer-nogui fonts-liberation2",
  );

describe.skipIf(!SOFFICE)("samples as .pdf (LibreOffice export)", () => {
  it("gives the same indicators and targets as the text", { timeout: 300_000 }, async () => {
    const preds: PlanExtract[] = [];
    for (const c of cases) {
      const docx = join(tmp, `${c.name}.docx`);
      writeFileSync(docx, await textToDocx(readFileSync(c.docPath, "utf8")));
      // A private profile dir avoids clashing with a running LibreOffice.
      execFileSync(
        "soffice",
        [
          `-env:UserInstallation=file://${join(tmp, "lo-profile")}`,
          "--headless",
          "--norestore",
          "--convert-to",
          "pdf",
          "--outdir",
          tmp,
          docx,
        ],
        { stdio: "ignore", timeout: 240_000 },
      );
      const pdf = new Uint8Array(readFileSync(join(tmp, `${c.name}.pdf`)));
      const fromPdf = parsePlanText((await readDocument(pdf, `${c.name}.pdf`)).text).extract;
      const fromText = parsePlanText(readFileSync(c.docPath, "utf8")).extract;
      expect(shape(fromPdf)).toEqual(shape(fromText));
      preds.push(fromPdf);
    }
    expectGood(
      cases.map((c) => c.gold),
      preds,
    );
  });
});
