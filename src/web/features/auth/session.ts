import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Session } from "../../../contract/auth";
import { ApiError, api, setCsrfToken } from "../../app/api";

export const SESSION_KEY = ["session"] as const;

/** The signed-in session, or null when nobody is signed in (401 is an answer, not an error). */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async (): Promise<Session | null> => {
      try {
        const session = await api.get<Session>("/auth/session");
        setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw error;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
}

/** The session of a screen that is only shown when signed in. */
export function useMe() {
  const session = useSession().data;
  if (!session) throw new Error("useMe outside a signed-in screen");
  return session.user;
}

/** Another user's data must not linger; the session query itself stays observed by the auth gate. */
function forgetEverythingButSession(client: QueryClient): void {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) => api.post<Session>("/auth/sign-in", input),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      forgetEverythingButSession(client);
      client.setQueryData(SESSION_KEY, session);
    },
  });
}

export function useSignOut(everywhere: boolean) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(`/auth/${everywhere ? "sign-out-everywhere" : "sign-out"}`),
    onSettled: () => {
      setCsrfToken(null);
      client.setQueryData(SESSION_KEY, null);
      forgetEverythingButSession(client);
    },
  });
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => api.post("/auth/password", input),
    onSuccess: () => client.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}
