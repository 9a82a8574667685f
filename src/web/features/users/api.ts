import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreatedUser, CreateUserInput, UpdateUserInput, User } from "../../../contract/user";
import { api } from "../../app/api";

/** Every account (administrators), or those of a unit's subtree (a planner's own unit). */
export function useUsers(unitId: number | null) {
  return useQuery({
    queryKey: ["users", unitId],
    queryFn: () =>
      api.get<{ items: User[] }>("/users", unitId === null ? {} : { unitId: String(unitId) }).then((r) => r.items),
  });
}

/** Every account change refreshes the list and the account's history. */
function useUserMutation<I, O>(send: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ["users"] });
      void client.invalidateQueries({ queryKey: ["audit", "user"] });
    },
  });
}

export const useCreateUser = () => useUserMutation((input: CreateUserInput) => api.post<CreatedUser>("/users", input));

export const useUpdateUser = () =>
  useUserMutation(({ id, ...input }: UpdateUserInput & { id: number }) => api.patch<User>(`/users/${id}`, input));

export const useResetPassword = () =>
  useUserMutation((id: number) => api.post<{ oneTimePassword: string }>(`/users/${id}/reset-password`));
