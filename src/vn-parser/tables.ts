// Indicator tables: targets laid out as rows of a table (often an annex, "Phụ lục"), read into the
// same goals, indicators, targets and assignments the text rules give for the same content.
//
// Rows arrive as "| a | b | c |" (DOCX tables, markdown; a "|---|" rule row is skipped) or as a
// PDF line whose columns pdf-layout split on wide gaps ("a | b | c").
//
// Recognised forms (one example each):
//   header row            "| STT | Chỉ tiêu | Đơn vị tính | Chỉ tiêu năm 2025 | Cơ quan chủ trì | Cơ quan phối hợp |"
//   two-row header        "| TT | Nội dung | Mục tiêu |  |" / "| TT | Nội dung | Năm 2025 | Năm 2030 |"
//   column numbers row    "| (1) | (2) | (3) | (4) |"                                       → skipped
//   goal row, spanning    "| Mục tiêu 1: Trong lĩnh vực chính trị |  |  |  |"
//   goal row, numbered    "| I | Lĩnh vực kinh tế, lao động |  |  |"  /  "| 2 | Lĩnh vực … |" above "| 2.1 | … |"
//   indicator row         "| 1 | Tỷ lệ lao động nữ làm công hưởng lương | % | 60 | Sở Lao động - TB&XH | Cục Thống kê |"
//   value with comparator "≥ 60", "Trên 30%", "Dưới 26", "1,4 lần", "105/100", "35/100.000", "04 tin, bài"
//   baseline column       "Thực hiện năm 2020", "Ước thực hiện 2023", "Năm gốc"                 → target baseline
//   whole sentence        "| 1 | Tỷ lệ lao động nữ … đạt 60% trở lên | Sở … |" (no value column) → the text rules
// Column headers are matched with diacritics folded ("chi tieu", "don vi tinh", "chu tri").

import { splitAgencies } from "./agencies";
import type { LocatedAssignment } from "./assignments";
import { classifyDomain } from "./domains";
import type { LocatedGoal, LocatedIndicator } from "./goals";
import { collapse, type Doc, type Line } from "./normalize";
import { parseVnNumber } from "./numbers";
import { extractTargets } from "./targets";
import type { Role, Span, Target } from "./types";

/** Folds a string for header matching: lower case, no tone marks, đ → d. */
export function fold(s: string): string {
  return s.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/\s+/g, " ").trim();
}

interface Cell {
  clean: string;
  lower: string;
  start: number;
  end: number;
}

interface Row {
  line: Line;
  cells: Cell[];
}

/** "| a | b |" (markdown, DOCX) or "a | b | c" (PDF columns). */
export function isTableRow(line: Line): boolean {
  const t = line.text.trim();
  if (t.startsWith("|")) return true;
  return (t.match(/ \| /g)?.length ?? 0) >= 2;
}

function splitRow(line: Line): Cell[] {
  const cells: Cell[] = [];
  const bars: number[] = [];
  for (let i = 0; i < line.text.length; i++) if (line.text[i] === "|" && line.text[i - 1] !== "\\") bars.push(i);
  const edges = [-1, ...bars, line.text.length];
  for (let k = 0; k + 1 < edges.length; k++) {
    const a = (edges[k] ?? 0) + 1;
    const b = edges[k + 1] ?? line.text.length;
    cells.push({
      clean: collapse(line.clean.slice(a, b)),
      lower: collapse(line.lower.slice(a, b)),
      start: line.start + a,
      end: line.start + b,
    });
  }
  // "| a | b |": the empty text before the first bar and after the last is no cell.
  const t = line.text;
  if (t.trimStart().startsWith("|")) cells.shift();
  if (t.trimEnd().endsWith("|")) cells.pop();
  return cells;
}

const isRule = (cells: Cell[]): boolean => cells.every((c) => /^:?-{2,}:?$|^$/.test(c.clean.trim()));

type Role_ = "stt" | "content" | "unit" | "target" | "baseline" | "lead" | "support" | "report" | "note" | null;

interface Column {
  role: Role_;
  year: number | null;
}

const YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/;

