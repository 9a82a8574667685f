import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Strategy } from "../../../contract/catalogue";
import type {
  CreatePlanFromInput,
  IssuePlanInput,
  Plan,
  PlanChecks,
  PlanDiff,
  PlanSections,
  PlanSummary,
  Responsibility,
  TargetInput,
  UpdateIndicatorInput,
} from "../../../contract/plan";
import { api, apiUrl } from "../../app/api";

export function usePlans(unitId: number | null) {
  return useQuery({
    queryKey: ["plans", "list", unitId],
    queryFn: () => api.get<{ items: PlanSummary[] }>("/plans", { unitId }).then((r) => r.items),
    enabled: unitId !== null,
  });
}

export function usePlanSources(unitId: number | null, enabled: boolean) {
  return useQuery({
    queryKey: ["plans", "sources", unitId],
    queryFn: () =>
      api.get<{ strategies: { id: number; title: string }[]; plans: PlanSummary[] }>("/plans/sources", { unitId }),
    enabled: enabled && unitId !== null,
  });
}

export function usePlan(id: number | null) {
  return useQuery({
    queryKey: ["plans", id],
    queryFn: () => api.get<Plan>(`/plans/${id}`),
    enabled: id !== null,
  });
}

export function usePlanChecks(id: number, version: string) {
  return useQuery({
    queryKey: ["plans", id, "checks", version],
    queryFn: () => api.get<PlanChecks>(`/plans/${id}/checks`),
  });
}

export function usePlanVersions(id: number) {
  return useQuery({
    queryKey: ["plans", id, "versions"],
    queryFn: () => api.get<{ items: PlanSummary[] }>(`/plans/${id}/versions`).then((r) => r.items),
  });
}

export function usePlanDiff(id: number) {
  return useQuery({ queryKey: ["plans", id, "diff"], queryFn: () => api.get<PlanDiff>(`/plans/${id}/diff`) });
}

export function useStrategy(id: number | null) {
  return useQuery({
    queryKey: ["catalogue", id],
    queryFn: () => api.get<Strategy>(`/catalogue/strategies/${id}`),
    enabled: id !== null,
  });
}

export const documentUrl = (id: number) => apiUrl(`/plans/${id}/document.docx`);

/** Every plan edit answers with the whole plan: put it in the cache, refresh checks and lists. */
function usePlanMutation<I>(send: (input: I) => Promise<Plan>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (plan) => {
      client.setQueryData(["plans", plan.id], plan);
      void client.invalidateQueries({ queryKey: ["plans", "list"] });
      void client.invalidateQueries({ queryKey: ["plans", plan.id, "versions"] });
      void client.invalidateQueries({ queryKey: ["plans", plan.id, "diff"] });
    },
  });
}

export const useCreatePlan = () =>
  usePlanMutation((input: CreatePlanFromInput) => api.post<Plan>("/plans/create-from", input));

export const useUpdatePlan = (plan: Plan) =>
  usePlanMutation(
    (input: {
      title?: string;
      symbol?: string;
      place?: string;
      periodFrom?: number;
      periodTo?: number;
      sections?: Partial<PlanSections>;
    }) => api.patch<Plan>(`/plans/${plan.id}`, { ...input, expectedUpdatedAt: plan.updatedAt }),
  );

export const useSetTargets = (plan: Plan) =>
  usePlanMutation(({ indicatorId, targets }: { indicatorId: number; targets: TargetInput[] }) =>
    api.put<Plan>(`/plans/${plan.id}/indicators/${indicatorId}/targets`, { targets }),
  );

export const useUpdateIndicator = (plan: Plan) =>
  usePlanMutation(({ indicatorId, ...input }: UpdateIndicatorInput & { indicatorId: number }) =>
    api.patch<Plan>(`/plans/${plan.id}/indicators/${indicatorId}`, input),
  );

export const useAddIndicator = (plan: Plan) =>
  usePlanMutation((input: { goalId: number; text: string }) => api.post<Plan>(`/plans/${plan.id}/indicators`, input));

export const useAddGoal = (plan: Plan) =>
  usePlanMutation((input: { title: string }) => api.post<Plan>(`/plans/${plan.id}/goals`, input));

export const useSetResponsibilities = (plan: Plan) =>
  usePlanMutation((items: Responsibility[]) =>
    api.put<Plan>(`/plans/${plan.id}/responsibilities`, { items, expectedUpdatedAt: plan.updatedAt }),
  );

export const useIssuePlan = (plan: Plan) =>
  usePlanMutation((input: Omit<IssuePlanInput, "expectedUpdatedAt">) =>
    api.post<Plan>(`/plans/${plan.id}/issue`, { ...input, expectedUpdatedAt: plan.updatedAt }),
  );

export const useNewVersion = (plan: Plan) => usePlanMutation(() => api.post<Plan>(`/plans/${plan.id}/new-version`));
