import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Form, ImportJob, IndicatorValues, SaveFormInput } from "../../../contract/data-value";
import type { MyFormItem, Round, RoundStatus } from "../../../contract/reporting";
import { api, apiUrl } from "../../app/api";

export type MyForm = MyFormItem;

export interface SubmissionState {
  reporterKey: string;
  state: Form["state"];
  submittedAt: string | null;
  decidedAt: string | null;
  decisionComment: string | null;
  updatedAt: string;
}

export type Decision = "approve" | "return" | "reopen";

export const formKey = (roundId: number, reporterKey: string) => ["reporting", "form", roundId, reporterKey] as const;

export function useMyForms() {
  return useQuery({
    queryKey: ["reporting", "mine"],
    queryFn: () => api.get<{ items: MyForm[] }>("/forms/mine").then((r) => r.items),
  });
}

export function useRounds(planId: number) {
  return useQuery({
    queryKey: ["reporting", "rounds", planId],
    queryFn: () => api.get<{ items: Round[] }>(`/plans/${planId}/rounds`).then((r) => r.items),
  });
}

export function useRoundStatus(roundId: number | null) {
  return useQuery({
    queryKey: ["reporting", "status", roundId],
    queryFn: () => api.get<RoundStatus>(`/rounds/${roundId}/status`),
    enabled: roundId !== null,
    placeholderData: keepPreviousData,
  });
}

export function useOpenRound(planId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (period: string) => api.post<Round>(`/plans/${planId}/rounds`, { period }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["reporting", "rounds", planId] }),
  });
}

export function useForm(roundId: number, reporterKey: string) {
  return useQuery({
    queryKey: formKey(roundId, reporterKey),
    queryFn: () => api.get<Form>(`/rounds/${roundId}/forms/${reporterKey}`),
  });
}

/** Save (PUT) or submit (POST): one request carrying every changed figure and the narrative. */
export function useSaveForm(roundId: number, reporterKey: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ input, submit }: { input: SaveFormInput; submit: boolean }) =>
      submit
        ? api.post<Form>(`/rounds/${roundId}/forms/${reporterKey}/submit`, input)
        : api.put<Form>(`/rounds/${roundId}/forms/${reporterKey}`, input),
    onSuccess: (form) => {
      client.setQueryData(formKey(roundId, reporterKey), form);
      void client.invalidateQueries({ queryKey: ["reporting", "mine"] });
    },
  });
}

export function useDecide(roundId: number, reporterKey: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ decision, comment }: { decision: Decision; comment?: string }) =>
      api.post<SubmissionState>(`/rounds/${roundId}/forms/${reporterKey}/${decision}`, comment ? { comment } : {}),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: formKey(roundId, reporterKey) });
      void client.invalidateQueries({ queryKey: ["reporting", "status", roundId] });
      void client.invalidateQueries({ queryKey: ["reporting", "rounds"] });
      void client.invalidateQueries({ queryKey: ["reporting", "indicators"] });
    },
  });
}

/** Polls an Excel import job until it is done or failed. */
export function useImportJob(jobId: string | null) {
  return useQuery({
    queryKey: ["reporting", "import", jobId],
    queryFn: () => api.get<ImportJob>(`/imports/${jobId}`),
    enabled: jobId !== null,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === "done" || status === "failed" ? false : 700;
    },
  });
}

export function useUnitIndicators(unitId: number, planId: number | null, period: string | null) {
  return useQuery({
    queryKey: ["reporting", "indicators", unitId, planId, period],
    queryFn: () => api.get<IndicatorValues>(`/units/${unitId}/indicators`, { planId, period }),
    enabled: planId !== null && period !== null,
  });
}

export const reporterTemplateUrl = (roundId: number, reporterKey: string) =>
  apiUrl(`/rounds/${roundId}/forms/${reporterKey}/template.xlsx`);
export const lowerUnitsTemplateUrl = (roundId: number) => apiUrl(`/rounds/${roundId}/template.xlsx`);
export const evidenceUrl = (id: number) => apiUrl(`/evidence/${id}`);