function columnOf(header: string): Column {
  const h = fold(header);
  const year = YEAR.exec(h);
  const y = year ? Number(year[1]) : null;
  if (!h) return { role: null, year: null };
  if (/^(?:s\.?\s?tt|tt|so tt|so thu tu|thu tu)$/.test(h)) return { role: "stt", year: null };
  if (/ghi chu/.test(h)) return { role: "note", year: null };
  if (/chu tri|don vi thuc hien|co quan thuc hien|co quan tham muu|trach nhiem|dau moi/.test(h) && !/phoi hop/.test(h))
    return { role: "lead", year: null };
  if (/phoi hop/.test(h)) return { role: "support", year: null };
  if (/(?:bao cao|cung cap|thu thap|tong hop) so lieu|co quan bao cao|don vi bao cao/.test(h))
    return { role: "report", year: null };
  if (/^(?:don vi tinh|dvt|don vi|don vi do)$/.test(h) || /don vi tinh/.test(h)) return { role: "unit", year: null };
  if (/thuc hien|uoc|hien trang|co so|nam goc|ket qua|so lieu nam|diem xuat phat/.test(h))
    return { role: "baseline", year: y };
  if (y !== null) return { role: "target", year: y };
  if (/noi dung|ten chi tieu|chi tieu|muc tieu|linh vuc/.test(h)) {
    // "Chỉ tiêu phấn đấu", "Mục tiêu cần đạt", "Kế hoạch": a value column, not the indicator's name.
    if (/phan dau|can dat|giao|ke hoach|gia tri|dat duoc/.test(h) && !/noi dung|ten/.test(h))
      return { role: "target", year: null };
    return { role: "content", year: null };
  }
  if (/ke hoach|gia tri|muc phan dau|phan dau/.test(h)) return { role: "target", year: null };
  return { role: null, year: null };
}

interface Layout {
  columns: Column[];
  content: number;
  /** Lines used by the header (one or more rows). */
  headerRows: number;
}

/** Reads the header of a table whose rows start at `rows[0]`; null when it is no indicator table. */
function readHeader(rows: Row[]): Layout | null {
  for (let h = 0; h < Math.min(3, rows.length); h++) {
    const first = rows[h];
    if (!first) continue;
    const width = first.cells.length;
    if (width < 2) continue;
    // Header text of each column: this row plus continuation rows (years under "Mục tiêu", …).
    const texts = first.cells.map((c) => c.clean);
    let used = 1;
    for (let k = h + 1; k < Math.min(rows.length, h + 3); k++) {
      const next = rows[k];
      if (!next || !isHeaderContinuation(next, first)) break;
      next.cells.forEach((c, i) => {
        const above = texts[i] ?? "";
        if (c.clean && fold(c.clean) !== fold(above)) texts[i] = above ? `${above} ${c.clean}` : c.clean;
      });
      used++;
    }
    const columns = texts.map(columnOf);
    // A spanning header above the years ("Mục tiêu" over "2025 | 2030") read as content: years win.
    const contentCols = columns.flatMap((c, i) => (c.role === "content" ? [i] : []));
    const valueCols = columns.filter((c) => c.role === "target").length;
    const unitCol = columns.some((c) => c.role === "unit");
    if (!contentCols.length) continue;
    if (!valueCols && !unitCol && !columns.some((c) => c.role === "lead")) continue;
    // Prefer "Nội dung"/"Tên chỉ tiêu" over a bare "Chỉ tiêu"/"Mục tiêu".
    const best =
      contentCols.find((i) => /noi dung|ten chi tieu/.test(fold(texts[i] ?? ""))) ??
      contentCols.find((i) => /chi tieu/.test(fold(texts[i] ?? ""))) ??
      contentCols[0];
    if (best === undefined) continue;
    // Other "content-like" columns with a value word become value columns (e.g. "Mục tiêu" next to "Nội dung").
    columns.forEach((c, i) => {
      if (c.role === "content" && i !== best) c.role = "target";
    });
    return { columns, content: best, headerRows: h + used };
  }
  return null;
}

function isHeaderContinuation(row: Row, header: Row): boolean {
  let sawNew = false;
  for (let i = 0; i < row.cells.length; i++) {
    const c = fold(row.cells[i]?.clean ?? "");
    if (!c) continue;
    if (c === fold(header.cells[i]?.clean ?? "")) continue;
    if (YEAR.test(c) && c.length <= 40 && !/%/.test(c)) {
      sawNew = true;
      continue;
    }
    if (
      /^(?:co quan |don vi )?(?:chu tri|phoi hop|nam|nu|tong so|ke hoach|thuc hien|muc tieu|chi tieu|gia tri)$/.test(c)
    ) {
      sawNew = true;
      continue;
    }
    return false;
  }
  return sawNew;
}

