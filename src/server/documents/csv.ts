import type { PublishedTable } from "../services/report-tables";

// CSV of a published table (RFC 4180): UTF-8 with a byte-order mark so Excel opens
// Vietnamese text correctly, comma-separated, CRLF line ends. Numbers are written
// machine-readable (dot decimals, no grouping) so the file feeds other systems;
// suppressed cells keep their "x"; footnotes follow the table.

const BOM = "\uFEFF";

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function renderCsv(table: PublishedTable): string {
  const header = table.columns.map((c) => field(c.group ? `${c.group} — ${c.label}` : c.label));
  const lines = [header.join(",")];
  for (const row of table.rows) {
    lines.push(
      row
        .map((cell, k) => {
          if (cell.suppressed) return cell.text;
          if (table.columns[k]?.numeric && cell.value !== null) return String(cell.value);
          return field(cell.text);
        })
        .join(","),
    );
  }
  for (const note of table.footnotes) lines.push(field(note));
  return `${BOM}${lines.join("\r\n")}\r\n`;
}
