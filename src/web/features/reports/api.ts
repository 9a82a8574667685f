import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ReportText, SaveReportTextInput } from "../../../contract/report-text";
import { api } from "../../app/api";
import type { DashboardKey } from "../dashboard/api";

const textPath = (k: DashboardKey) => `/reports/${k.unitId}/${k.planId}/${k.period}/text`;
const textKey = (k: DashboardKey) => ["reports", "text", k.unitId, k.planId, k.period];

/** The written parts of the report (number, recipients, signer, activities, difficulties, proposals). */
export function useReportText(key: DashboardKey) {
  return useQuery({ queryKey: textKey(key), queryFn: () => api.get<ReportText>(textPath(key)) });
}

/** expectedUpdatedAt is the optimistic lock: the server refuses if a colleague saved in between. */
export function useSaveReportText(key: DashboardKey) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveReportTextInput) => api.put<ReportText>(textPath(key), input),
    onSuccess: (saved) => {
      client.setQueryData(textKey(key), saved);
      void client.invalidateQueries({ queryKey: ["audit", "report_text"] });
    },
  });
}
