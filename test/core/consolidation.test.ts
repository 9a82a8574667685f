import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { consolidate, type IndicatorSpec, type RawValue, type TreeUnit } from "../../src/core/consolidation";

const ratio: IndicatorSpec = {
  key: "share",
  formula: { kind: "ratio", numerator: "#{N.nu}", denominator: "#{D.nu}", scale: 100 },
};
const atLeastFour: IndicatorSpec = {
  key: "news",
  formula: { kind: "countOfUnits", condition: "#{TIN} >= 4", every: "quarter", scale: 100 },
};

const v = (
  unitId: number,
  dataElement: string,
  option: string,
  value: number,
  extra: Partial<RawValue> = {},
): RawValue => ({
  unitId,
  period: "2024",
  dataElement,
  option,
  value,
  status: "approved",
  ...extra,
});

// nation 1 → provinces 2, 3 → communes 4, 5 (in 2) and 6 (in 3)
const units: TreeUnit[] = [
  { id: 1, parentId: null },
  { id: 2, parentId: 1 },
  { id: 3, parentId: 1 },
  { id: 4, parentId: 2 },
  { id: 5, parentId: 2 },
  { id: 6, parentId: 3 },
];

describe("consolidate (examples)", () => {
  it("sums approved values up the tree and recomputes ratios from the sums", () => {
    const result = consolidate({
      units,
      period: "2024",
      indicators: [ratio],
      agencies: [{ id: 900, unitId: 2 }],
      values: [
        v(4, "N", "nu", 1),
        v(4, "D", "nu", 2),
        v(5, "N", "nu", 9),
        v(5, "D", "nu", 10),
        v(6, "N", "nu", 5, { status: "submitted" }),
        { agencyId: 900, period: "2024", dataElement: "D", option: "nu", value: 8, status: "approved" },
        v(6, "N", "nu", 1, { period: "2023" }),
      ],
    });
    expect(result.units.get(4)?.indicators.share?.value).toBe(50);
    expect(result.units.get(5)?.indicators.share?.value).toBe(90);
    // Province 2: (1 + 9) / (2 + 10 + 8) — not the mean of 50% and 90%.
    expect(result.units.get(2)?.components).toEqual({ D: { nu: 20 }, N: { nu: 10 } });
    expect(result.units.get(2)?.indicators.share?.value).toBe(50);
    expect(result.units.get(6)?.indicators.share?.reason).toBe("no-data");
    expect(result.units.get(1)?.reporters).toBe(3);
    expect(result.unplaced).toEqual([]);
  });

  it("counts communes meeting a condition in every quarter", () => {
    const q = (unitId: number, quarter: number, n: number) =>
      v(unitId, "TIN", "total", n, { period: `2024Q${quarter}` });
    const result = consolidate({
      units,
      period: "2024",
      indicators: [atLeastFour],
      values: [
        ...[1, 2, 3, 4].map((i) => q(4, i, 4)),
        ...[1, 2, 3, 4].map((i) => q(5, i, i === 3 ? 2 : 6)),
        ...[1, 2, 3].map((i) => q(6, i, 10)),
      ],
    });
    expect(result.units.get(2)?.indicators.news).toEqual({ value: 50, numerator: 1, denominator: 2 });
    expect(result.units.get(3)?.indicators.news).toEqual({ value: 0, numerator: 0, denominator: 1 });
    expect(result.units.get(1)?.indicators.news).toEqual({ value: (1 / 3) * 100, numerator: 1, denominator: 3 });
  });

  it("re-expresses history through the crosswalk without splitting by guess", () => {
    const result = consolidate({
      units,
      period: "2024",
      indicators: [ratio],
      values: [v(100, "N", "nu", 3), v(101, "N", "nu", 7), v(102, "N", "nu", 11), v(103, "N", "nu", 13)],
      crosswalk: [
        { oldUnitId: 100, newUnitId: 4, relation: "whole" },
        { oldUnitId: 101, newUnitId: 4, relation: "part" },
        { oldUnitId: 101, newUnitId: 5, relation: "part" },
        { oldUnitId: 102, newUnitId: 5, relation: "part" },
        { oldUnitId: 102, newUnitId: 6, relation: "part" },
      ],
    });
    const n = (id: number) => result.units.get(id)?.components.N?.nu ?? 0;
    const partial = (id: number) => result.units.get(id)?.partial;
    expect([n(4), n(5), n(2), n(3), n(6), n(1)]).toEqual([3, 0, 10, 0, 0, 21]);
    expect([partial(4), partial(5), partial(2), partial(3), partial(6), partial(1)]).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
    expect(result.unplaced.map((x) => x.unitId)).toEqual([103]);
  });

  it("marks partial indicator values", () => {
    const result = consolidate({
      units,
      period: "2024",
      indicators: [ratio],
      values: [v(4, "N", "nu", 1), v(4, "D", "nu", 2), v(101, "D", "nu", 5)],
      crosswalk: [
        { oldUnitId: 101, newUnitId: 4, relation: "part" },
        { oldUnitId: 101, newUnitId: 5, relation: "part" },
      ],
    });
    expect(result.units.get(4)?.indicators.share).toEqual({
      value: 50,
      numerator: 1,
      denominator: 2,
      reason: "partial",
    });
    expect(result.units.get(2)?.indicators.share).toEqual({ value: (1 / 7) * 100, numerator: 1, denominator: 7 });
  });
});

