// Specific goals (mục tiêu cụ thể) and their indicators (chỉ tiêu).
//
// Recognised forms (one example each):
//   numbered goal, lettered      "a) Mục tiêu 1: Trong lĩnh vực chính trị"
//   numbered goal, dot           "Mục tiêu 2. Giảm khoảng cách giới trong lĩnh vực kinh tế, lao động, việc làm"
//   single "Chỉ tiêu:"           "Chỉ tiêu: tiếp tục phấn đấu đạt 60% các cơ quan … là nữ."      → indicator 1
//   numbered indicator, colon    "- Chỉ tiêu 1: tỷ lệ lao động nữ làm công hưởng lương đạt 60% trở lên;"
//   numbered indicator, dot      "- Chỉ tiêu 3. 100% xã, thị trấn mỗi quý có ít nhất 04 tin, bài …"
//   "Chỉ tiêu:" then bullets     "Chỉ tiêu:" / "- Phấn đấu đến năm 2025 có 60% …"                → unnumbered indicators
//   unnumbered goal (bullets)    "2. Mục tiêu cụ thể" / "- 100% cán bộ làm công tác bình đẳng giới …" → goal number null
//   sub-bullets                  "- Chỉ tiêu 2: Tỷ lệ hoàn thành:" / "+ tiểu học đạt 99%;"          → appended to the indicator
//   wrapped line                 "… lao động nữ có việc làm" / "xuống dưới 30%." (lower-case start) → joined
//   table row                    "| 1 | Tỷ lệ … | % | 60 |"                                        → left to tables.ts

import { classifyDomain } from "./domains";
import { collapse, type Doc, isBlank, type Line, logicalLines, markerLength } from "./normalize";
import { isTableRow } from "./tables";
import { extractTargets } from "./targets";
import type { Goal, Indicator, Span, Target } from "./types";

export interface LocatedIndicator {
  indicator: Indicator;
  span: Span;
  targetSpans: Span[];
}

export interface LocatedGoal {
  goal: Goal;
  span: Span;
  indicators: LocatedIndicator[];
}

interface Piece {
  start: number;
  end: number;
}

interface IndicatorDraft {
  number: number | null;
  labelled: boolean;
  pieces: Piece[];
  open: boolean;
}

interface GoalDraft {
  number: number | null;
  titleStart: number;
  titleEnd: number;
  start: number;
  end: number;
  indicators: IndicatorDraft[];
  explicit: boolean;
  /** How many "Chỉ tiêu" labels the goal has had (the first bare one is number 1). */
  labelled: number;
}

const GOAL_LABEL = /^mục tiêu\s{0,2}(?:số\s{0,2})?(\d{1,2})(?!\d)\s{0,2}(?:\([^)]{0,80}\))?\s{0,2}[:.)\-–]?\s*/u;
const IND_LABEL = /^chỉ tiêu\s{0,2}(?:số\s{0,2})?(\d{1,2})?(?!\d)\s{0,2}[:.)\-–]\s*/u;
const HAS_TARGET = /\d\s*%|\d\s*lần|\/\s*1(?:00|\.000|00\.000)\b|ít nhất\s+\d|(?:còn|xuống|lên|đạt|mức)\s+\d/u;

const FIELD_HEADING =
  /^(?:(?:trong|về|đối với)\s+)?(?:lĩnh vực|đời sống gia đình|giáo dục|y tế|kinh tế|chính trị|thông tin|văn hóa|chăm sóc sức khỏe)(?!\p{L})/u;
const LETTERS = "abcdđeghiklmnopqrstuvxy";

function isFieldHeading(body: string): boolean {
  return (
    FIELD_HEADING.test(body) && !HAS_TARGET.test(body) && !/[.;]\s*$/u.test(body) && body.split(/\s+/).length <= 14
  );
}

/** "3." → 3, "b)" → 2, "đ)" → 5 (Vietnamese letter order); null for bullets. */
function ordinalOf(clean: string): number | null {
  const t = clean.trim();
  const digit = /^(\d{1,2})\s*[.)]/u.exec(t);
  if (digit) return Number(digit[1]);
  const letter = /^\(?([a-zđ])\)/u.exec(t)?.[1];
  return letter !== undefined ? LETTERS.indexOf(letter) + 1 || null : null;
}

function startsLower(s: string): boolean {
  return /^\p{Ll}/u.test(s) && !/^[a-zđ]\)/u.test(s);
}

