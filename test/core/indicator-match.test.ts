import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  ACCEPT_THRESHOLD,
  describeMatch,
  type MatchCandidate,
  matchTokens,
  rankIndicatorMatches,
} from "../../src/core/indicator-match";
import type { GoalDomain, TargetUnit } from "../../src/core/plan";

interface StrategyFile {
  goals: {
    domain: GoalDomain;
    indicators: { code: string; text: string; targets: { unit: TargetUnit | null }[] }[];
  }[];
}

const strategy = JSON.parse(
  readFileSync(resolve(process.cwd(), "reference-data/strategy-2021-2030.json"), "utf8"),
) as StrategyFile;
const CATALOGUE: MatchCandidate[] = strategy.goals.flatMap((g) =>
  g.indicators.map((i) => ({ key: i.code, text: i.text, domain: g.domain, units: i.targets.map((t) => t.unit) })),
);

const best = (text: string, domain: GoalDomain | null = null, units: (TargetUnit | null)[] = []) =>
  rankIndicatorMatches({ text, domain, units }, CATALOGUE)[0];

describe("rankIndicatorMatches against the 2021–2030 catalogue", () => {
  it("matches the Cần Thơ wage-work sentence to 2.1, confidently", () => {
    const m = best("Tỷ lệ lao động nữ làm công hưởng lương đạt 60% trở lên", "economy", ["%"]);
    expect(m?.key).toBe("2.1");
    expect(m!.score).toBeGreaterThanOrEqual(ACCEPT_THRESHOLD);
    expect(m!.reason.shared).toEqual(expect.arrayContaining(["huong", "luong"]));
    expect(m!.reason).toMatchObject({ domainAgrees: true, unitAgrees: true });
  });

  it("tells 2.1 from 2.2 although both speak of women's labour", () => {
    const m = best("giảm tỷ trọng lao động nữ làm việc trong khu vực nông nghiệp xuống dưới 26%", "economy", ["%"]);
    expect(m?.key).toBe("2.2");
  });

  it("reads folded text without diacritics, and ignores numbers and target wording", () => {
    expect(best("ty le lao dong nu lam cong huong luong")?.key).toBe("2.1");
    expect(matchTokens("Phấn đấu đạt 60% trở lên")).toEqual([]);
  });

  it.each([
    ["tỷ số giới tính khi sinh ở mức 105 bé trai/100 bé gái sinh ra sống", "4.1"],
    ["tỷ suất sinh ở vị thành niên giảm từ 15 ca sinh/1.000 phụ nữ xuống 12/1.000 phụ nữ", "4.3"],
    ["100% xã, phường, thị trấn mỗi quý có ít nhất 04 tin, bài về bình đẳng giới trên hệ thống thông tin cơ sở", "6.3"],
    ["tỷ lệ nữ giám đốc/chủ doanh nghiệp, hợp tác xã đạt 31% trở lên", "2.3"],
  ])("%s → %s", (text, code) => {
    expect(best(text)?.key).toBe(code);
  });

  it("gives the domain and unit bonus only on top of shared words", () => {
    const withBonus = best("tỷ lệ lao động nữ làm công hưởng lương", "economy", ["%"])!;
    const without = best("tỷ lệ lao động nữ làm công hưởng lương", "health", ["times"])!;
    expect(withBonus.score).toBeGreaterThan(without.score);
    expect(without.reason).toMatchObject({ domainAgrees: false, unitAgrees: false });
    expect(rankIndicatorMatches({ text: "xây dựng nhà văn hóa", domain: "economy", units: ["%"] }, CATALOGUE)).toEqual(
      [],
    );
  });

  it("returns at most `limit` candidates, best first, and nothing without candidates", () => {
    const list = rankIndicatorMatches({ text: "tỷ lệ nữ", domain: null, units: [] }, CATALOGUE, {
      limit: 2,
      minScore: 0,
    });
    expect(list).toHaveLength(2);
    expect(list[0]!.score).toBeGreaterThanOrEqual(list[1]!.score);
    expect(rankIndicatorMatches({ text: "tỷ lệ nữ", domain: null, units: [] }, [])).toEqual([]);
  });

  it("explains a match in Vietnamese", () => {
    const m = best("Tỷ lệ lao động nữ làm công hưởng lương đạt 60% trở lên", "economy", ["%"])!;
    expect(describeMatch(m.reason)).toMatch(/^trùng từ: .*huong.*; cùng lĩnh vực; cùng đơn vị đo$/);
    expect(describeMatch(m.reason, "Tỷ lệ lao động nữ làm công hưởng lương")).toMatch(/^trùng từ: .*hưởng.*;/);
  });
});
