// What an officer typed, kept on this computer until the server has it: a power cut, a dropped line
// or a closed tab on a slow connection loses nothing. One entry per user and per thing typed (a form:
// round × reporter; a report's text: unit × plan × period), so a shared office computer does not show
// one officer's typing to another.

export interface FormDraft {
  /** Text typed per cell key. */
  values: Record<string, string>;
  /** Comments per cell key. */
  comments: Record<string, string>;
  narrative: Record<string, string>;
}

/** What is kept: the typing, the version it was typed against, and when. */
export interface Kept<T> {
  draft: T;
  /** The saved version's updatedAt when the typing began: a later save by someone else is worth a warning. */
  baseUpdatedAt: string;
  /** When it was last kept (ISO, UTC). */
  keptAt: string;
}

export type StoredDraft = Kept<FormDraft>;

export const EMPTY_DRAFT: FormDraft = { values: {}, comments: {}, narrative: {} };

export function draftKey(userId: number, roundId: number, reporterKey: string): string {
  return `binhdang:form-draft:${userId}:${roundId}:${reporterKey}`;
}

export function isEmptyDraft(d: FormDraft): boolean {
  return Object.keys(d.values).length + Object.keys(d.comments).length + Object.keys(d.narrative).length === 0;
}

/** A map of texts (field or cell → what was typed). */
export const isTextMap = (v: unknown): v is Record<string, string> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === "string");

const isFormDraft = (d: unknown): d is FormDraft =>
  typeof d === "object" &&
  d !== null &&
  isTextMap((d as FormDraft).values) &&
  isTextMap((d as FormDraft).comments) &&
  isTextMap((d as FormDraft).narrative);

/** The kept typing under `key` when it has the expected shape; null when none, unreadable, or no storage. */
export function readKept<T>(
  storage: Storage | undefined,
  key: string,
  isDraft: (d: unknown) => d is T,
): Kept<T> | null {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Kept<unknown>>;
    if (!isDraft(parsed.draft)) return null;
    if (typeof parsed.baseUpdatedAt !== "string" || typeof parsed.keptAt !== "string") return null;
    return { draft: parsed.draft, baseUpdatedAt: parsed.baseUpdatedAt, keptAt: parsed.keptAt };
  } catch {
    return null;
  }
}

/** Keeps the typing (null removes the entry); a full or blocked storage is not an error. */
export function keep(
  storage: Storage | undefined,
  key: string,
  draft: unknown | null,
  baseUpdatedAt: string,
  now: Date = new Date(),
): void {
  try {
    if (draft === null) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify({ draft, baseUpdatedAt, keptAt: now.toISOString() }));
  } catch {
    // Private browsing or a full quota: the typing still lives in the page.
  }
}

/** A form's kept draft, or null. */
export function readDraft(storage: Storage | undefined, key: string): StoredDraft | null {
  return readKept(storage, key, isFormDraft);
}

/** Keeps a form's draft; an empty one removes the entry. */
export function keepDraft(
  storage: Storage | undefined,
  key: string,
  draft: FormDraft,
  baseUpdatedAt: string,
  now: Date = new Date(),
): void {
  keep(storage, key, isEmptyDraft(draft) ? null : draft, baseUpdatedAt, now);
}
