// Rebuilds reading order from positioned PDF text runs: runs are grouped into lines
// by baseline, lines ordered top to bottom, runs left to right; word gaps become
// spaces, wide gaps (two-column headers) become " | ", larger vertical gaps become
// blank lines, and lines that wrap at the right margin are joined back into one
// paragraph so that a sentence is never split across lines.

export interface TextRun {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface PdfLine {
  y: number;
  height: number;
  left: number;
  right: number;
  text: string;
}

const MARKER =
  /^\s*(?:[-–+•*]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|[IVX]{1,5}\.|chỉ tiêu|mục tiêu|căn cứ|kính gửi|nơi nhận)/iu;

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** Runs on one baseline; never empty. */
type RunGroup = [TextRun, ...TextRun[]];

function groupLines(runs: TextRun[]): PdfLine[] {
  const items = runs.filter((r) => r.str.length > 0 && Number.isFinite(r.x) && Number.isFinite(r.y));
  items.sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: RunGroup[] = [];
  for (const it of items) {
    const g = groups[groups.length - 1];
    const h = Math.max(it.height, 1);
    if (g && Math.abs(g[0].y - it.y) <= 0.5 * Math.max(h, g[0].height, 1)) g.push(it);
    else groups.push([it]);
  }
  return groups
    .map((g) => {
      g.sort((a, b) => a.x - b.x);
      let text = "";
      let prevEnd = -Infinity;
      const h = median(g.map((r) => r.height)) || 10;
      for (const r of g) {
        const gap = r.x - prevEnd;
        if (text && gap > 3 * h) text = `${text.trimEnd()} | `;
        else if (text && gap > 0.12 * h && !/\s$/.test(text) && !/^\s/.test(r.str)) text += " ";
        text += r.str;
        prevEnd = Math.max(prevEnd, r.x + r.width);
      }
      const nonBlank = g.filter((r) => r.str.trim());
      return {
        y: g[0].y,
        height: h,
        left: (nonBlank[0] ?? g[0]).x,
        right: Math.max(...g.map((r) => r.x + r.width)),
        text: text.replace(/\s+/g, " ").trim(),
      };
    })
    .filter((l) => l.text.length > 0);
}

/** A lone page number at the top or bottom of a page. */
function isPageNumber(line: PdfLine, index: number, count: number): boolean {
  return (index === 0 || index === count - 1) && /^[-–\s]*\d{1,3}[-–\s]*$/.test(line.text);
}

export interface LaidOutPage {
  lines: string[];
  /** Whether the last line ran to the right margin (its paragraph may go on). */
  openEnd: boolean;
}

/** Lays out one page's runs as text lines; "" marks a paragraph break. */
export function layoutPage(runs: TextRun[]): LaidOutPage {
  const all = groupLines(runs);
  const lines = all.filter((l, i) => !isPageNumber(l, i, all.length));
  const [firstLine] = lines;
  if (!firstLine) return { lines: [], openEnd: false };
  const steps: number[] = [];
  for (let i = 1; i < lines.length; i++) steps.push(lines[i - 1]!.y - lines[i]!.y);
  const step = median(steps.filter((s) => s > 0)) || firstLine.height * 1.2;
  const rightMargin = Math.max(...lines.map((l) => l.right));
  const leftMargin = Math.min(...lines.map((l) => l.left));
  const width = Math.max(1, rightMargin - leftMargin);
  const out: string[] = [];
  let openPrev = false;
  lines.forEach((l, i) => {
    const prev = lines[i - 1];
    const gap = prev ? prev.y - l.y : 0;
    const newPara = i > 0 && gap > Math.max(step * 1.45, l.height * 1.9);
    if (newPara) out.push("");
    if (!newPara && i > 0 && openPrev && !MARKER.test(l.text) && out.length) out[out.length - 1] += ` ${l.text}`;
    else out.push(l.text);
    // A line that reaches the right margin wraps; a short one ends its paragraph.
    openPrev = l.right >= rightMargin - width * 0.12 && width > 100;
  });
  return { lines: out, openEnd: openPrev };
}

/** Joins pages; a paragraph running over a page break is joined back. */
export function joinPages(pages: LaidOutPage[]): string {
  const out: string[] = [];
  let open = false;
  for (const p of pages) {
    const [first, ...rest] = p.lines;
    if (first === undefined) continue;
    if (open && out.length && first && !MARKER.test(first)) out[out.length - 1] += ` ${first}`;
    else {
      if (out.length) out.push("");
      out.push(first);
    }
    out.push(...rest);
    open = p.openEnd;
  }
  return out.join("\n");
}