// Random trees: node i > 0 hangs under a random earlier node.
const treeArb = fc
  .array(fc.nat(), { minLength: 0, maxLength: 25 })
  .map((seeds): TreeUnit[] => [
    { id: 1, parentId: null },
    ...seeds.map((s, i) => ({ id: i + 2, parentId: (s % (i + 1)) + 1 })),
  ]);

const scenarioArb = treeArb.chain((tree) =>
  fc.record({
    tree: fc.constant(tree),
    values: fc.array(
      fc.record({
        unitId: fc.constantFrom(...tree.map((u) => u.id)),
        period: fc.constantFrom("2024", "2024Q1", "2024Q2", "2024Q3", "2024Q4", "2023"),
        dataElement: fc.constantFrom("N", "D", "TIN"),
        option: fc.constantFrom("nu", "nam"),
        value: fc.integer({ min: 0, max: 50 }),
        status: fc.constantFrom("approved", "approved", "approved", "draft", "returned"),
      }),
      { maxLength: 60 },
    ),
  }),
);

function subtree(tree: TreeUnit[], id: number): Set<number> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of tree) {
      if (u.parentId !== null && out.has(u.parentId) && !out.has(u.id)) {
        out.add(u.id);
        grew = true;
      }
    }
  }
  return out;
}

