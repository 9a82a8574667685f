// Entry point of the pure Vietnamese plan parser: text in, PlanExtract + spans + warnings out.
//
// Recognised documents (one example opening line each):
//   plan                    "KẾ HOẠCH" / "Thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2025 …"
//   plan in a decision      "QUYẾT ĐỊNH" / "Về việc ban hành Kế hoạch …" … "KẾ HOẠCH" / "(Ban hành kèm theo Quyết định số …)"
//   report                  "BÁO CÁO" / "Kết quả thực hiện công tác bình đẳng giới năm 2023" / "Kính gửi: …"
//   web scrape              "| UBND TỈNH X | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |"
// Every rule is isolated: a failing rule becomes a warning, never an exception.

import { readActionMonth } from "./action-month";
import { type GoalIndex, readAssignments } from "./assignments";
import { type LocatedGoal, readGoals } from "./goals";
import { readKind, readNumber, readPeriod, readPlaceDate, readTitle } from "./header";
import { readLegalBasis } from "./legal-basis";
import { buildDoc, type Doc, normalizeText } from "./normalize";
import { readReporting } from "./reporting";
import { findSections, type Sections } from "./sections";
import { readSigner } from "./signer";
import { mergeTableGoals, readIndicatorTables, type TableExtract } from "./tables";
import type { DocumentMeta, ParseResult, ParseWarning, PlanExtract, Span } from "./types";
import { warn } from "./warnings";

export { normalizeText } from "./normalize";
export { parseVnNumber } from "./numbers";
export type * from "./types";

export function emptyExtract(): PlanExtract {
  return {
    document: {
      kind: "other",
      number: null,
      symbol: null,
      place: null,
      date: null,
      title: null,
      periodFrom: null,
      periodTo: null,
      signer: null,
    },
    legalBasis: [],
    goals: [],
    assignments: [],
    reporting: [],
    actionMonth: null,
  };
}

/** Runs one rule; an exception becomes a RULE_FAILED warning and the fallback value. */
function attempt<T>(rule: string, warnings: ParseWarning[], fallback: T, run: () => T): T {
  try {
    return run();
  } catch (e) {
    warnings.push(warn("RULE_FAILED", { rule, detail: e instanceof Error ? e.message : String(e) }));
    return fallback;
  }
}

function readDocumentMeta(
  doc: Doc,
  sections: Sections,
  spans: Record<string, Span>,
  warnings: ParseWarning[],
): DocumentMeta {
  const meta = emptyExtract().document;
  const end = (() => {
    const first = sections.headings[0];
    const line = first ? first.line : Math.min(doc.lines.length - 1, 40);
    return doc.lines[Math.max(0, line)]?.start ?? 0;
  })();
  const num = attempt("header.number", warnings, { number: null, symbol: null }, () => readNumber(doc, end));
  meta.number = num.number?.value ?? null;
  meta.symbol = num.symbol?.value ?? null;
  if (num.number) spans["document.number"] = num.number.span;
  if (num.symbol) spans["document.symbol"] = num.symbol.span;
  // The date line may sit just below the type heading in some scrapes: look a little further.
  const dateLine = doc.lines[Math.min(doc.lines.length - 1, (sections.main?.line ?? 0) + 8)];
  const dateEnd = Math.min(doc.text.length, Math.max(end, dateLine?.start ?? doc.text.length));
  const pd = attempt("header.date", warnings, { place: null, date: null }, () => readPlaceDate(doc, dateEnd));
  meta.place = pd.place?.value ?? null;
  meta.date = pd.date?.value ?? null;
  if (pd.place) spans["document.place"] = pd.place.span;
  if (pd.date) spans["document.date"] = pd.date.span;
  const title = attempt("header.title", warnings, null, () => readTitle(doc, sections));
  meta.title = title?.value ?? null;
  if (title) spans["document.title"] = title.span;
  else warnings.push(warn("NO_TITLE"));
  meta.kind = attempt("header.kind", warnings, "other" as const, () => readKind(doc, sections, meta.symbol));
  const goalsLine = sections.goals ? doc.lines[sections.goals.start] : undefined;
  const goalsHeading = goalsLine ? doc.lower.slice(goalsLine.start, goalsLine.end) : null;
  const docYear = meta.date ? Number(meta.date.slice(0, 4)) : null;
  const [from, to] = attempt("header.period", warnings, [null, null] as [number | null, number | null], () =>
    readPeriod(meta.title, goalsHeading, docYear),
  );
  meta.periodFrom = from;
  meta.periodTo = to;
  const signer = attempt("signer", warnings, null, () => readSigner(doc));
  if (signer) {
    meta.signer = signer.value;
    spans["document.signer"] = signer.span;
  } else warnings.push(warn("NO_SIGNER"));
  return meta;
}