const isColumnNumbers = (row: Row): boolean =>
  row.cells.filter((c) => c.clean).length >= 2 &&
  row.cells.every((c) => !c.clean || /^\(?(?:\d{1,2}|[A-Z])\)?(?:\s*=\s*[\d()/x*+-\s]+)?$/.test(c.clean.trim()));

// ---- rows → goals ---------------------------------------------------------------------------

const ROMAN_STT = /^(?:[IVX]{1,5}|[A-EĐ])\.?$/u;
const GOAL_LABEL = /^mục tiêu\s{0,2}(?:số\s{0,2})?(\d{1,2})(?!\d)\s{0,2}(?:\([^)]{0,80}\))?\s{0,2}[:.)\-–]?\s*/u;
const IND_LABEL = /^chỉ tiêu\s{0,2}(?:số\s{0,2})?(\d{1,2})(?!\d)\s{0,2}[:.)\-–]?\s*/u;
const FIELD = /^(?:(?:trong|về|đối với)\s+)?(?:lĩnh vực|đời sống gia đình|giáo dục|y tế|kinh tế|chính trị|thông tin)/u;

function romanValue(s: string): number | null {
  const t = s.replace(/\.$/, "").toUpperCase();
  if (/^[A-EĐ]$/u.test(t)) return "ABCĐDE".replace("Đ", "").indexOf(t) + 1 || null;
  const map: Record<string, number> = { I: 1, V: 5, X: 10 };
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const v = map[t[i] ?? ""] ?? 0;
    const next = map[t[i + 1] ?? ""] ?? 0;
    n += v < next ? -v : v;
  }
  return n > 0 ? n : null;
}

interface TableDraft {
  goal: { number: number | null; title: string | null; titleLower: string; span: Span } | null;
  indicators: LocatedIndicator[];
  assignments: { agency: string; role: Role; indicator: number | null; span: Span }[];
}

const ROLE_OF: Partial<Record<NonNullable<Role_>, Role>> = { lead: "lead", support: "support", report: "report" };

/** "Tỷ lệ %" → "%", "lần" → " lần", "Số bé trai/100 bé gái" → "/100", "người" → " người". */
function unitSuffix(unit: string): string {
  const u = fold(unit);
  if (!u || u === "-") return "";
  if (/%|phan tram|ty le/.test(u)) return "%";
  if (/^lan\b/.test(u)) return " lần";
  const rate = /\/\s*(100\.000|100000|1\.000|1000|100)\b/.exec(u);
  if (rate) return `/${rate[1]}`;
  return ` ${unit.trim()}`;
}

const CMP_WORDS: [RegExp, string][] = [
  [/^(?:≥|>=|=>)\s*/u, "không dưới "],
  [/^(?:≤|<=|=<)\s*/u, "không quá "],
  [/^>\s*/u, "trên "],
  [/^<\s*/u, "dưới "],
  [/^(?:~|≈)\s*/u, "khoảng "],
];

/** One value (part of a cell) as a clause the target rules read, with the indicator's own verb in front. */
function valueClause(value: string, unit: string, contentLower: string, down = false): string | null {
  let v = value.trim();
  if (!/\d/.test(v)) return null;
  for (const [re, word] of CMP_WORDS) v = v.replace(re, word);
  v = v.replace(/(\d)\s*%/u, "$1%");
  const lowerV = v.toLowerCase();
  // "60%", "1,4 lần", "35/100.000", "04 tin, bài": the value names its unit; "60" takes the unit column's.
  const hasUnit = /\d\s*(?:%|\/\s*\d)|\d\s+\p{L}{2,}/u.test(lowerV.replace(/(?:năm|đến)\s+(?:19|20)\d\d/gu, ""));
  const tail = hasUnit ? "" : unitSuffix(unit);
  const ownWord =
    /^(?:không dưới|không quá|ít nhất|tối thiểu|tối đa|trên|dưới|khoảng|đạt|giảm|tăng|duy trì|ở mức|còn|xuống|lên|bằng)(?!\p{L})/u.test(
      lowerV,
    );
  let verb = "đạt";
  if (down || /(?<!\p{L})(?:giảm|hạ)(?!\p{L})/u.test(contentLower)) verb = "giảm còn";
  else if (/(?<!\p{L})(?:duy trì|ở mức|giữ vững|giữ ổn định|tỷ số giới tính khi sinh)(?!\p{L})/u.test(contentLower))
    verb = "ở mức";
  return `${ownWord ? "" : `${verb} `}${v}${tail}`;
}

