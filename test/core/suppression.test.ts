import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hiddenCellIntervals, isRecoverable, suppressTable, type Table } from "../../src/core/suppression";

const masked = (table: Table, cells: Array<[number, number]>) =>
  table.map((row, r) => row.map((_, c) => cells.some(([x, y]) => x === r && y === c)));

/** Every integer table with the same visible cells and margins: the intruder's view, by brute force. */
function bruteIntervals(table: Table, mask: boolean[][]): Array<[number, number]> {
  const rows = table.length;
  const cols = table[0]?.length ?? 0;
  const hidden: Array<[number, number]> = [];
  const rowLeft = table.map((row, r) => row.reduce((s, v, c) => s + (mask[r]?.[c] ? v : 0), 0));
  const colLeft = Array.from({ length: cols }, (_, c) =>
    table.reduce((s, row, r) => s + (mask[r]?.[c] ? (row[c] as number) : 0), 0),
  );
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if (mask[r]?.[c]) hidden.push([r, c]);
  const lo = hidden.map(() => Number.POSITIVE_INFINITY);
  const hi = hidden.map(() => Number.NEGATIVE_INFINITY);
  const current: number[] = [];
  const walk = (i: number) => {
    if (i === hidden.length) {
      if (rowLeft.every((x) => x === 0) && colLeft.every((x) => x === 0)) {
        current.forEach((x, k) => {
          lo[k] = Math.min(lo[k] as number, x);
          hi[k] = Math.max(hi[k] as number, x);
        });
      }
      return;
    }
    const [r, c] = hidden[i] as [number, number];
    for (let x = 0; x <= Math.min(rowLeft[r] as number, colLeft[c] as number); x++) {
      rowLeft[r] = (rowLeft[r] as number) - x;
      colLeft[c] = (colLeft[c] as number) - x;
      current[i] = x;
      walk(i + 1);
      rowLeft[r] = (rowLeft[r] as number) + x;
      colLeft[c] = (colLeft[c] as number) + x;
    }
  };
  walk(0);
  return hidden.map((_, k) => [lo[k] as number, hi[k] as number]);
}

