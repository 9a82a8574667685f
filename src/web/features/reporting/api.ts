import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Form, ImportJob, IndicatorValues, SaveFormInput } from "../../../contract/data-value";
import type { Reminder, SendReminderInput, SendReminderResult } from "../../../contract/reminder";
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

/** Remind every reporter of the round not yet in, or one (`reporterKey`); at most once a day each. */
export function useSendReminder(roundId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SendReminderInput) => api.post<SendReminderResult>(`/rounds/${roundId}/reminders`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: ["reporting", "status", roundId] }),
  });
}

/** The reminders one reporter got in a round, newest first (its form page). */
export function useFormReminders(roundId: number, reporterKey: string) {
  return useQuery({
    queryKey: ["reporting", "reminders", roundId, reporterKey],
    queryFn: () =>
      api.get<{ items: Reminder[] }>(`/rounds/${roundId}/forms/${reporterKey}/reminders`).then((r) => r.items),
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
