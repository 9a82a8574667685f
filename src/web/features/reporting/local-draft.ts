// What an officer typed into a form, kept on this computer until the server has it: a power cut, a
// dropped line or a closed tab on a slow connection loses nothing. One entry per user × round ×
// reporter, so a shared office computer does not show one officer's typing to another.

export interface FormDraft {
  /** Text typed per cell key. */
  values: Record<string, string>;
  /** Comments per cell key. */
  comments: Record<string, string>;
  narrative: Record<string, string>;
}

export interface StoredDraft {
  draft: FormDraft;
  /** The form's updatedAt when the typing began: a later save by someone else is worth a warning. */
  baseUpdatedAt: string;
  /** When it was last kept (ISO, UTC). */
  keptAt: string;
}

export const EMPTY_DRAFT: FormDraft = { values: {}, comments: {}, narrative: {} };

export function draftKey(userId: number, roundId: number, reporterKey: string): string {
  return `binhdang:form-draft:${userId}:${roundId}:${reporterKey}`;
}

export function isEmptyDraft(d: FormDraft): boolean {
  return Object.keys(d.values).length + Object.keys(d.comments).length + Object.keys(d.narrative).length === 0;
}

const isTextMap = (v: unknown): v is Record<string, string> =>
  typeof v === "object" && v !== null && Object.values(v).every((x) => typeof x === "string");

/** The kept draft, or null (none, unreadable, or storage unavailable). */
export function readDraft(storage: Storage | undefined, key: string): StoredDraft | null {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredDraft>;
    const d = parsed.draft;
    if (!d || !isTextMap(d.values) || !isTextMap(d.comments) || !isTextMap(d.narrative)) return null;
    if (typeof parsed.baseUpdatedAt !== "string" || typeof parsed.keptAt !== "string") return null;
    return { draft: d, baseUpdatedAt: parsed.baseUpdatedAt, keptAt: parsed.keptAt };
  } catch {
    return null;
  }
}

/** Keeps the draft (an empty one removes the entry); a full or blocked storage is not an error. */
export function keepDraft(
  storage: Storage | undefined,
  key: string,
  draft: FormDraft,
  baseUpdatedAt: string,
  now: Date = new Date(),
): void {
  try {
    if (isEmptyDraft(draft)) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify({ draft, baseUpdatedAt, keptAt: now.toISOString() }));
  } catch {
    // Private browsing or a full quota: the typing still lives in the page.
  }
}
