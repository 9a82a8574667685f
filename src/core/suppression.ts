// Statistical disclosure control for public outputs (DOMAIN.md §4: small numbers
// identify people, above all in gender-based-violence figures). For a 2-D table whose
// row totals, column totals and grand total are published:
// - primary suppression: every cell with 0 < count < 5 (the threshold is an option);
// - secondary (complementary) suppression, a "hypercube-lite" heuristic in the spirit
//   of τ-ARGUS: every row and column with a suppressed cell gets at least two, choosing
//   the smallest non-zero cell that also completes another line; then, while any hidden
//   cell can still be derived exactly from the totals, one more cell next to it.
// The checker is exact, not heuristic: for each hidden cell it computes the interval of
// values consistent with the published totals, the visible cells and non-negativity
// (an LP on a transportation polytope, solved as two max-flows), and the cell is
// recoverable when that interval is a single value. This covers both the "only unknown
// in its line after substitution" case and bounds that pin a cell (e.g. zero totals).
// Tables that cannot be protected without hiding totals (one column, zero margins)
// report the exposed cells instead of pretending.

export type Table = readonly (readonly number[])[];
export type Mask = readonly (readonly boolean[])[];

export interface CellInterval {
  row: number;
  col: number;
  value: number;
  lower: number;
  upper: number;
}

export interface SuppressionOptions {
  /** Cells with 0 < count < threshold are primary suppressions (default 5). */
  threshold?: number;
}

export interface SuppressionResult {
  /** true = suppressed (primary or complementary). */
  mask: boolean[][];
  primary: boolean[][];
  /** Suppressed cells still derivable from the published totals; empty when the table is safe. */
  exposed: Array<{ row: number; col: number }>;
}

export function suppressTable(table: Table, options: SuppressionOptions = {}): SuppressionResult {
  const threshold = options.threshold ?? 5;
  const primary = table.map((row) => row.map((v) => v > 0 && v < threshold));
  const mask = primary.map((row) => [...row]);
  const rows = table.length;
  const cols = rows === 0 ? 0 : (table[0] as readonly number[]).length;
  const total = rows * cols;
  // With one row or one column every cell is its own published total: nothing to gain by hiding more.
  const degenerate = rows === 1 || cols === 1;
  for (let guard = 0; guard <= total && !degenerate; guard++) {
    if (completeLines(table, mask)) continue;
    const recoverable = hiddenCellIntervals(table, mask).filter((c) => c.lower === c.upper);
    const first = recoverable[0];
    if (!first) break;
    const pick =
      bestCandidate(table, mask, lineCells(first.row, first.col, rows, cols)) ??
      bestCandidate(table, mask, nearHidden(mask));
    if (!pick) break;
    setCell(mask, pick[0], pick[1]);
  }
  const exposed = hiddenCellIntervals(table, mask)
    .filter((c) => c.lower === c.upper)
    .map(({ row, col }) => ({ row, col }));
  return { mask, primary, exposed };
}

/** True when some suppressed cell can be derived exactly from the published totals. */
export function isRecoverable(table: Table, suppressed: Mask): boolean {
  return hiddenCellIntervals(table, suppressed).some((c) => c.lower === c.upper);
}

/** For every suppressed cell, the range of values an intruder can infer. */
export function hiddenCellIntervals(table: Table, suppressed: Mask): CellInterval[] {
  const rows = table.length;
  const cols = rows === 0 ? 0 : (table[0] as readonly number[]).length;
  const hidden: Array<{ row: number; col: number; value: number }> = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (suppressed[r]?.[c]) hidden.push({ row: r, col: c, value: (table[r] as readonly number[])[c] as number });
    }
  }
  const big = hidden.reduce((s, h) => s + Math.abs(h.value), 0) + 1;
  return hidden.map((cell, index) => {
    // Raising the cell by δ forces, along an alternating path row i → … → column j through
    // other hidden cells, decreases on row→column steps (bounded by their values) and
    // increases on column→row steps (unbounded); lowering it is the mirror image.
    const up = maxFlow(rows, cols, cell, hidden, index, (h) => [h.value, big]);
    const down = maxFlow(rows, cols, cell, hidden, index, (h) => [big, h.value]);
    return { ...cell, lower: cell.value - Math.min(cell.value, down), upper: cell.value + up };
  });
}

/** Adds a complement to every line with exactly one suppressed cell; true when anything changed. */
function completeLines(table: Table, mask: boolean[][]): boolean {
  const rows = table.length;
  const cols = rows === 0 ? 0 : (table[0] as readonly number[]).length;
  let changed = false;
  const lines: Array<{ along: "row" | "col"; cells: Array<[number, number]> }> = [];
  for (let r = 0; r < rows; r++) {
    lines.push({ along: "row", cells: Array.from({ length: cols }, (_, c) => [r, c] as [number, number]) });
  }
  for (let c = 0; c < cols; c++) {
    lines.push({ along: "col", cells: Array.from({ length: rows }, (_, r) => [r, c] as [number, number]) });
  }
  for (const line of lines) {
    if (line.cells.filter(([r, c]) => mask[r]?.[c]).length !== 1) continue;
    const pick = bestCandidate(table, mask, line.cells, line.along);
    if (!pick) continue; // a line of one cell cannot be protected; the checker reports it
    setCell(mask, pick[0], pick[1]);
    changed = true;
  }
  return changed;
}

