// Word automatic numbering, written back into the text.
//
// mammoth drops the numbers Word draws in front of list paragraphs (w:numPr): "I.", "1.", "a)",
// "-" come out as <ol>/<ul> items or not at all, and the plan parser keys on exactly those labels.
// Before mammoth runs, every numbered paragraph of word/document.xml gets its label as a leading
// text run, computed the way Word does, and its numbering is switched off (numId 0) so mammoth
// reads it as a plain paragraph.
//
// Handled: numbering on the paragraph (w:numPr) or through its style (styles.xml numPr, basedOn
// chain, or an abstractNum level's w:pStyle); numFmt decimal, decimalZero, upperRoman, lowerRoman,
// upperLetter, lowerLetter, bullet, none (others count in decimal); lvlText with several levels
// ("%1.%2."), w:isLgl, w:start, w:lvlRestart; lists sharing one abstractNum continue one another
// unless a w:num's w:lvlOverride restarts a level (w:startOverride) or replaces it (w:lvl);
// numStyleLink. A bullet becomes "- " (or "+ " for a "+" glyph or a nested level).

interface Level {
  start: number;
  fmt: string;
  text: string;
  /** 1-based level whose use restarts this one; 0 = never; undefined = any higher level. */
  restart: number | undefined;
  legal: boolean;
  bold: boolean;
  pStyle: string | null;
}

interface AbstractNum {
  levels: Map<number, Level>;
  styleLink: string | null;
}

interface Num {
  abstractId: string;
  starts: Map<number, number>;
  levels: Map<number, Level>;
}

interface Style {
  basedOn: string | null;
  numId: string | null;
  ilvl: number | null;
}

export interface Numbering {
  abstracts: Map<string, AbstractNum>;
  nums: Map<string, Num>;
  styles: Map<string, Style>;
  defaultStyle: string | null;
  /** styleId → [abstractNumId, level] for levels that name their paragraph style. */
  levelByStyle: Map<string, [string, number]>;
}

const attr = (tag: string, name: string): string | null => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? (m[1] ?? null) : null;
};

/** Value of the first <w:NAME w:val="…"/> in `xml`. */
function val(xml: string, name: string): string | null {
  const m = new RegExp(`<w:${name}(?=[\\s/>])[^>]*>`).exec(xml);
  return m ? attr(m[0], "w:val") : null;
}

/** True for an on/off property present and not switched off (<w:b/>, <w:b w:val="1"/>). */
function flag(xml: string, name: string): boolean {
  const m = new RegExp(`<w:${name}(?=[\\s/>])[^>]*>`).exec(xml);
  if (!m) return false;
  const v = attr(m[0], "w:val");
  return v === null || !/^(?:0|false|off)$/i.test(v);
}

/** Elements <w:NAME …>…</w:NAME> (not nested in themselves), with their opening tag. */
function* elements(xml: string, name: string): Generator<{ tag: string; body: string }> {
  const re = new RegExp(`<w:${name}(?=[\\s/>])[^>]*?(/?)>`, "g");
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[1] === "/") {
      yield { tag: m[0], body: "" };
      continue;
    }
    const close = xml.indexOf(`</w:${name}>`, re.lastIndex);
    if (close < 0) return;
    yield { tag: m[0], body: xml.slice(re.lastIndex, close) };
    re.lastIndex = close;
  }
}

const int = (s: string | null, fallback: number): number => {
  const n = s === null ? Number.NaN : Number.parseInt(s, 10);
  return Number.isFinite(n) ? n : fallback;
};

function readLevel(body: string): Level {
  const restart = val(body, "lvlRestart");
  const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(body)?.[1] ?? "";
  return {
    start: int(val(body, "start"), 1),
    fmt: val(body, "numFmt") ?? "decimal",
    text: val(body, "lvlText") ?? "",
    restart: restart === null ? undefined : int(restart, 0),
    legal: flag(body, "isLgl"),
    bold: flag(rPr, "b"),
    pStyle: val(body, "pStyle"),
  };
}

function readLevels(body: string): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const l of elements(body, "lvl")) levels.set(int(attr(l.tag, "w:ilvl"), 0), readLevel(l.body));
  return levels;
}