function indexGoals(goals: LocatedGoal[]): GoalIndex {
  const index: GoalIndex = new Map();
  for (const g of goals) {
    if (g.goal.number === null || index.has(g.goal.number)) continue;
    const nums = g.goal.indicators.map((i) => i.number).filter((n): n is number => n !== null);
    index.set(g.goal.number, nums.length === g.goal.indicators.length ? nums : []);
  }
  return index;
}

function parseUnsafe(text: string, warnings: ParseWarning[]): ParseResult {
  const doc = buildDoc(text);
  const spans: Record<string, Span> = {};
  const extract = emptyExtract();
  const sections = findSections(doc);
  extract.document = readDocumentMeta(doc, sections, spans, warnings);
  const legal = attempt("legalBasis", warnings, [], () =>
    readLegalBasis(doc, 0, sections.preambleEnd, extract.document.number),
  );
  extract.legalBasis = legal.map((l) => l.value);
  legal.forEach((l, i) => {
    spans[`legalBasis.${i}`] = l.span;
  });
  const textGoals = attempt("goals", warnings, [] as LocatedGoal[], () =>
    sections.goals ? readGoals(doc, sections.goals.start, sections.goals.end, extract.document.periodTo) : [],
  );
  // Indicator tables anywhere (annexes included) add what the text lacks.
  const tables = attempt("tables", warnings, { goals: [], assignments: [] } as TableExtract, () =>
    readIndicatorTables(doc, 0, doc.lines.length, extract.document.periodTo),
  );
  const goals = attempt("tables.merge", warnings, textGoals, () => mergeTableGoals(textGoals, tables.goals));
  extract.goals = goals.map((g) => g.goal);
  goals.forEach((g, gi) => {
    spans[`goals.${gi}`] = g.span;
    g.indicators.forEach((ind, ii) => {
      spans[`goals.${gi}.indicators.${ii}`] = ind.span;
      ind.targetSpans.forEach((t, ti) => {
        spans[`goals.${gi}.indicators.${ii}.targets.${ti}`] = t;
      });
      if (ind.indicator.targets.length === 0)
        warnings.push(
          warn("INDICATOR_WITHOUT_TARGET", { goal: g.goal.number, indicator: ind.indicator.number }, ind.span),
        );
    });
  });
  if (!goals.length && extract.document.kind === "plan") warnings.push(warn("NO_GOALS"));
  const goalIndex = indexGoals(goals);
  const assignments = attempt("assignments", warnings, [], () =>
    sections.org ? readAssignments(doc, sections.org.start, sections.org.end, goalIndex) : [],
  );
  const seenAssignments = new Set(assignments.map((a) => JSON.stringify(a.value)));
  for (const a of tables.assignments) {
    const key = JSON.stringify(a.value);
    if (seenAssignments.has(key)) continue;
    seenAssignments.add(key);
    assignments.push(a);
  }
  extract.assignments = assignments.map((a) => a.value);
  assignments.forEach((a, i) => {
    spans[`assignments.${i}`] = a.span;
    if (a.value.goal !== null && !goalIndex.has(a.value.goal))
      warnings.push(warn("UNKNOWN_GOAL", { goal: a.value.goal }, a.span));
  });
  const reportFrom = Math.min(sections.preambleEnd, doc.lines.length - 1);
  const reporting = attempt("reporting", warnings, [], () => readReporting(doc, reportFrom, doc.lines.length));
  extract.reporting = reporting.map((r) => r.value);
  reporting.forEach((r, i) => {
    spans[`reporting.${i}`] = r.span;
  });
  const am = attempt("actionMonth", warnings, null, () => readActionMonth(doc));
  extract.actionMonth = am?.value ?? null;
  if (am) spans.actionMonth = am.span;
  return { extract, warnings, spans, text };
}

/** Parses a plan's text. Never throws: failures degrade to warnings. */
export function parsePlanText(input: string): ParseResult {
  const warnings: ParseWarning[] = [];
  let text = "";
  try {
    text = normalizeText(typeof input === "string" ? input : String(input ?? ""));
  } catch (e) {
    warnings.push(warn("RULE_FAILED", { rule: "normalize", detail: e instanceof Error ? e.message : String(e) }));
    return { extract: emptyExtract(), warnings, spans: {}, text: "" };
  }
  try {
    if (!text.trim()) {
      warnings.push(warn("EMPTY_TEXT"));
      return { extract: emptyExtract(), warnings, spans: {}, text };
    }
    return parseUnsafe(text, warnings);
  } catch (e) {
    warnings.push(warn("RULE_FAILED", { rule: "parse", detail: e instanceof Error ? e.message : String(e) }));
    return { extract: emptyExtract(), warnings, spans: {}, text };
  }
}
