import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// The official reference data ships inside the repository (reference-data/,
// with its provenance README): a user's machine has no ../shared.

const DIR = fileURLToPath(new URL("../../../reference-data/", import.meta.url));

export function referencePath(name: string): string {
  return DIR + name;
}

export function readReferenceJson<T>(name: string): T {
  return JSON.parse(readFileSync(referencePath(name), "utf8")) as T;
}

export interface RawProvince {
  code: string;
  name: string;
  full_name: string;
  type: string;
  name_en?: string;
}
export interface RawDistrict extends RawProvince {
  province_code: string;
}
export interface RawCommune extends RawProvince {
  province_code: string;
  district_code?: string;
}
export interface Units2025File {
  provinces: RawProvince[];
  communes: RawCommune[];
}
export interface Units2024File {
  provinces: RawProvince[];
  districts: RawDistrict[];
  communes: RawCommune[];
}
export interface CrosswalkFile {
  provinces: { old_code: string; new_code: string }[];
  districts_to_special_zones: { old_district_code: string; new_code: string; relation: string; note_vi: string }[];
  communes: { old_code: string; new_code: string; relation: string; note_vi: string }[];
}
export interface ChangesFile {
  meta: { effective: string };
  changes: {
    level: "province" | "commune";
    code: string;
    before: { type: string; full_name: string };
    after: { type: string; full_name: string; full_name_en?: string };
    legal_basis: string;
  }[];
}
