import { describe, expect, it } from "vitest";
import { buildDoc, canonicalizeTones, markerLength, maskMarkup, normalizeText } from "../../src/vn-parser/normalize";

describe("normalize", () => {
  it("turns NFD into NFC and unifies line breaks", () => {
    const nfd = "Kế hoạch\r\nsố".normalize("NFD");
    expect(normalizeText(nfd)).toBe("Kế hoạch\nsố");
  });
  it("masks markdown without moving offsets", () => {
    const s = "## **6. Sở Y tế** | 1\\. Sở Tư pháp";
    const m = maskMarkup(s);
    expect(m).toHaveLength(s.length);
    expect(m.replace(/\s+/g, " ").trim()).toBe("6. Sở Y tế 1. Sở Tư pháp");
  });
  it("canonicalises old-style tone marks for matching only", () => {
    expect(canonicalizeTones("uỷ ban hoà khoẻ quý hoàn")).toBe("ủy ban hòa khỏe quý hoàn");
    const doc = buildDoc("Uỷ ban nhân dân");
    expect(doc.lower).toBe("ủy ban nhân dân");
    expect(doc.text).toBe("Uỷ ban nhân dân");
  });
  it("measures list markers but not numbers", () => {
    expect(markerLength("- Chỉ tiêu 1")).toBe(2);
    expect(markerLength("a) Mục tiêu 1")).toBe(3);
    expect(markerLength("3.2. Sở Y tế")).toBe(5);
    expect(markerLength("1.000 người")).toBe(0);
  });
});