/** Parses the goals block [startLine, endLine). */
export function readGoals(doc: Doc, startLine: number, endLine: number, defaultYear: number | null): LocatedGoal[] {
  const lines = logicalLines(doc, startLine, endLine);
  const goals: GoalDraft[] = [];
  const heading = lines[0];
  if (!heading) return [];
  const headStart = heading.start + markerLength(heading.clean);
  const implicit: GoalDraft = {
    number: null,
    titleStart: headStart,
    titleEnd: heading.end,
    start: heading.start,
    end: heading.end,
    indicators: [],
    explicit: false,
    labelled: 0,
  };
  const isHeadingLabel = /^mục tiêu\s*\d/u.test(heading.lower.slice(markerLength(heading.clean)).trim());
  let goal: GoalDraft = implicit;
  if (!isHeadingLabel) goals.push(implicit);
  let lastWasBlank = false;
  for (const line of isHeadingLabel ? lines : lines.slice(1)) {
    // Table rows are read by tables.ts, column by column.
    if (isTableRow(line)) continue;
    if (isBlank(line)) {
      lastWasBlank = true;
      continue;
    }
    const mlen = markerLength(line.clean);
    const bodyOffset = mlen + (line.clean.length - mlen - line.clean.slice(mlen).trimStart().length);
    const body = line.lower.slice(bodyOffset).trimEnd();
    const bodyStart = line.start + bodyOffset;
    const lineEnd = line.start + line.clean.trimEnd().length;
    const g = GOAL_LABEL.exec(body);
    if (g) {
      goal = {
        number: Number(g[1]),
        titleStart: bodyStart + g[0].length,
        titleEnd: lineEnd,
        start: line.start,
        end: lineEnd,
        indicators: [],
        explicit: true,
        labelled: 0,
      };
      goals.push(goal);
      lastWasBlank = false;
      continue;
    }
    const last = goal.indicators[goal.indicators.length - 1];
    const ind =
      IND_LABEL.exec(body) ?? (/^chỉ tiêu\s*$/u.test(body) ? ([body, undefined] as unknown as RegExpExecArray) : null);
    if (ind) {
      const textStart = bodyStart + ind[0].length;
      const number = ind[1] !== undefined ? Number(ind[1]) : goal.labelled === 0 ? 1 : null;
      goal.labelled++;
      if (textStart >= lineEnd) {
        // "Chỉ tiêu:" alone: the bullets below are the (unnumbered) indicators.
        goal.indicators.push({ number: null, labelled: true, pieces: [], open: true });
      } else {
        goal.indicators.push({
          number,
          labelled: true,
          pieces: [{ start: textStart, end: lineEnd }],
          open: /:\s*$/.test(line.clean),
        });
      }
      goal.end = lineEnd;
      lastWasBlank = false;
      continue;
    }
    const text = line.clean.slice(bodyOffset).trim();
    const isBullet = mlen > 0;
    const continuation = !isBullet && startsLower(text);
    if (last && last.pieces.length === 0 && last.open && isBullet) {
      // First bullet under a bare "Chỉ tiêu:".
      last.pieces.push({ start: bodyStart, end: lineEnd });
      last.open = false;
      last.labelled = false;
    } else if (last && (continuation || (last.open && isBullet && /^[+•·]/u.test(line.clean.trim())))) {
      last.pieces.push({ start: bodyStart, end: lineEnd });
    } else if (last?.open && isBullet && last.pieces.length > 0 && last.labelled) {
      last.pieces.push({ start: bodyStart, end: lineEnd });
    } else if (!last && goal.explicit && continuation && !lastWasBlank) {
      goal.titleEnd = lineEnd;
    } else if (isBullet && isFieldHeading(body)) {
      // "b) Lĩnh vực kinh tế, lao động:" without "Mục tiêu N": a goal numbered by its position.
      goal = {
        number: ordinalOf(line.clean),
        titleStart: bodyStart,
        titleEnd: lineEnd,
        start: line.start,
        end: lineEnd,
        indicators: [],
        explicit: true,
        labelled: 0,
      };
      goals.push(goal);
    } else if (isBullet || HAS_TARGET.test(body)) {
      goal.indicators.push({
        number: null,
        labelled: false,
        pieces: [{ start: bodyStart, end: lineEnd }],
        open: /:\s*$/.test(line.clean),
      });
    } else if (goal.explicit && !last && goal.titleEnd <= goal.titleStart) {
      goal.titleStart = bodyStart;
      goal.titleEnd = lineEnd;
    }
    goal.end = lineEnd;
    lastWasBlank = false;
  }
  return goals
    .filter((g) => g.explicit || g.indicators.some((i) => i.pieces.length > 0))
    .map((g) => finishGoal(doc, g, defaultYear));
}

function finishGoal(doc: Doc, g: GoalDraft, defaultYear: number | null): LocatedGoal {
  const title = collapse(doc.clean.slice(g.titleStart, Math.max(g.titleStart, g.titleEnd)))
    .replace(/^[\s:.\-–]+/u, "")
    .replace(/\s*:\s*$/u, "");
  const lowerTitle = doc.flat.slice(g.titleStart, Math.max(g.titleStart, g.titleEnd));
  const indicators = g.indicators.filter((i) => i.pieces.length > 0).map((i) => finishIndicator(doc, i, defaultYear));
  const cleanTitle = g.explicit
    ? title
    : title.replace(/\s+(?:đến|tới)\s+năm\s+\d{4}.*$/u, "").replace(/^\d+[.)]\s*/u, "");
  return {
    goal: {
      number: g.number,
      domain: g.explicit ? classifyDomain(lowerTitle) : null,
      title: cleanTitle || null,
      indicators: indicators.map((x) => x.indicator),
    },
    span: { start: g.start, end: Math.max(g.end, g.start) },
    indicators,
  };
}

function finishIndicator(doc: Doc, d: IndicatorDraft, defaultYear: number | null): LocatedIndicator {
  // Join the pieces with one space, keeping a map back to document offsets.
  let clean = "";
  let lower = "";
  const offsets: number[] = [];
  for (const p of d.pieces) {
    if (clean) {
      clean += " ";
      lower += " ";
      offsets.push(p.start);
    }
    clean += doc.clean.slice(p.start, p.end);
    lower += doc.flat.slice(p.start, p.end);
    for (let k = p.start; k < p.end; k++) offsets.push(k);
  }
  const start = d.pieces[0]?.start ?? 0;
  const end = d.pieces.at(-1)?.end ?? start;
  offsets.push(end);
  const found = extractTargets(clean, lower, defaultYear);
  const targets: Target[] = found.map((f) => f.target);
  const targetSpans = found.map((f) => ({
    start: offsets[f.start] ?? 0,
    end: offsets[Math.min(f.end, offsets.length - 1)] ?? 0,
  }));
  return {
    indicator: { number: d.number, text: collapse(clean), targets },
    span: { start, end },
    targetSpans,
  };
}

export type { Line };