/** Reads numbering.xml and styles.xml (either may be empty). */
export function readNumbering(numberingXml: string, stylesXml: string): Numbering {
  // Keep the fallback of markup-compatibility blocks: "custom" formats have a plain one there.
  const xml = numberingXml.replace(/<mc:Choice\b[\s\S]*?<\/mc:Choice>/g, "");
  const abstracts = new Map<string, AbstractNum>();
  const levelByStyle = new Map<string, [string, number]>();
  for (const a of elements(xml, "abstractNum")) {
    const id = attr(a.tag, "w:abstractNumId");
    if (id === null) continue;
    const levels = readLevels(a.body);
    abstracts.set(id, { levels, styleLink: val(a.body, "numStyleLink") });
    for (const [ilvl, l] of levels) if (l.pStyle && !levelByStyle.has(l.pStyle)) levelByStyle.set(l.pStyle, [id, ilvl]);
  }
  const nums = new Map<string, Num>();
  for (const n of elements(xml, "num")) {
    const id = attr(n.tag, "w:numId");
    const abstractId = val(n.body, "abstractNumId");
    if (id === null || abstractId === null) continue;
    const starts = new Map<number, number>();
    const levels = new Map<number, Level>();
    for (const o of elements(n.body, "lvlOverride")) {
      const ilvl = int(attr(o.tag, "w:ilvl"), 0);
      const start = val(o.body, "startOverride");
      if (start !== null) starts.set(ilvl, int(start, 1));
      const lvl = readLevels(o.body).get(ilvl) ?? [...readLevels(o.body).values()][0];
      if (lvl) levels.set(ilvl, lvl);
    }
    nums.set(id, { abstractId, starts, levels });
  }
  const styles = new Map<string, Style>();
  let defaultStyle: string | null = null;
  for (const s of elements(stylesXml, "style")) {
    const id = attr(s.tag, "w:styleId");
    if (id === null) continue;
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(s.body)?.[1] ?? null;
    const ilvl = numPr === null ? null : val(numPr, "ilvl");
    styles.set(id, {
      basedOn: val(s.body, "basedOn"),
      numId: numPr === null ? null : val(numPr, "numId"),
      ilvl: ilvl === null ? null : int(ilvl, 0),
    });
    if (attr(s.tag, "w:type") === "paragraph" && /^(?:1|true|on)$/i.test(attr(s.tag, "w:default") ?? ""))
      defaultStyle = id;
  }
  return { abstracts, nums, styles, defaultStyle, levelByStyle };
}

// ---- formatting -------------------------------------------------------------------------

const ROMAN: [number, string][] = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  let out = "";
  let rest = n;
  for (const [v, s] of ROMAN) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

/** Word's letters: a … z, then aa … zz, aaa … */
function letters(n: number): string {
  if (n <= 0) return String(n);
  const ch = String.fromCharCode(97 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperLetter":
      return letters(n).toUpperCase();
    case "lowerLetter":
      return letters(n);
    case "decimalZero":
      return n < 10 ? `0${n}` : String(n);
    case "none":
      return "";
    default:
      return String(n);
  }
}

/** "- " or "+ " for a bullet glyph; Symbol-font glyphs live in the private-use area. */
function bulletLabel(glyph: string, ilvl: number): string {
  const g = glyph.trim();
  if (/^[-–—\uF02D]$/u.test(g)) return "-";
  if (g === "+" || g === "\uF02B") return "+";
  return ilvl === 0 ? "-" : "+";
}

// ---- counting ---------------------------------------------------------------------------

/** Counters of the lists of one document, in paragraph order. */
export class ListCounter {
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly pending = new Map<string, Map<number, number>>();
  private readonly usedNums = new Set<string>();

  constructor(private readonly n: Numbering) {}

  private resolve(numId: string): { num: Num; abstractId: string; abstract: AbstractNum } | null {
    const seen = new Set<string>();
    let id: string | null = numId;
    let first: Num | null = null;
    while (id !== null && !seen.has(id)) {
      seen.add(id);
      const num = this.n.nums.get(id);
      if (!num) return null;
      first ??= num;
      const abstract = this.n.abstracts.get(num.abstractId);
      if (!abstract) return null;
      if (!abstract.styleLink) return { num: first, abstractId: num.abstractId, abstract };
      id = this.n.styles.get(abstract.styleLink)?.numId ?? null;
    }
    return null;
  }

  private level(num: Num, abstract: AbstractNum, ilvl: number): Level | undefined {
    return num.levels.get(ilvl) ?? abstract.levels.get(ilvl);
  }

