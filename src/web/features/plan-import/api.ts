import { useMutation } from "@tanstack/react-query";
import type { ErrorResponse } from "../../../contract/common";
import type { PlanImportResult, SavePlanImportInput, SavePlanImportResult } from "../../../contract/plan-import";
import { ApiError, api, apiUrl } from "../../app/api";

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const ACCEPTED_EXTENSIONS = [".txt", ".md", ".docx", ".pdf"];

export interface UploadOptions {
  file: File;
  unitId: number;
  upperPlanId: number | null;
  csrfToken: string;
  /** 0–1 while the bytes travel; then 1 while the server reads the document. */
  onProgress: (fraction: number) => void;
}

function failure(status: number, text: string): ApiError {
  try {
    const body = JSON.parse(text) as ErrorResponse;
    if (body?.error) return new ApiError(status, body.error);
  } catch {
    // not our JSON error shape: fall through to the network message
  }
  return new ApiError(status, {
    code: "NETWORK",
    message: "Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.",
    messageEn: "Cannot reach the server. Check the connection and try again.",
    requestId: "",
    details: [],
  });
}

/**
 * XHR rather than fetch: only XHR reports upload progress, which a 20 MB file
 * on a commune's connection needs. The CSRF token rides as for every write.
 */
export function uploadPlanDocument(options: UploadOptions): Promise<PlanImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const url = apiUrl("/plan-imports", { unitId: options.unitId, upperPlanId: options.upperPlanId });
    xhr.open("POST", url);
    xhr.setRequestHeader("x-csrf-token", options.csrfToken);
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) options.onProgress(e.loaded / e.total);
    };
    xhr.upload.onload = () => options.onProgress(1);
    xhr.onload = () => {
      if (xhr.status === 200) {
        try {
          resolve(JSON.parse(xhr.responseText) as PlanImportResult);
        } catch {
          reject(failure(xhr.status, ""));
        }
      } else reject(failure(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(failure(0, ""));
    const form = new FormData();
    form.append("file", options.file, options.file.name);
    xhr.send(form);
  });
}

export function useSavePlanImport() {
  return useMutation({
    mutationFn: (input: SavePlanImportInput) => api.post<SavePlanImportResult>("/plan-imports/save", input),
  });
}