/** A cell holding several values ("Tiểu học trên 98; THCS trên 85") gives one clause each. */
function valueClauses(cell: string, unit: string, contentLower: string, down = false): string[] {
  return cell
    .split(/\s*[;\n]\s*|\s+-\s+(?=\p{L})/u)
    .map((part) => valueClause(part, unit, contentLower, down))
    .filter((c): c is string => c !== null);
}

/** Lower view the target rules expect: lower case, same length. */
function lowerSame(s: string): string {
  let out = "";
  for (const ch of s) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

function rowTargets(
  row: Row,
  layout: Layout,
  contentClean: string,
  contentLower: string,
  defaultYear: number | null,
): { targets: Target[]; spans: Span[] } {
  const unitIdx = layout.columns.findIndex((c) => c.role === "unit");
  const unit = unitIdx >= 0 ? (row.cells[unitIdx]?.clean ?? "") : "";
  let baseline: number | null = null;
  const targets: Target[] = [];
  const spans: Span[] = [];
  layout.columns.forEach((col, i) => {
    if (col.role !== "baseline") return;
    const cell = row.cells[i];
    const clause = cell ? valueClauses(cell.clean, unit, contentLower)[0] : undefined;
    if (!clause) return;
    const found = extractTargets(clause, lowerSame(clause), null)[0];
    if (found) baseline = found.target.value;
  });
  // A row whose other value says "< 42", or whose value falls below the baseline, aims downward.
  const valueCells = layout.columns.flatMap((c, i) => (c.role === "target" ? [row.cells[i]?.clean ?? ""] : []));
  const rowDown = valueCells.some((v) => /^\s*(?:<|≤|=<|dưới|không quá|tối đa|giảm)/iu.test(v));
  layout.columns.forEach((col, i) => {
    if (col.role !== "target") return;
    const cell = row.cells[i];
    if (!cell) return;
    const year = col.year ?? defaultYear;
    const first = /\d+(?:[.,]\d+)*/.exec(cell.clean)?.[0];
    const plain = first !== undefined ? parseVnNumber(first) : null;
    const down = rowDown || (baseline !== null && plain !== null && plain < baseline);
    for (const clause of valueClauses(cell.clean, unit, contentLower, down)) {
      for (const f of extractTargets(clause, lowerSame(clause), year)) {
        // The column's year is the target year, whatever the clause says.
        targets.push({ ...f.target, year: col.year ?? f.target.year ?? year, baseline: f.target.baseline ?? baseline });
        spans.push({ start: cell.start, end: cell.end });
      }
    }
  });
  // The indicator's own sentence may hold values too ("… có ít nhất 04 tin, bài …"); without a
  // value column filled in, it holds them all, as in running text.
  if (/\d/.test(contentLower)) {
    const contentStart = row.cells[layout.content]?.start ?? row.line.start;
    for (const f of extractTargets(contentClean, contentLower, defaultYear)) {
      if (targets.some((t) => t.value === f.target.value && t.unit === f.target.unit)) continue;
      targets.push(f.target);
      spans.push({ start: contentStart, end: row.cells[layout.content]?.end ?? row.line.end });
    }
  }
  return { targets, spans };
}

function sttParts(stt: string): number[] {
  const m = /^(\d{1,2}(?:\.\d{1,2})*)\.?$/.exec(stt.trim());
  return m?.[1] ? m[1].split(".").map(Number) : [];
}

/** Reads one indicator table (rows after the header). */
function readTable(rows: Row[], layout: Layout, defaultYear: number | null): TableDraft[] {
  const drafts: TableDraft[] = [];
  let current: TableDraft = { goal: null, indicators: [], assignments: [] };
  drafts.push(current);
  const sttIdx = layout.columns.findIndex((c) => c.role === "stt");
  const body = rows.slice(layout.headerRows).filter((r) => !isRule(r.cells) && !isColumnNumbers(r));
  let goalCount = 0;
  body.forEach((row, k) => {
    const nonEmpty = row.cells.filter((c) => c.clean);
    if (!nonEmpty.length) return;
    const content = row.cells[layout.content];
    const stt = sttIdx >= 0 ? (row.cells[sttIdx]?.clean ?? "") : "";
    const distinct = new Set(nonEmpty.map((c) => c.clean));
    // A spanning row: one text across the table (merged cells arrive as one cell, or repeated).
    const spanning =
      distinct.size === 1 && (nonEmpty.length === 1 || nonEmpty.length === row.cells.length)
        ? (nonEmpty[0] ?? null)
        : null;
    const text = spanning ?? content;
    if (!text?.clean) return;
    const lowerText = text.lower.replace(/^(?:[-–+•]|\d{1,2}(?:\.\d{1,2})*[.)]?|[IVX]{1,5}[.)]|[a-zđ]\))\s+/u, "");
    const cleanText = text.clean.slice(text.clean.length - lowerText.length);
    const hasValues = layout.columns.some(
      (c, i) => c.role === "target" && /\d/.test(row.cells[i]?.clean ?? "") && row.cells[i] !== spanning,
    );
    const goalLabel = GOAL_LABEL.exec(lowerText);
    const nextStt = sttIdx >= 0 ? (body[k + 1]?.cells[sttIdx]?.clean ?? "") : "";
    const parts = sttParts(stt);
    const parentOfNext = parts.length === 1 && sttParts(nextStt).length === 2 && sttParts(nextStt)[0] === parts[0];
    const isGoal =
      !IND_LABEL.test(lowerText) &&
      (goalLabel !== null ||
        ((spanning !== null || ROMAN_STT.test(stt) || parentOfNext || FIELD.test(lowerText)) &&
          !hasValues &&
          !/\d\s*%/.test(lowerText)));
    if (isGoal) {
      goalCount++;
      const number = goalLabel
        ? Number(goalLabel[1])
        : ROMAN_STT.test(stt)
          ? romanValue(stt)
          : parts.length === 1
            ? (parts[0] ?? null)
            : (sttParts(/^\s*(\d{1,2}(?:\.\d{1,2})*)[.)]?\s/u.exec(text.clean)?.[1] ?? "")[0] ?? goalCount);
      const title = collapse(cleanText.slice(goalLabel ? goalLabel[0].length : 0)).replace(/[\s:.]+$/u, "");
      current = {
        goal: {
          number,
          title: title || null,
          titleLower: lowerText.slice(goalLabel ? goalLabel[0].length : 0),
          span: { start: row.line.start, end: row.line.end },
        },
        indicators: [],
        assignments: [],
      };
      drafts.push(current);
      return;
    }
    if (spanning) return;
    const indLabel = IND_LABEL.exec(lowerText);
    const indText = collapse(cleanText.slice(indLabel ? indLabel[0].length : 0));
    const indLower = collapse(lowerText.slice(indLabel ? indLabel[0].length : 0));
    const { targets, spans } = rowTargets(row, layout, indText, indLower, defaultYear);
    const number = indLabel ? Number(indLabel[1]) : parts.length ? (parts.at(-1) ?? null) : null;
    const span = { start: row.line.start, end: row.line.end };
    current.indicators.push({ indicator: { number, text: indText, targets }, span, targetSpans: spans });
    layout.columns.forEach((col, i) => {
      const role = col.role ? ROLE_OF[col.role] : undefined;
      const cell = row.cells[i];
      if (!role || !cell?.clean || /^[-–x]$/i.test(cell.clean)) return;
      for (const agency of splitAgencies(cell.clean.replace(/\s*[;,.]\s*$/u, "")))
        current.assignments.push({ agency, role, indicator: number, span: { start: cell.start, end: cell.end } });
    });
  });
  return drafts.filter((d) => d.indicators.length > 0);
}

