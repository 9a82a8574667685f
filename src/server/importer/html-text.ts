// Turns mammoth's HTML into the plain-text form the parser reads: one paragraph per
// line, empty paragraphs as blank lines, bold as **…**, table rows as "| a | b |",
// list items as "- " or "N. " (Word's automatic numbers are not in the HTML).

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

/** Converts mammoth HTML to text. Linear scan over tags; no DOM needed. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let line = "";
  const lists: ListState[] = [];
  let cells: string[] | null = null;
  let cell = "";
  const flush = (): void => {
    out.push(line);
    line = "";
  };
  const write = (s: string): void => {
    if (cells) cell += s;
    else line += s;
  };
  const tagRe = /<(\/?)([a-zA-Z0-9]+)[^>]*?(\/?)>|([^<]+)/g;
  for (const m of html.matchAll(tagRe)) {
    if (m[4] !== undefined) {
      write(decodeEntities(m[4]).replace(/\s+/g, " "));
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
      case "tr":
        if (closing && cells) {
          out.push(`| ${cells.map((c) => c.trim()).join(" | ")} |`);
          cells = null;
        } else if (!closing) cells = [];
        break;
      case "td":
      case "th":
        if (closing && cells) {
          cells.push(cell);
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
