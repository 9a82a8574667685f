// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { diffSnapshots } from "../../src/web/features/audit/audit-diff";

describe("audit field differences", () => {
  const before = { id: 2, name: "Sở Y tế", type: "so", closedOn: null, updatedAt: "2026-01-01 00:00:00+00" };

  it("lists only the fields that changed, ignoring bookkeeping", () => {
    const after = { ...before, name: "Sở Y tế thành phố", updatedAt: "2026-02-01 00:00:00+00" };
    expect(diffSnapshots(before, after)).toEqual([{ field: "name", old: "Sở Y tế", new: "Sở Y tế thành phố" }]);
  });

  it("shows a creation as its non-empty new values and a deletion as its old values", () => {
    expect(diffSnapshots(null, before).map((c) => c.field)).toEqual(["name", "type"]);
    expect(diffSnapshots(before, null)).toEqual([
      { field: "name", old: "Sở Y tế", new: null },
      { field: "type", old: "so", new: null },
    ]);
  });
});
