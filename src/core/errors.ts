// One error type for the whole app. Expected outcomes (a failed check, a parser
// warning) are data, not exceptions; AppError is for requests that cannot go on.
// The HTTP layer maps every code to a status through an exhaustive table, so a
// new code does not compile until it has a status.

export const ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "CSRF",
  "NOT_FOUND",
  "VALIDATION",
  "BAD_JSON",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA",
  "CONFLICT",
  "INVALID_STATE",
  "RATE_LIMITED",
  "BAD_CREDENTIALS",
  "PASSWORD_CHANGE_REQUIRED",
  "BAD_FILE",
  "INTERNAL",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface LocalizedMessage {
  vi: string;
  en: string;
}

export interface AppErrorDetail {
  path?: string;
  message: LocalizedMessage;
}

const DEFAULT_MESSAGES: Record<ErrorCode, LocalizedMessage> = {
  UNAUTHENTICATED: { vi: "Bạn cần đăng nhập để tiếp tục.", en: "Please sign in to continue." },
  FORBIDDEN: { vi: "Bạn không có quyền thực hiện thao tác này.", en: "You are not allowed to do this." },
  CSRF: {
    vi: "Phiên làm việc không hợp lệ, vui lòng tải lại trang.",
    en: "The request could not be verified; please reload the page.",
  },
  NOT_FOUND: { vi: "Không tìm thấy dữ liệu yêu cầu.", en: "Not found." },
  VALIDATION: { vi: "Dữ liệu nhập không hợp lệ.", en: "The input is not valid." },
  BAD_JSON: { vi: "Nội dung gửi lên không phải JSON hợp lệ.", en: "The request body is not valid JSON." },
  PAYLOAD_TOO_LARGE: { vi: "Dữ liệu gửi lên quá lớn.", en: "The request is too large." },
  UNSUPPORTED_MEDIA: { vi: "Định dạng dữ liệu không được hỗ trợ.", en: "Unsupported content type." },
  CONFLICT: { vi: "Dữ liệu đã bị thay đổi hoặc đã tồn tại.", en: "The data conflicts with existing data." },
  INVALID_STATE: {
    vi: "Không thể thực hiện thao tác ở trạng thái hiện tại.",
    en: "This is not possible in the current state.",
  },
  RATE_LIMITED: {
    vi: "Bạn đã thử quá nhiều lần. Vui lòng thử lại sau ít phút.",
    en: "Too many attempts. Please try again in a few minutes.",
  },
  BAD_CREDENTIALS: {
    vi: "Tên đăng nhập hoặc mật khẩu không đúng.",
    en: "Wrong user name or password.",
  },
  PASSWORD_CHANGE_REQUIRED: {
    vi: "Bạn cần đổi mật khẩu trước khi tiếp tục.",
    en: "You must change your password first.",
  },
  BAD_FILE: { vi: "Tệp tải lên không hợp lệ.", en: "The uploaded file is not valid." },
  INTERNAL: { vi: "Hệ thống gặp lỗi. Vui lòng thử lại sau.", en: "Something went wrong. Please try again later." },
};

export interface AppErrorOptions {
  /** Message for the user; defaults to the code's generic message. */
  userMessage?: LocalizedMessage;
  /** Message for the log; never shown to users. */
  logMessage?: string;
  /** Field-level problems, e.g. every bad cell of an uploaded sheet. */
  details?: AppErrorDetail[];
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: LocalizedMessage;
  readonly details: AppErrorDetail[];

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.logMessage ?? options.userMessage?.en ?? DEFAULT_MESSAGES[code].en, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.userMessage = options.userMessage ?? DEFAULT_MESSAGES[code];
    this.details = options.details ?? [];
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

export function defaultMessage(code: ErrorCode): LocalizedMessage {
  return DEFAULT_MESSAGES[code];
}
