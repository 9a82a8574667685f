// Multipart uploads with progress. fetch() cannot report upload progress, and a
// 5 MB workbook on a slow commune connection needs a bar, so this one path uses
// XMLHttpRequest; errors become the same ApiError as everywhere else.

import type { ErrorResponse } from "../../../contract/common";
import { ApiError, apiUrl } from "../../app/api";

export interface UploadOptions {
  /** Path under /api, e.g. "/rounds/2/imports". */
  path: string;
  query?: Record<string, string>;
  file: File;
  /** The session's CSRF token (state-changing requests must carry it). */
  csrfToken: string | null;
  /** 0–100 while the bytes go up. */
  onProgress?: (percent: number) => void;
}

export function uploadFile<T>({ path, query, file, csrfToken, onProgress }: UploadOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", apiUrl(path, query));
    xhr.withCredentials = true;
    xhr.setRequestHeader("accept", "application/json");
    if (csrfToken) xhr.setRequestHeader("x-csrf-token", csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && onProgress) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(networkError());
    xhr.onload = () => {
      const data = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(100);
        resolve(data as T);
        return;
      }
      const body = (data as ErrorResponse | null)?.error;
      reject(body ? new ApiError(xhr.status, body) : networkError(xhr.status));
    };
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  });
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function networkError(status = 0): ApiError {
  return new ApiError(status, {
    code: "NETWORK",
    message: "Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.",
    messageEn: "Cannot reach the server. Check the connection and try again.",
    requestId: "",
    details: [],
  });
}
