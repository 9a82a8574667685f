// The one way the web app talks to /api: JSON in and out, the CSRF token on
// every state-changing request, and server errors turned into ApiError with
// both the Vietnamese and the English message.

import type { ErrorResponse } from "../../contract/common";
import type { Locale } from "../i18n/format";

type ErrorBody = ErrorResponse["error"];

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageVi: string;
  readonly messageEn: string;
  readonly requestId: string | null;
  readonly details: ErrorBody["details"];
  /** Seconds, from Retry-After on RATE_LIMITED. */
  readonly retryAfter: number | null;

  constructor(status: number, body: ErrorBody, retryAfter: number | null = null) {
    super(body.messageEn);
    this.name = "ApiError";
    this.status = status;
    this.code = body.code;
    this.messageVi = body.message;
    this.messageEn = body.messageEn;
    this.requestId = body.requestId || null;
    this.details = body.details ?? [];
    this.retryAfter = retryAfter;
  }

  localized(locale: Locale): string {
    return locale === "vi" ? this.messageVi : this.messageEn;
  }
}

/** A network failure or a reply that is not our JSON error shape. */
export const NETWORK_ERROR = "NETWORK";

let csrfToken: string | null = null;
const unauthenticatedListeners = new Set<(error: ApiError) => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request answers 401 or PASSWORD_CHANGE_REQUIRED, so the session is re-read. */
export function onSessionLost(listener: (error: ApiError) => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ""}`;
}

async function request<T>(method: string, path: string, options: { query?: Query; body?: unknown }): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw networkError(0);
  }
  const text = await response.text();
  const data = text ? safeJson(text) : null;
  if (response.ok) return data as T;
  const body = isErrorResponse(data) ? data.error : null;
  if (!body) throw networkError(response.status);
  const retryAfter = Number(response.headers.get("retry-after")) || null;
  const error = new ApiError(response.status, body, retryAfter);
  const isSignIn = path === "/auth/sign-in";
  if (!isSignIn && (response.status === 401 || error.code === "PASSWORD_CHANGE_REQUIRED")) {
    for (const listener of unauthenticatedListeners) listener(error);
  }
  throw error;
}

function networkError(status: number): ApiError {
  return new ApiError(status, {
    code: NETWORK_ERROR,
    message: "Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.",
    messageEn: "Cannot reach the server. Check the connection and try again.",
    requestId: "",
    details: [],
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function isErrorResponse(value: unknown): value is ErrorResponse {
  return (
    typeof value === "object" &&
    value !== null &&
    "error" in value &&
    typeof (value as { error: unknown }).error === "object"
  );
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>("GET", path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, { body }),
  put: <T>(path: string, body: unknown) => request<T>("PUT", path, { body }),
  delete: <T>(path: string) => request<T>("DELETE", path, {}),
};
