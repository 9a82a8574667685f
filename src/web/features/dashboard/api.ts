import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Dashboard, DashboardOptions } from "../../../contract/dashboard";
import { api, apiUrl } from "../../app/api";

export interface DashboardKey {
  unitId: number;
  planId: number;
  period: string;
}

export function useDashboardOptions(unitId: number | null) {
  return useQuery({
    queryKey: ["dashboard", "options", unitId],
    queryFn: () => api.get<DashboardOptions>("/dashboard/options", { unitId }),
    enabled: unitId !== null,
  });
}

export function useDashboard(key: DashboardKey | null) {
  return useQuery({
    queryKey: ["dashboard", key],
    queryFn: () => api.get<Dashboard>("/dashboard", { ...(key as DashboardKey) }),
    enabled: key !== null,
    // Keep the previous unit's view on screen while the next loads (slow connections).
    placeholderData: keepPreviousData,
  });
}

/** The 34 provinces (GeoJSON, ~90 kB gzipped), fetched once per session. */
export function useProvinceMap(enabled: boolean) {
  return useQuery({
    queryKey: ["dashboard", "provinces-map"],
    queryFn: () => api.get<object>("/dashboard/provinces.geojson"),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}

export function csvUrl(key: DashboardKey, table: "indicators" | "lowerUnits" | "reporters", isPublic: boolean): string {
  return apiUrl("/dashboard", { ...key, format: "csv", table, public: isPublic || undefined });
}

export function reportUrl(key: DashboardKey, ext: "docx" | "xlsx", isPublic: boolean): string {
  return apiUrl(`/reports/${key.unitId}/${key.planId}/${key.period}.${ext}`, { public: isPublic || undefined });
}
