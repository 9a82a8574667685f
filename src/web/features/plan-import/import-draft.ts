// The review screen edits one draft: the extract as read (then corrected), the
// link chosen for each indicator, and what to do with each agency named.

import type { AgencyChoice, IndicatorLink, PlanImportResult, SavePlanImportInput } from "../../../contract/plan-import";

export type Extract = PlanImportResult["extract"];

export interface ImportDraft {
  extract: Extract;
  links: Record<string, IndicatorLink | null>;
  agencies: Record<string, AgencyChoice>;
}

export function initialDraft(result: PlanImportResult): ImportDraft {
  const agencies: Record<string, AgencyChoice> = {};
  for (const s of result.agencySuggestions) {
    agencies[s.name] =
      s.agencyId !== null ? { mode: "existing", agencyId: s.agencyId } : { mode: "create", type: s.type };
  }
  return {
    extract: structuredClone(result.extract),
    links: Object.fromEntries(result.matches.map((m) => [m.path, m.suggested])),
    agencies,
  };
}

/** A copy changed by `change`: drafts are small, a clone keeps React state immutable without a library. */
export function updateDraft(draft: ImportDraft, change: (d: ImportDraft) => void): ImportDraft {
  const next = structuredClone(draft);
  change(next);
  return next;
}

export function toSaveInput(
  draft: ImportDraft,
  options: { unitId: number; upperPlanId: number | null; fileName: string },
): SavePlanImportInput {
  return {
    unitId: options.unitId,
    upperPlanId: options.upperPlanId,
    fileName: options.fileName,
    extract: draft.extract as SavePlanImportInput["extract"],
    links: draft.links,
    agencies: draft.agencies,
  };
}

export const linkValue = (link: IndicatorLink | null | undefined): string => (link ? `${link.kind}:${link.id}` : "");

export function parseLink(value: string): IndicatorLink | null {
  const [kind, id] = value.split(":");
  return (kind === "catalogue" || kind === "upper") && Number(id) > 0 ? { kind, id: Number(id) } : null;
}

/** "2.1": the goal's and the indicator's numbers as the document gives them, else their positions. */
export function indicatorCode(extract: Extract, gi: number, ii: number): string {
  const g = extract.goals[gi];
  return `${g?.number ?? gi + 1}.${g?.indicators[ii]?.number ?? ii + 1}`;
}

/**
 * Key of an editable row: rows of the extract have no identity, are only
 * appended or removed, and every input in them is controlled by the draft.
 */
export function rowKey(prefix: string, index: number): string {
  return `${prefix}-${index}`;
}