describe("hiddenCellIntervals / isRecoverable", () => {
  it("finds a cell that is the only unknown of its row", () => {
    const table = [
      [3, 10, 12],
      [8, 9, 20],
    ];
    expect(isRecoverable(table, masked(table, [[0, 0]]))).toBe(true);
    expect(hiddenCellIntervals(table, masked(table, [[0, 0]]))).toEqual([
      { row: 0, col: 0, value: 3, lower: 3, upper: 3 },
    ]);
  });

  it("protects a 2×2 rectangle of hidden cells", () => {
    const table = [
      [3, 10, 12],
      [8, 2, 20],
    ];
    const mask = masked(table, [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    expect(isRecoverable(table, mask)).toBe(false);
    expect(hiddenCellIntervals(table, mask).map((c) => [c.lower, c.upper])).toEqual([
      [1, 11],
      [2, 12],
      [0, 10],
      [0, 10],
    ]);
  });

  it("sees a bridge between two protected blocks (not caught by line-by-line substitution)", () => {
    const table = [
      [2, 9, 3, 9],
      [9, 2, 7, 9],
      [9, 9, 2, 9],
      [9, 9, 9, 2],
    ];
    // Two cycles {0,1}×{0,1} and {2,3}×{2,3}, joined by cell (1,2): every line has ≥ 2 hidden cells.
    const mask = masked(table, [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [2, 2],
      [2, 3],
      [3, 2],
      [3, 3],
      [1, 2],
    ]);
    const bridge = hiddenCellIntervals(table, mask).find((c) => c.row === 1 && c.col === 2);
    expect(bridge).toMatchObject({ lower: 7, upper: 7 });
  });

  it("sees cells pinned by zero margins", () => {
    const table = [
      [3, 0],
      [0, 0],
    ];
    const all = masked(table, [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    expect(isRecoverable(table, all)).toBe(true);
  });

  it("agrees with brute force on small tables", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }).chain((rows) =>
          fc.integer({ min: 1, max: 3 }).chain((cols) =>
            fc.record({
              table: fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: cols, maxLength: cols }), {
                minLength: rows,
                maxLength: rows,
              }),
              mask: fc.array(fc.array(fc.boolean(), { minLength: cols, maxLength: cols }), {
                minLength: rows,
                maxLength: rows,
              }),
            }),
          ),
        ),
        ({ table, mask }) => {
          const exact = hiddenCellIntervals(table, mask).map((c) => [c.lower, c.upper]);
          expect(exact).toEqual(bruteIntervals(table, mask));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("suppressTable", () => {
  it("suppresses small counts and enough neighbours", () => {
    const table = [
      [12, 3, 25, 40],
      [30, 18, 22, 17],
      [9, 14, 0, 21],
    ];
    const result = suppressTable(table);
    expect(result.primary[0]).toEqual([false, true, false, false]);
    const hidden = result.mask.flat().filter(Boolean).length;
    expect(hidden).toBe(4); // 3, its row complement and column complement, and the corner closing the rectangle
    expect(result.mask[0]?.[1]).toBe(true);
    expect(result.exposed).toEqual([]);
    expect(isRecoverable(table, result.mask)).toBe(false);
    for (const row of result.mask)
      expect(row.filter(Boolean).length === 0 || row.filter(Boolean).length >= 2).toBe(true);
  });

  it("prefers a complement that also completes the crossing line", () => {
    const table = [
      [2, 10, 6],
      [20, 3, 30],
      [40, 50, 60],
    ];
    // (0,2) = 6 is the smallest in row 0, but (0,1) also completes column 1.
    expect(suppressTable(table).mask).toEqual([
      [true, true, false],
      [true, true, false],
      [false, false, false],
    ]);
  });

  it("leaves zeros and counts ≥ 5 alone when nothing is small", () => {
    const result = suppressTable([
      [0, 5],
      [7, 100],
    ]);
    expect(result.mask.flat().some(Boolean)).toBe(false);
  });

  it("reports what cannot be protected without hiding totals", () => {
    const column = suppressTable([[3], [10], [12]]);
    expect(column.exposed).toEqual([{ row: 0, col: 0 }]);
    expect(column.mask).toEqual([[true], [false], [false]]);
    expect(
      suppressTable([
        [3, 0],
        [0, 0],
      ]).exposed.length,
    ).toBeGreaterThan(0);
  });

  it("honours another threshold", () => {
    const result = suppressTable(
      [
        [8, 20],
        [30, 40],
      ],
      { threshold: 10 },
    );
    expect(result.primary[0]?.[0]).toBe(true);
    expect(result.mask.flat().filter(Boolean).length).toBe(4);
  });

  const tableArb = (min: number) =>
    fc.integer({ min: 2, max: 6 }).chain((rows) =>
      fc.integer({ min: 2, max: 6 }).chain((cols) =>
        fc.array(fc.array(fc.integer({ min, max: 40 }), { minLength: cols, maxLength: cols }), {
          minLength: rows,
          maxLength: rows,
        }),
      ),
    );

  it("no suppressed cell can be derived from the published totals (tables without zeros)", () => {
    fc.assert(
      fc.property(tableArb(1), (table) => {
        const result = suppressTable(table);
        expect(result.exposed).toEqual([]);
        expect(isRecoverable(table, result.mask)).toBe(false);
        table.forEach((row, r) => {
          row.forEach((v, c) => {
            if (v > 0 && v < 5) expect(result.mask[r]?.[c]).toBe(true);
          });
        });
        for (const row of result.mask) expect(row.filter(Boolean).length).not.toBe(1);
        for (let c = 0; c < (table[0]?.length ?? 0); c++)
          expect(result.mask.filter((row) => row[c]).length).not.toBe(1);
      }),
      { numRuns: 300 },
    );
  });

  it("with zeros, any cell still derivable is reported as exposed, never hidden silently", () => {
    fc.assert(
      fc.property(tableArb(0), (table) => {
        const result = suppressTable(table);
        const recoverable = hiddenCellIntervals(table, result.mask)
          .filter((c) => c.lower === c.upper)
          .map(({ row, col }) => ({ row, col }));
        expect(result.exposed).toEqual(recoverable);
      }),
      { numRuns: 300 },
    );
  });
});
