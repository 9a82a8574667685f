import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldVietnamese } from "../../src/core/text";
import { clearFailures, type FailureLog, recordFailure, retryAfterMs } from "../../src/core/throttle";
import { isValidOn, lastValidDay } from "../../src/core/units";

describe("foldVietnamese", () => {
  it("lets users search without diacritics", () => {
    expect(foldVietnamese("Thành phố Cần Thơ")).toBe("thanh pho can tho");
    expect(foldVietnamese("Đắk Lắk")).toBe("dak lak");
    expect(foldVietnamese("Phường  Ô Môn")).toBe("phuong o mon");
  });

  it("gives the same result for NFC and NFD input", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(foldVietnamese(s.normalize("NFD"))).toBe(foldVietnamese(s.normalize("NFC")));
      }),
    );
  });
});

describe("validity", () => {
  it("treats validTo as exclusive", () => {
    const old = { validFrom: null, validTo: "2025-07-01" };
    expect(isValidOn(old, "2025-06-30")).toBe(true);
    expect(isValidOn(old, "2025-07-01")).toBe(false);
    expect(lastValidDay("2025-07-01")).toBe("2025-06-30");
    expect(lastValidDay("2024-03-01")).toBe("2024-02-29");
  });
});

describe("sign-in throttle", () => {
  const options = { maxFailures: 3, windowMs: 1000 };
  it("waits after too many failures and forgets them after the window", () => {
    const log: FailureLog = new Map();
    for (const t of [0, 10, 20]) recordFailure(log, ["ip:a"], t);
    expect(retryAfterMs(log, ["ip:a"], 30, options)).toBe(970);
    expect(retryAfterMs(log, ["ip:b"], 30, options)).toBe(0);
    expect(retryAfterMs(log, ["ip:a"], 1001, options)).toBe(0);
    recordFailure(log, ["ip:a"], 1001);
    clearFailures(log, ["ip:a"]);
    expect(retryAfterMs(log, ["ip:a"], 1002, options)).toBe(0);
  });
});