  /** The label Word shows for the next paragraph of (numId, ilvl), or null when there is none. */
  next(numId: string, ilvl: number): { label: string; bold: boolean } | null {
    const r = this.resolve(numId);
    if (!r) return null;
    const { num, abstractId, abstract } = r;
    const lvl = this.level(num, abstract, ilvl);
    if (!lvl) return null;
    let counts = this.counters.get(abstractId);
    if (!counts) {
      counts = [];
      this.counters.set(abstractId, counts);
    }
    let pending = this.pending.get(abstractId);
    if (!pending) {
      pending = new Map();
      this.pending.set(abstractId, pending);
    }
    if (!this.usedNums.has(numId)) {
      // The first paragraph of a list instance applies its overrides: those levels start afresh.
      this.usedNums.add(numId);
      for (const [l, start] of num.starts) {
        counts[l] = undefined;
        pending.set(l, start);
      }
    }
    const current = counts[ilvl];
    const value = current === undefined ? (pending.get(ilvl) ?? lvl.start) : current + 1;
    pending.delete(ilvl);
    counts[ilvl] = value;
    for (let d = ilvl + 1; d < Math.max(counts.length, 9); d++) {
      const deeper = this.level(num, abstract, d);
      const restartAt = deeper?.restart;
      if (restartAt === undefined || (restartAt !== 0 && ilvl < restartAt)) counts[d] = undefined;
    }
    if (lvl.fmt === "bullet") return { label: bulletLabel(lvl.text, ilvl), bold: lvl.bold };
    const label = lvl.text.replace(/%([1-9])/g, (_m, k: string) => {
      const l = Number(k) - 1;
      const def = this.level(num, abstract, l);
      const n = l === ilvl ? value : (counts[l] ?? def?.start ?? 1);
      return formatNumber(n, lvl.legal ? "decimal" : (def?.fmt ?? "decimal"));
    });
    const trimmed = label.trim();
    return trimmed ? { label: trimmed, bold: lvl.bold } : null;
  }
}

// ---- document rewriting -------------------------------------------------------------------

function styleNumbering(n: Numbering, styleId: string | null): { numId: string | null; ilvl: number | null } {
  const seen = new Set<string>();
  let id = styleId;
  let ilvl: number | null = null;
  while (id !== null && !seen.has(id)) {
    seen.add(id);
    const s = n.styles.get(id);
    if (!s) break;
    ilvl ??= s.ilvl;
    if (s.numId !== null) return { numId: s.numId, ilvl };
    id = s.basedOn;
  }
  return { numId: null, ilvl };
}

const escapeXml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const NO_NUMBERING = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>';

/**
 * Returns document.xml with each numbered paragraph's label written as its first run and its
 * numbering switched off. Paragraphs are visited in document order (table cells included).
 */
export function labelNumberedParagraphs(documentXml: string, n: Numbering): string {
  const counter = new ListCounter(n);
  const out: string[] = [];
  let last = 0;
  const re = /<w:p(?=[\s>/])[^>]*?(\/?)>/g;
  for (let m = re.exec(documentXml); m; m = re.exec(documentXml)) {
    if (m[1] === "/") continue;
    const openEnd = re.lastIndex;
    let pPr = "";
    let pPrEnd = openEnd;
    const rest = documentXml.slice(openEnd, openEnd + 6);
    if (rest.startsWith("<w:pPr")) {
      const selfClose = /^<w:pPr\s*\/>/.exec(documentXml.slice(openEnd, openEnd + 12));
      if (selfClose) pPrEnd = openEnd + selfClose[0].length;
      else {
        const close = documentXml.indexOf("</w:pPr>", openEnd);
        if (close < 0) continue;
        pPrEnd = close + "</w:pPr>".length;
        pPr = documentXml.slice(openEnd, pPrEnd);
      }
    }
    // The paragraph's own numPr (not one inside a tracked change of its properties).
    const ownPPr = pPr.replace(/<w:pPrChange\b[\s\S]*?<\/w:pPrChange>/g, "").replace(/<w:rPr>[\s\S]*?<\/w:rPr>/g, "");
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(ownPPr)?.[1] ?? null;
    const styleId = val(ownPPr, "pStyle") ?? n.defaultStyle;
    const fromStyle = styleNumbering(n, styleId);
    const numId = (numPr !== null ? val(numPr, "numId") : null) ?? fromStyle.numId;
    if (numId === null || numId === "0") continue;
    const byStyle = styleId !== null ? n.levelByStyle.get(styleId) : undefined;
    const ilvlText = numPr !== null ? val(numPr, "ilvl") : null;
    const ilvl = ilvlText !== null ? int(ilvlText, 0) : (fromStyle.ilvl ?? byStyle?.[1] ?? 0);
    const label = counter.next(numId, ilvl);
    if (!label) continue;
    const markRPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(pPr)?.[1] ?? "";
    const bold = label.bold || flag(markRPr, "b");
    const run = `<w:r>${bold ? "<w:rPr><w:b/></w:rPr>" : ""}<w:t xml:space="preserve">${escapeXml(label.label)} </w:t></w:r>`;
    let newPPr: string;
    if (pPr === "") newPPr = `<w:pPr>${NO_NUMBERING}</w:pPr>`;
    else if (numPr !== null) newPPr = pPr.replace(/<w:numPr>[\s\S]*?<\/w:numPr>/, NO_NUMBERING);
    else newPPr = pPr.replace(/^<w:pPr>/, `<w:pPr>${NO_NUMBERING}`);
    out.push(documentXml.slice(last, openEnd), newPPr, run);
    last = pPrEnd;
    re.lastIndex = pPrEnd;
  }
  out.push(documentXml.slice(last));
  return out.join("");
}
