import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Agency, CreateAgencyInput, UpdateAgencyInput } from "../../../contract/agency";
import type { Me } from "../../../contract/auth";
import { can } from "../../../core/access";
import { api } from "../../app/api";
import { principalOfMe } from "../auth/principal";

export function useAgencies(unitId: number, includeClosed: boolean) {
  return useQuery({
    queryKey: ["agencies", "list", unitId, includeClosed],
    queryFn: () =>
      api.get<{ items: Agency[] }>("/agencies", { unitId, includeClosed: String(includeClosed) }).then((r) => r.items),
    placeholderData: keepPreviousData,
  });
}

export function useAgency(id: number, enabled = true) {
  return useQuery({ queryKey: ["agencies", id], queryFn: () => api.get<Agency>(`/agencies/${id}`), enabled });
}

/** Every agency write refreshes the lists, the agency and its history. */
function useAgencyMutation<I, O>(send: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["agencies"] });
      void client.invalidateQueries({ queryKey: ["audit", "agency"] });
    },
    // A refused stale edit (CONFLICT) means the list is out of date: fetch what the other person saved.
    onError: () => void client.invalidateQueries({ queryKey: ["agencies"] }),
  });
}

export const useCreateAgency = () =>
  useAgencyMutation((input: CreateAgencyInput) => api.post<Agency>("/agencies", input));

/** expectedUpdatedAt is the optimistic lock: the server refuses if someone saved in between. */
export const useUpdateAgency = () =>
  useAgencyMutation(({ id, ...input }: UpdateAgencyInput & { id: number }) =>
    api.patch<Agency>(`/agencies/${id}`, input),
  );

export const useCloseAgency = () =>
  useAgencyMutation(({ id, closedOn }: { id: number; closedOn: string }) =>
    api.post<Agency>(`/agencies/${id}/close`, { closedOn }),
  );

export const useDeleteAgency = () => useAgencyMutation((id: number) => api.delete(`/agencies/${id}`));

/**
 * Whether to offer editing: the same rule the server applies (core `can`), for the
 * signed-in user's own unit. The server still decides; this only hides dead buttons.
 */
export function canWriteAgencies(me: Me, unitPath: readonly number[]): boolean {
  return can(principalOfMe(me), "agency.write", { unitPath });
}