/** Groups consecutive table rows (a blank line or a rule row does not split a table). */
function tableBlocks(doc: Doc, from: number, to: number): Row[][] {
  const blocks: Row[][] = [];
  let block: Row[] = [];
  for (let i = from; i < to; i++) {
    const line = doc.lines[i];
    if (!line) continue;
    if (isTableRow(line)) {
      block.push({ line, cells: splitRow(line) });
      continue;
    }
    if (!line.text.trim() && doc.lines[i + 1] && isTableRow(doc.lines[i + 1] as Line) && block.length) continue;
    if (block.length) blocks.push(block);
    block = [];
  }
  if (block.length) blocks.push(block);
  return blocks;
}

export interface TableExtract {
  goals: LocatedGoal[];
  /** Assignments with the goal number they belong to (null when the table has no goal numbers). */
  assignments: LocatedAssignment[];
}

/** Reads every indicator table in lines [from, to). */
export function readIndicatorTables(doc: Doc, from: number, to: number, defaultYear: number | null): TableExtract {
  const goals: LocatedGoal[] = [];
  const assignments: LocatedAssignment[] = [];
  for (const block of tableBlocks(doc, from, to)) {
    const layout = readHeader(block);
    if (!layout) continue;
    for (const d of readTable(block, layout, defaultYear)) {
      const first = d.indicators[0];
      const last = d.indicators.at(-1);
      const span = d.goal?.span ?? { start: first?.span.start ?? 0, end: last?.span.end ?? 0 };
      const goalNumber = d.goal?.number ?? null;
      goals.push({
        goal: {
          number: goalNumber,
          domain: d.goal ? classifyDomain(d.goal.titleLower) : null,
          title: d.goal?.title ?? null,
          indicators: d.indicators.map((i) => i.indicator),
        },
        span: { start: span.start, end: Math.max(span.end, last?.span.end ?? 0) },
        indicators: d.indicators,
      });
      if (goalNumber === null) continue;
      for (const a of d.assignments)
        assignments.push({
          value: { agency: a.agency, role: a.role, goal: goalNumber, indicator: a.indicator },
          span: a.span,
        });
    }
  }
  return { goals, assignments };
}

