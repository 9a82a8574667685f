// Turns mammoth's HTML into the plain-text form the parser reads: one paragraph per
// line, empty paragraphs as blank lines, bold as **…**, table rows as "| a | b |",
// list items as "- " or "N. " (Word's automatic numbers are written into the paragraphs
// before mammoth runs, see docx-numbering.ts; lists left over are numbered here).
// Merged cells keep the grid: a cell spanning columns is followed by empty cells, and a
// cell spanning rows repeats its text in the rows below (a merged "Cơ quan chủ trì" cell
// belongs to every row it covers).

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[body.toLowerCase()] ?? m;
  });
}

interface ListState {
  ordered: boolean;
  counter: number;
}

interface TableState {
  /** Column → a cell from a row above that still covers it. */
  carried: Map<number, { text: string; rows: number }>;
}

const spanOf = (attrs: string, name: string): number => {
  const m = new RegExp(`${name}\\s*=\\s*["']?(\\d+)`, "i").exec(attrs);
  const n = m ? Number(m[1]) : 1;
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 50) : 1;
};

/** Converts mammoth HTML to text. Linear scan over tags; no DOM needed. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let line = "";
  const lists: ListState[] = [];
  let cells: string[] | null = null;
  let cell = "";
  let cellAttrs = "";
  const tables: TableState[] = [];
  /** Fills the columns still covered by merged cells from the rows above. */
  const fillCarried = (row: string[], upTo: number): void => {
    const table = tables[tables.length - 1];
    if (!table) return;
    while (row.length < upTo) {
      const c = table.carried.get(row.length);
      if (!c) return;
      row.push(c.text);
      c.rows--;
      if (c.rows <= 0) table.carried.delete(row.length - 1);
    }
  };
  const maxCarried = (): number => {
    const table = tables[tables.length - 1];
    return table ? Math.max(0, ...[...table.carried.keys()].map((k) => k + 1)) : 0;
  };
  const flush = (): void => {
    out.push(line);
    line = "";
  };
  const write = (s: string): void => {
    if (cells) cell += s;
    else line += s;
  };
  const tagRe = /<(\/?)([a-zA-Z0-9]+)([^>]*?)(\/?)>|([^<]+)/g;
  for (const m of html.matchAll(tagRe)) {
    if (m[5] !== undefined) {
      write(decodeEntities(m[5]).replace(/\s+/g, " "));
      continue;
    }
    const closing = m[1] === "/";
    const tag = (m[2] ?? "").toLowerCase();
    switch (tag) {
      case "p":
      case "h1":
      case "h2":
      case "h3":
      case "h4":
      case "h5":
      case "h6":
        if (closing && !cells) flush();
        else if (closing && cells) cell += " ";
        break;
      case "br":
        if (cells) cell += " ";
        else flush();
        break;
      case "strong":
      case "b":
        write("**");
        break;
      case "ul":
      case "ol":
        if (closing) lists.pop();
        else lists.push({ ordered: tag === "ol", counter: 0 });
        break;
      case "li": {
        const list = lists[lists.length - 1];
        if (closing) {
          if (line.trim()) flush();
        } else if (list) {
          list.counter++;
          line += "  ".repeat(Math.max(0, lists.length - 1)) + (list.ordered ? `${list.counter}. ` : "- ");
        }
        break;
      }
      case "table":
        if (closing) tables.pop();
        else tables.push({ carried: new Map() });
        break;
      case "tr":
        if (closing && cells) {
          fillCarried(cells, maxCarried());
          out.push(`| ${cells.map((c) => c.trim()).join(" | ")} |`);
          cells = null;
        } else if (!closing) cells = [];
        break;
      case "td":
      case "th":
        if (!closing) {
          cellAttrs = m[3] ?? "";
          cell = "";
        } else if (cells) {
          // Columns a merged cell above still covers come first.
          let col = cells.length;
          while (tables[tables.length - 1]?.carried.has(col)) {
            fillCarried(cells, col + 1);
            col = cells.length;
          }
          const colspan = spanOf(cellAttrs, "colspan");
          const rowspan = spanOf(cellAttrs, "rowspan");
          const text = cell.trim();
          for (let k = 0; k < colspan; k++) {
            cells.push(k === 0 ? text : "");
            if (rowspan > 1)
              tables[tables.length - 1]?.carried.set(col + k, { text: k === 0 ? text : "", rows: rowspan - 1 });
          }
          cell = "";
        }
        break;
      default:
        break;
    }
  }
  if (line) flush();
  // "**" pairs around nothing are noise left by empty runs.
  return out.map((l) => l.replace(/\*\*\s*\*\*/g, "").replace(/\s+$/u, "")).join("\n");
}
