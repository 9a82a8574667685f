// Administrative units are effective-dated: a unit is valid on day d when
// validFrom <= d < validTo (either bound may be open). The 1 July 2025 reform
// ended the district level, so depth is data, never a constant.

export const UNIT_LEVELS = ["nation", "province", "district", "commune"] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export const UNIT_TYPES = [
  "quoc_gia",
  "tinh",
  "thanh_pho",
  "quan",
  "huyen",
  "thi_xa",
  "thanh_pho_thuoc_tinh",
  "thanh_pho_thuoc_tp",
  "xa",
  "phuong",
  "thi_tran",
  "dac_khu",
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

/** The day the two-level structure took effect (Nghị quyết 202/2025/QH15). */
export const REFORM_DATE = "2025-07-01";

/** ISO date (yyyy-mm-dd); a plain string keeps core free of Date and time zones. */
export type IsoDate = string;

export interface Validity {
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
}

export function isValidOn(unit: Validity, day: IsoDate): boolean {
  if (unit.validFrom !== null && day < unit.validFrom) return false;
  if (unit.validTo !== null && day >= unit.validTo) return false;
  return true;
}

/** Ancestor ids (root first, the unit itself last) from a stored path "/1/5/77/". */
export function parseUnitPath(path: string): number[] {
  return path
    .split("/")
    .filter((part) => part.length > 0)
    .map((part) => Number(part));
}

export function formatUnitPath(ids: readonly number[]): string {
  return `/${ids.join("/")}/`;
}

export function isInSubtree(ancestorIdsOfTarget: readonly number[], rootId: number): boolean {
  return ancestorIdsOfTarget.includes(rootId);
}

/** The last day a unit was valid, for display ("đến 30/06/2025"); validTo is exclusive. */
export function lastValidDay(validTo: IsoDate | null): IsoDate | null {
  if (validTo === null) return null;
  const [y, m, d] = validTo.split("-").map(Number) as [number, number, number];
  const utc = Date.UTC(y, m - 1, d) - 86_400_000;
  return new Date(utc).toISOString().slice(0, 10);
}
