// Errors the importer reports to a person: a stable code plus Vietnamese and English text.

export type ImportErrorCode = "UNSUPPORTED_FORMAT" | "MALFORMED_FILE" | "NO_TEXT_LAYER" | "TOO_LARGE";

export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly messageEn: string;

  constructor(code: ImportErrorCode, message: string, messageEn: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ImportError";
    this.code = code;
    this.messageEn = messageEn;
  }
}

export function isImportError(e: unknown): e is ImportError {
  return e instanceof ImportError;
}