function words(s: string): Set<string> {
  return new Set(
    fold(s)
      .replace(/[^\p{L}\d\s]/gu, " ")
      .split(/\s+/)
      .filter(Boolean),
  );
}

function similarity(a: string, b: string): number {
  const A = words(a);
  const B = words(b);
  if (!A.size || !B.size) return 0;
  let inter = 0;
  for (const w of A) if (B.has(w)) inter++;
  return inter / (A.size + B.size - inter);
}

/**
 * Adds what the tables hold to the goals read from the text: a goal or indicator already read
 * from the text (same goal and indicator number, or much the same sentence) is kept as it is,
 * gaining the table's targets only when it had none; the rest is appended.
 */
export function mergeTableGoals(text: LocatedGoal[], tables: LocatedGoal[]): LocatedGoal[] {
  const out = text.map((g) => ({ ...g, goal: { ...g.goal, indicators: [...g.goal.indicators] } }));
  const all = (): { g: LocatedGoal; i: number }[] => out.flatMap((g) => g.indicators.map((_x, i) => ({ g, i })));
  for (const tg of tables) {
    const target = tg.goal.number !== null ? out.find((g) => g.goal.number === tg.goal.number) : undefined;
    const fresh: LocatedIndicator[] = [];
    for (const ind of tg.indicators) {
      const same = all().find(({ g, i }) => {
        const x = g.indicators[i];
        if (!x) return false;
        if (
          tg.goal.number !== null &&
          g.goal.number === tg.goal.number &&
          ind.indicator.number !== null &&
          x.indicator.number === ind.indicator.number
        )
          return true;
        return similarity(x.indicator.text, ind.indicator.text) >= 0.6;
      });
      if (same) {
        const x = same.g.indicators[same.i];
        if (x && !x.indicator.targets.length && ind.indicator.targets.length) {
          const merged = {
            ...x,
            indicator: { ...x.indicator, targets: ind.indicator.targets },
            targetSpans: ind.targetSpans,
          };
          same.g.indicators[same.i] = merged;
          same.g.goal.indicators[same.i] = merged.indicator;
        }
        continue;
      }
      fresh.push(ind);
    }
    if (!fresh.length) continue;
    if (target) {
      // A text goal with that number (perhaps only a heading): the table's rows join it.
      target.indicators.push(...fresh);
      target.goal.indicators.push(...fresh.map((f) => f.indicator));
      target.goal.domain ??= tg.goal.domain;
    } else {
      out.push({ ...tg, indicators: fresh, goal: { ...tg.goal, indicators: fresh.map((f) => f.indicator) } });
    }
  }
  return out;
}
