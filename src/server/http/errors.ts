import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { ErrorResponse } from "../../contract/common";
import { AppError, type AppErrorDetail, type ErrorCode, isAppError } from "../../core/errors";

/** Every error code has a status; a new code does not compile until it is added here. */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  BAD_JSON: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA: 415,
  CONFLICT: 409,
  INVALID_STATE: 409,
  RATE_LIMITED: 429,
  BAD_CREDENTIALS: 401,
  PASSWORD_CHANGE_REQUIRED: 403,
  BAD_FILE: 422,
  INTERNAL: 500,
};

// Fastify's own errors, turned into AppErrors so the user gets a Vietnamese message.
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "BAD_JSON",
  FST_ERR_CTP_EMPTY_JSON_BODY: "BAD_JSON",
  FST_ERR_CTP_BODY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "UNSUPPORTED_MEDIA",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "BAD_JSON",
  FST_REQ_FILE_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_FILES_LIMIT: "PAYLOAD_TOO_LARGE",
  FST_PARTS_LIMIT: "PAYLOAD_TOO_LARGE",
  FST_INVALID_MULTIPART_CONTENT_TYPE: "UNSUPPORTED_MEDIA",
};

function toAppError(error: FastifyError | Error): AppError {
  if (isAppError(error)) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details: AppErrorDetail[] = error.validation.map((v) => {
      const path = v.instancePath.replace(/^\//, "").replace(/\//g, ".") || String(v.params?.issue ?? "");
      return {
        path,
        message: { vi: `Trường “${path}” không hợp lệ: ${v.message ?? ""}`, en: `${path}: ${v.message ?? "invalid"}` },
      };
    });
    return new AppError("VALIDATION", { details });
  }
  const code = "code" in error && typeof error.code === "string" ? FASTIFY_CODES[error.code] : undefined;
  if (code) return new AppError(code, { logMessage: error.message });
  if ("statusCode" in error && error.statusCode === 404) return new AppError("NOT_FOUND");
  return new AppError("INTERNAL", { logMessage: error.message, cause: error });
}

export function errorBody(error: AppError, requestId: string): ErrorResponse {
  return {
    error: {
      code: error.code,
      message: error.userMessage.vi,
      messageEn: error.userMessage.en,
      requestId,
      details: error.details.map((d) => ({
        ...(d.path === undefined ? {} : { path: d.path }),
        message: d.message.vi,
        messageEn: d.message.en,
      })),
    },
  };
}

export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const appError = toAppError(error);
  const status = STATUS_BY_CODE[appError.code];
  if (status >= 500) request.log.error({ err: error }, "request failed");
  else request.log.info({ code: appError.code, reason: appError.message }, "request refused");
  if (appError.code === "RATE_LIMITED") reply.header("retry-after", "900");
  return reply.status(status).send(errorBody(appError, request.id));
}
