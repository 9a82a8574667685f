// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { draftKey, EMPTY_DRAFT, keepDraft, readDraft } from "../../src/web/app/local-draft";

describe("a form's typing kept on this computer", () => {
  it("is kept per user, round and reporter, and an empty draft removes the entry", () => {
    localStorage.clear();
    const key = draftKey(4, 12, "unit-7");
    expect(key).not.toBe(draftKey(5, 12, "unit-7"));
    const draft = { values: { "TC_TONGSO|total|2024": "35" }, comments: {}, narrative: { "3": "Đã tổ chức" } };
    keepDraft(localStorage, key, draft, "2024-12-02T00:00:00.000Z", new Date("2024-12-02T03:00:00Z"));
    expect(readDraft(localStorage, key)).toEqual({
      draft,
      baseUpdatedAt: "2024-12-02T00:00:00.000Z",
      keptAt: "2024-12-02T03:00:00.000Z",
    });
    keepDraft(localStorage, key, EMPTY_DRAFT, "2024-12-02T00:00:00.000Z");
    expect(localStorage.getItem(key)).toBeNull();
  });

  it("ignores what it cannot read, and a storage that refuses to write", () => {
    localStorage.clear();
    const key = draftKey(4, 12, "unit-7");
    for (const junk of ["{", "null", '{"draft":{"values":{"a":1}}}', '{"draft":{"values":{},"comments":{}}}']) {
      localStorage.setItem(key, junk);
      expect(readDraft(localStorage, key)).toBeNull();
    }
    expect(readDraft(undefined, key)).toBeNull();
    const full = {
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => {},
    } as unknown as Storage;
    expect(() => keepDraft(full, key, { ...EMPTY_DRAFT, values: { a: "1" } }, "x")).not.toThrow();
  });
});
