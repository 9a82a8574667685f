import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Unit } from "../../../contract/unit";
import { api } from "../../app/api";

export type SearchHit = Unit & { path: string[] };
export interface CrosswalkRow {
  oldUnit: Unit;
  newUnit: Unit;
  relation: "whole" | "part";
  note: string | null;
}

// The unit tree changes only by official decision: cache it for long.
const TREE_STALE = 10 * 60_000;

export function useRootUnit(asOf: string) {
  return useQuery({
    queryKey: ["units", "root", asOf],
    queryFn: () => api.get<Unit>("/units/root", { asOf }),
    staleTime: TREE_STALE,
  });
}

export function useChildren(unitId: number, asOf: string, enabled = true) {
  return useQuery({
    queryKey: ["units", unitId, "children", asOf],
    queryFn: () => api.get<{ items: Unit[] }>(`/units/${unitId}/children`, { asOf }).then((r) => r.items),
    staleTime: TREE_STALE,
    enabled,
  });
}

export function useUnit(unitId: number, asOf: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ["units", unitId, asOf],
    queryFn: () => api.get<{ unit: Unit; ancestors: Unit[] }>(`/units/${unitId}`, { asOf }),
    staleTime: TREE_STALE,
    placeholderData: keepPreviousData,
  });
}

export function useUnitSearch(q: string, asOf: string, limit = 20) {
  const query = q.trim();
  return useQuery({
    queryKey: ["units", "search", query, asOf, limit],
    queryFn: () => api.get<{ items: SearchHit[] }>("/units/search", { q: query, asOf, limit }).then((r) => r.items),
    enabled: query.length > 0,
    staleTime: TREE_STALE,
    placeholderData: keepPreviousData,
  });
}

export function useCrosswalk(unitId: number) {
  return useQuery({
    queryKey: ["units", unitId, "crosswalk"],
    queryFn: () => api.get<{ items: CrosswalkRow[] }>(`/units/${unitId}/crosswalk`).then((r) => r.items),
    staleTime: TREE_STALE,
  });
}
