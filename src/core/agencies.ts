// Agencies (cơ quan, đơn vị) belong to a unit. They are closed with a date,
// never deleted once anything refers to them, so old plans and figures keep
// their owner.

export const AGENCY_TYPES = [
  "so",
  "phong",
  "ban",
  "trung_tam",
  "cong_an",
  "dai",
  "thong_ke",
  "mat_tran",
  "hoi",
  "uy_ban",
  "khac",
] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];

export interface AgencyState {
  closedOn: string | null;
}

export function isAgencyOpen(agency: AgencyState, day: string): boolean {
  return agency.closedOn === null || day < agency.closedOn;
}