describe("consolidate (properties)", () => {
  it("every unit's components equal the sum of approved values in its subtree; ratios are ratios of sums", () => {
    fc.assert(
      fc.property(scenarioArb, ({ tree, values }) => {
        const result = consolidate({ units: tree, values, period: "2024", indicators: [ratio] });
        for (const unit of tree) {
          const inside = subtree(tree, unit.id);
          const sum = (de: string, option: string) =>
            values
              .filter((x) => x.status === "approved" && x.period === "2024" && inside.has(x.unitId))
              .filter((x) => x.dataElement === de && x.option === option)
              .reduce((s, x) => s + x.value, 0);
          const got = result.units.get(unit.id);
          expect(got?.components.N?.nu ?? 0).toBe(sum("N", "nu"));
          expect(got?.components.D?.nam ?? 0).toBe(sum("D", "nam"));
          const share = got?.indicators.share;
          if (share?.value != null) expect(share.value).toBeCloseTo((sum("N", "nu") / sum("D", "nu")) * 100, 9);
        }
        const root = result.units.get(1);
        const leaves = tree.filter((u) => !tree.some((c) => c.parentId === u.id));
        // Totals at the root equal the sum over leaves plus inner units' own values.
        const own = (id: number) =>
          values
            .filter((x) => x.unitId === id && x.status === "approved" && x.period === "2024" && x.dataElement === "N")
            .reduce((s, x) => s + x.value, 0);
        const all = tree.reduce((s, u) => s + own(u.id), 0);
        expect((root?.components.N?.nu ?? 0) + (root?.components.N?.nam ?? 0)).toBe(all);
        expect(leaves.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it("a parent's value is computed from its children's consolidated numerators and denominators", () => {
    fc.assert(
      fc.property(scenarioArb, ({ tree, values }) => {
        const result = consolidate({ units: tree, values, period: "2024", indicators: [ratio] });
        for (const unit of tree) {
          const children = tree.filter((c) => c.parentId === unit.id);
          const ownN = values
            .filter((x) => x.unitId === unit.id && x.status === "approved" && x.period === "2024")
            .filter((x) => x.dataElement === "N" && x.option === "nu")
            .reduce((s, x) => s + x.value, 0);
          const childN = children.reduce((s, c) => s + (result.units.get(c.id)?.components.N?.nu ?? 0), 0);
          expect(result.units.get(unit.id)?.components.N?.nu ?? 0).toBe(ownN + childN);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("does not depend on the order of the input", () => {
    fc.assert(
      fc.property(
        scenarioArb.chain((s) =>
          fc.record({ s: fc.constant(s), order: fc.shuffledSubarray(s.values, { minLength: s.values.length }) }),
        ),
        ({ s, order }) => {
          const a = consolidate({ units: s.tree, values: s.values, period: "2024", indicators: [ratio, atLeastFour] });
          const b = consolidate({
            units: [...s.tree].reverse(),
            values: order,
            period: "2024",
            indicators: [ratio, atLeastFour],
          });
          expect([...b.units.entries()].sort((x, y) => x[0] - y[0])).toEqual(
            [...a.units.entries()].sort((x, y) => x[0] - y[0]),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it("ignores values that are not approved", () => {
    fc.assert(
      fc.property(scenarioArb, ({ tree, values }) => {
        const approved = values.filter((x) => x.status === "approved");
        const a = consolidate({ units: tree, values, period: "2024", indicators: [ratio, atLeastFour] });
        const b = consolidate({ units: tree, values: approved, period: "2024", indicators: [ratio, atLeastFour] });
        expect(b.units).toEqual(a.units);
      }),
      { numRuns: 100 },
    );
  });

  it("countOfUnits at a unit counts its subtree's reporters meeting the condition in all four quarters", () => {
    fc.assert(
      fc.property(scenarioArb, ({ tree, values }) => {
        const result = consolidate({ units: tree, values, period: "2024", indicators: [atLeastFour] });
        for (const unit of tree) {
          const inside = [...subtree(tree, unit.id)];
          const ok = (id: number, q: number) =>
            values
              .filter(
                (x) =>
                  x.unitId === id && x.status === "approved" && x.period === `2024Q${q}` && x.dataElement === "TIN",
              )
              .reduce((s, x) => s + x.value, 0) >= 4;
          const reporting = inside.filter((id) =>
            values.some(
              (x) =>
                x.unitId === id && x.status === "approved" && x.dataElement === "TIN" && x.period.startsWith("2024Q"),
            ),
          );
          const meeting = reporting.filter((id) => [1, 2, 3, 4].every((q) => ok(id, q)));
          const got = result.units.get(unit.id)?.indicators.news;
          expect(got?.denominator ?? 0).toBe(reporting.length);
          expect(got?.numerator ?? 0).toBe(meeting.length);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("a crosswalk never loses or invents totals at the root", () => {
    fc.assert(
      fc.property(
        scenarioArb.chain(({ tree, values }) =>
          fc.record({
            tree: fc.constant(tree),
            values: fc.constant(values),
            rows: fc.array(
              fc.record({
                newUnitId: fc.constantFrom(...tree.map((u) => u.id)),
                relation: fc.constantFrom("whole" as const, "part" as const),
              }),
              { minLength: 1, maxLength: 4 },
            ),
          }),
        ),
        ({ tree, values, rows }) => {
          // The root's own values become an old unit 999's, mapped by random whole/part rows.
          const old = values.map((x) => (x.unitId === 1 ? { ...x, unitId: 999 } : x));
          const crosswalk = rows.map((r) => ({ oldUnitId: 999, ...r }));
          const a = consolidate({ units: tree, values, period: "2024" });
          const b = consolidate({ units: tree, values: old, period: "2024", crosswalk });
          expect(b.units.get(1)?.components).toEqual(a.units.get(1)?.components);
          expect(b.units.get(1)?.partial).toBe(false);
          expect(b.unplaced).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});