function setCell(mask: boolean[][], r: number, c: number): void {
  (mask[r] as boolean[])[c] = true;
}

function lineCells(row: number, col: number, rows: number, cols: number): Array<[number, number]> {
  const cells: Array<[number, number]> = [];
  for (let c = 0; c < cols; c++) cells.push([row, c]);
  for (let r = 0; r < rows; r++) cells.push([r, col]);
  return cells;
}

function nearHidden(mask: boolean[][]): Array<[number, number]> {
  const hiddenRows = new Set<number>();
  const hiddenCols = new Set<number>();
  mask.forEach((row, r) => {
    row.forEach((h, c) => {
      if (h) {
        hiddenRows.add(r);
        hiddenCols.add(c);
      }
    });
  });
  const cells: Array<[number, number]> = [];
  mask.forEach((row, r) => {
    row.forEach((_, c) => {
      cells.push([r, c]);
    });
  });
  // Cells on a line that already has hidden cells first, so a cycle closes soon.
  return cells.sort((a, b) => near(b) - near(a));
  function near([r, c]: [number, number]): number {
    return (hiddenRows.has(r) ? 1 : 0) + (hiddenCols.has(c) ? 1 : 0);
  }
}

/**
 * Prefer a cell whose crossing line also has exactly one suppressed cell (one choice fixes
 * two lines), then non-zero, then the smallest, then the first. `along` is the line being
 * completed, if any; otherwise both lines through a candidate count.
 */
function bestCandidate(
  table: Table,
  mask: boolean[][],
  cells: Array<[number, number]>,
  along: "row" | "col" | null = null,
): [number, number] | null {
  const countRow = (r: number) => (mask[r] as boolean[]).filter(Boolean).length;
  const countCol = (c: number) => mask.filter((row) => row[c]).length;
  let best: [number, number] | null = null;
  let bestKey: number[] = [];
  for (const [r, c] of cells) {
    if (mask[r]?.[c]) continue;
    const value = (table[r] as readonly number[])[c] as number;
    const crossing =
      along === "row"
        ? countCol(c) === 1
        : along === "col"
          ? countRow(r) === 1
          : countRow(r) === 1 || countCol(c) === 1;
    const completes = crossing ? 0 : 1;
    const key = [completes, value === 0 ? 1 : 0, value, r, c];
    if (!best || lexLess(key, bestKey)) {
      best = [r, c];
      bestKey = key;
    }
  }
  return best;
}

function lexLess(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if ((a[i] as number) !== (b[i] as number)) return (a[i] as number) < (b[i] as number);
  }
  return false;
}

/**
 * Edmonds–Karp max-flow from row node `source` to column node `sink` (columns are
 * numbered after the rows) over the hidden cells except `skip`: each cell gives an
 * edge row→column and one column→row, with capacities from `caps`.
 */
function maxFlow(
  rows: number,
  cols: number,
  cell: { row: number; col: number },
  hidden: ReadonlyArray<{ row: number; col: number; value: number }>,
  skip: number,
  caps: (h: { value: number }) => [rowToCol: number, colToRow: number],
): number {
  const nodes = rows + cols;
  const source = cell.row;
  const sink = rows + cell.col;
  const to: number[] = [];
  const cap: number[] = [];
  const adj: number[][] = Array.from({ length: nodes }, () => []);
  const addEdge = (u: number, v: number, c: number) => {
    (adj[u] as number[]).push(to.length);
    to.push(v);
    cap.push(c);
    (adj[v] as number[]).push(to.length);
    to.push(u);
    cap.push(0);
  };
  hidden.forEach((h, i) => {
    if (i === skip) return;
    const [down, up] = caps(h);
    addEdge(h.row, rows + h.col, down);
    addEdge(rows + h.col, h.row, up);
  });
  let flow = 0;
  for (;;) {
    const via = new Array<number>(nodes).fill(-1);
    const seen = new Array<boolean>(nodes).fill(false);
    const queue = [source];
    seen[source] = true;
    for (let head = 0; head < queue.length && !seen[sink]; head++) {
      const u = queue[head] as number;
      for (const e of adj[u] as number[]) {
        const v = to[e] as number;
        if (!seen[v] && (cap[e] as number) > 0) {
          seen[v] = true;
          via[v] = e;
          queue.push(v);
        }
      }
    }
    if (!seen[sink]) return flow;
    let push = Number.POSITIVE_INFINITY;
    for (let v = sink; v !== source; v = to[(via[v] as number) ^ 1] as number) {
      push = Math.min(push, cap[via[v] as number] as number);
    }
    for (let v = sink; v !== source; v = to[(via[v] as number) ^ 1] as number) {
      const e = via[v] as number;
      cap[e] = (cap[e] as number) - push;
      cap[e ^ 1] = (cap[e ^ 1] as number) + push;
    }
    flow += push;
  }
}
