// Who answers for which indicator, read from the implementation block.
//
// Recognised forms (one example each):
//   list with "của"            "Chịu trách nhiệm … báo cáo kết quả triển khai Chỉ tiêu 1, 2 của Mục tiêu 2; Chỉ tiêu 3 của Mục tiêu 3"
//   "và" in the list           "… các chỉ tiêu 1, 2 và 3 của mục tiêu 5 của Kế hoạch này."
//   without "của"              "… báo cáo kết quả triển khai các chỉ tiêu 3, 4 mục tiêu 6 của Chiến lược này."
//   "Mục" for "Mục tiêu"       "Tổng hợp và báo cáo số liệu liên quan đến thực hiện Chỉ tiêu 3 của Mục 2"
//   "thuộc"                    "Chủ trì thực hiện chỉ tiêu 2 thuộc mục tiêu 4"
//   parenthesis                "… chỉ tiêu 2 (số liệu về bạo lực gia đình) của mục tiêu 3 …"
//   goal then indicators       "… Mục tiêu 2 (chỉ tiêu 1, 2) …"
//   all of a goal's indicators "Chịu trách nhiệm … báo cáo kết quả triển khai các chỉ tiêu của Mục tiêu 4"  → one entry per indicator
//   a whole goal               "Chủ trì thực hiện Mục tiêu 7 (Phụ lục kèm theo)"                         → indicator null
//   roles                      "chủ trì" / "chịu trách nhiệm" → lead, "phối hợp" → support, "thu thập và báo cáo số liệu" → report
//   two roles, one sentence    "Chủ trì thực hiện Chỉ tiêu 1 của Mục tiêu 2 và phối hợp thực hiện Chỉ tiêu 2 của Mục tiêu 3"

import { readAgencyName, splitAgencies, startsWithAgency } from "./agencies";
import { type Doc, isBlank, type Line, logicalLines, markerLength } from "./normalize";
import { markerStyle } from "./sections";
import type { Assignment, Role, Span } from "./types";

export interface LocatedAssignment {
  value: Assignment;
  span: Span;
}

/** goal number → its indicator numbers (empty when they are unnumbered). */
export type GoalIndex = Map<number, number[]>;

interface Ref {
  goal: number;
  indicators: number[] | null;
  at: number;
  end: number;
}

const ROLE_WORDS: [RegExp, Role][] = [
  [/chủ trì(?:,| và)? phối hợp/gu, "lead"],
  [
    /thu thập|(?:thống kê|báo cáo|tổng hợp|cung cấp)(?:,| và)?(?: (?:thống kê|báo cáo|tổng hợp|cung cấp))? số liệu/gu,
    "report",
  ],
  [/chủ trì|chịu trách nhiệm|có trách nhiệm|trách nhiệm chính|đầu mối/gu, "lead"],
  [/phối hợp|tham gia/gu, "support"],
];

function roleBefore(lower: string, sentenceStart: number, at: number): Role {
  // Bounded look-back keeps long sentences linear.
  const window = lower.slice(Math.max(sentenceStart, at - 400), at);
  let best: { end: number; len: number; role: Role } | null = null;
  for (const [re, role] of ROLE_WORDS) {
    for (const m of window.matchAll(re)) {
      const end = (m.index ?? 0) + m[0].length;
      if (!best || end > best.end || (end === best.end && m[0].length > best.len))
        best = { end, len: m[0].length, role };
    }
  }
  return best ? best.role : "lead";
}

const IND_RE = /(?<!\p{L})(?:các\s+)?chỉ\s+tiêu(?:\s+số)?((?:\s{0,3}(?:,|và|;)?\s{0,3}\d{1,2}(?!\d))*)/gu;
const GOAL_RE = /(?<!\p{L})mục(?:\s+tiêu)?(?:\s+số)?\s+(\d{1,2})(?![\d.]\d)/gu;

/** References in one sentence of the lower view. */
export function readRefs(lower: string): Ref[] {
  type IndTok = { kind: "ind"; nums: number[]; at: number; end: number };
  type GoalTok = { kind: "goal"; goal: number; at: number; end: number };
  const toks: (IndTok | GoalTok)[] = [];
  for (const m of lower.matchAll(IND_RE)) {
    const nums = (m[1] ?? "").match(/\d{1,2}/g)?.map(Number) ?? [];
    toks.push({ kind: "ind", nums, at: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  for (const m of lower.matchAll(GOAL_RE))
    toks.push({ kind: "goal", goal: Number(m[1]), at: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  toks.sort((a, b) => a.at - b.at);
  // "mục tiêu 1" inside "chỉ tiêu … mục tiêu 1" is found by both patterns; the goal regex never overlaps an ind token.
  const refs: Ref[] = [];
  let pending: IndTok[] = [];
  let prevGoal: GoalTok | null = null;
  let prevGoalUsed = false;
  const flushToPrev = (): void => {
    const first = pending[0];
    if (prevGoal && first && first.at - prevGoal.end <= 20) {
      for (const p of pending)
        if (p.nums.length) refs.push({ goal: prevGoal.goal, indicators: p.nums, at: prevGoal.at, end: p.end });
      prevGoalUsed = true;
    }
    pending = [];
  };
  for (const t of toks) {
    if (t.kind === "ind") {
      const last = pending.at(-1);
      if (last && t.at - last.end > 80) flushToPrev();
      pending.push(t);
      continue;
    }
    if (prevGoal && !prevGoalUsed)
      refs.push({ goal: prevGoal.goal, indicators: null, at: prevGoal.at, end: prevGoal.end });
    const lastInd = pending.at(-1);
    if (lastInd && t.at - lastInd.end <= 80) {
      for (const p of pending)
        refs.push({ goal: t.goal, indicators: p.nums.length ? p.nums : [], at: p.at, end: t.end });
      pending = [];
      prevGoal = t;
      prevGoalUsed = true;
    } else {
      flushToPrev();
      prevGoal = t;
      prevGoalUsed = false;
    }
  }
  flushToPrev();
  if (prevGoal && !prevGoalUsed)
    refs.push({ goal: prevGoal.goal, indicators: null, at: prevGoal.at, end: prevGoal.end });
  return refs;
}

interface Block {
  agencies: string[];
  style: string;
}

function headingStyle(line: Line): string {
  const t = line.clean.trimStart();
  // "-" and "+" bullets are different levels: keep the bullet character in the style.
  const bullet = /^\s*([-–+•])/u.exec(t);
  return markerStyle(t) ?? (bullet ? `bullet${bullet[1]}` : /^\s*(?:\*\*|#)/u.test(line.text) ? "bold" : "plain");
}

function sentenceSplit(lower: string): [number, number][] {
  const out: [number, number][] = [];
  let s = 0;
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i];
    if ((ch === "." && (lower[i + 1] === " " || i + 1 === lower.length)) || ch === "\n") {
      out.push([s, i + 1]);
      s = i + 1;
    }
  }
  if (s < lower.length) out.push([s, lower.length]);
  return out;
}

/** "…; Sở Y tế chủ trì thực hiện Chỉ tiêu 1 của Mục tiêu 4": an agency named at the clause start owns the ref. */
function agencyOpeningClause(clean: string, lower: string, at: number): string[] | null {
  let s = at;
  while (s > 0 && lower[s - 1] !== ";" && at - s < 400) s--;
  const head = clean
    .slice(s, at)
    .replace(/^[\s\-–+•:]+/u, "")
    .replace(/^(?:giao|đề nghị)\s+/iu, "");
  const name = readAgencyName(head);
  return name && name.length < head.length ? splitAgencies(name) : null;
}

/** Reads assignments from the implementation block [startLine, endLine). */
export function readAssignments(doc: Doc, startLine: number, endLine: number, goals: GoalIndex): LocatedAssignment[] {
  const out: LocatedAssignment[] = [];
  const seen = new Set<string>();
  let top: Block | null = null;
  let sub: Block | null = null;
  for (const line of logicalLines(doc, startLine, endLine)) {
    if (isBlank(line)) continue;
    const mlen = markerLength(line.clean);
    const body = line.clean.slice(mlen).trim();
    const style = headingStyle(line);
    const name = readAgencyName(body);
    const isHeading = mlen > 0 || style === "bold";
    if (name && isHeading) {
      const agencies = splitAgencies(name);
      if (!top || top.style === style) {
        top = { agencies, style };
        sub = null;
      } else {
        sub = { agencies, style };
      }
    } else if (top && style === top.style && mlen > 0 && !startsWithAgency(body)) {
      // "17. Chế độ báo cáo": a sibling heading that names no agency closes the item.
      top = null;
      sub = null;
    } else if (sub && style === sub.style) {
      sub = null;
    }
    const owners = sub?.agencies ?? top?.agencies;
    if (!/chỉ tiêu|mục tiêu|mục\s+\d/u.test(line.lower)) continue;
    for (const [s, e] of sentenceSplit(line.lower)) {
      const sentence = line.lower.slice(s, e);
      for (const ref of readRefs(sentence)) {
        const role = roleBefore(sentence, 0, ref.at);
        const named = agencyOpeningClause(line.clean.slice(s, e), sentence, ref.at);
        const refOwners = named ?? owners;
        if (!refOwners) continue;
        const known = goals.get(ref.goal);
        const inds: (number | null)[] =
          ref.indicators === null ? [null] : ref.indicators.length ? ref.indicators : known?.length ? known : [null];
        for (const agency of refOwners) {
          for (const indicator of inds) {
            const key = `${agency}|${role}|${ref.goal}|${indicator}`;
            if (seen.has(key)) continue;
            seen.add(key);
            out.push({
              value: { agency, role, goal: ref.goal, indicator },
              span: { start: line.start + s + ref.at, end: line.start + s + ref.end },
            });
          }
        }
      }
    }
  }
  return out;
}
