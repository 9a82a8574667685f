import type { PlanSections } from "../../contract/plan";
import type { SaveReportTextInput } from "../../contract/report-text";
import { can } from "../../core/access";
import { AppError } from "../../core/errors";
import type { Db, Executor } from "../db/client";
import { insertAudit } from "../db/repos/audit.repo";
import type { PlanRow } from "../db/repos/plan.repo";
import {
  findReportText,
  findReportTextForUpdate,
  insertReportText,
  type ReportTextKey,
  type ReportTextRow,
  updateReportText,
} from "../db/repos/report-text.repo";
import { assertCan, unitTarget } from "./access.service";
import { registerAuditResolver } from "./audit.service";
import { type Actor, auditActor } from "./context";
import { requirePlan } from "./plan-view.service";

// The written parts of a unit's report, saved per unit × plan × period. Reading follows
// the report itself (data.read on the unit); writing is the planners' work on that unit
// (plan.write), as they write and sign the report. Every save is audited with old and new.

const OBJECT_TYPE = "report_text";

const objectId = (k: ReportTextKey) => `${k.unitId}/${k.planId}/${k.period}`;

registerAuditResolver(OBJECT_TYPE, async (db, id) => {
  const unitId = Number(id.split("/")[0]);
  return Number.isInteger(unitId) && unitId > 0 ? unitTarget(db, unitId) : null;
});

/** What the report prints where a field is left empty: the plan's own, or the generic NĐ 30 ones. */
export interface ReportTextDefaults {
  /** Kính gửi: the plan's reporting regime's recipient for this kind of report, '' when none. */
  recipient: string;
  recipients: string[];
  signer: { positionLines: string[]; name: string };
}

export function reportTextDefaults(plan: PlanRow, unitId: number, period: string): ReportTextDefaults {
  const sections = plan.sections as PlanSections;
  // The plan's recipients and signer are its issuing unit's; another unit reporting
  // against it (a lower unit on the upper plan) gets the generic ones.
  const isOwnUnit = plan.unitId === unitId;
  const kind = period.endsWith("S1") ? "semiannual" : "annual";
  return {
    recipient: sections.reporting.find((r) => r.kind === kind)?.to ?? "",
    recipients: isOwnUnit ? sections.recipients : ["Như trên;", "Lưu: VT."],
    signer: isOwnUnit ? sections.signer : { positionLines: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], name: "…" },
  };
}

export type ReportTextFields = Omit<SaveReportTextInput, "expectedUpdatedAt">;

export interface ReportTextView extends ReportTextKey, ReportTextFields {
  updatedAt: string | null;
  updatedByName: string | null;
  canEdit: boolean;
  defaults: ReportTextDefaults;
}

const EMPTY: ReportTextFields = {
  number: "",
  recipient: "",
  recipients: "",
  signerPosition: "",
  signerName: "",
  activities: "",
  difficulties: "",
  proposals: "",
};

function fieldsOf(row: ReportTextRow | undefined): ReportTextFields {
  if (!row) return { ...EMPTY };
  const { unitId: _u, planId: _p, period: _d, updatedAt: _a, updatedBy: _b, ...fields } = row;
  return fields;
}

/** The saved text of a report (empty fields when nothing was saved yet), readable by whoever may read the report. */
export async function getReportText(db: Executor, actor: Actor, key: ReportTextKey): Promise<ReportTextView> {
  const target = await unitTarget(db, key.unitId);
  assertCan(actor, "data.read", target);
  const plan = await requirePlan(db, key.planId);
  const row = await findReportText(db, key);
  return {
    ...key,
    ...fieldsOf(row),
    updatedAt: row?.updatedAt ?? null,
    updatedByName: row?.updatedByName ?? null,
    canEdit: can(actor.principal, "plan.write", target),
    defaults: reportTextDefaults(plan, key.unitId, key.period),
  };
}

/** For the document: the saved fields, or undefined when none were saved. Access is the caller's. */
export async function readReportTextFields(db: Executor, key: ReportTextKey): Promise<ReportTextFields | undefined> {
  const row = await findReportText(db, key);
  return row ? fieldsOf(row) : undefined;
}

/**
 * Replaces the written parts of a report. expectedUpdatedAt is the optimistic lock: the
 * updatedAt the editor last read (null: nothing was saved then), so a colleague's save in
 * between is refused rather than silently overwritten.
 */
export async function saveReportText(
  db: Db,
  actor: Actor,
  key: ReportTextKey,
  input: SaveReportTextInput,
): Promise<ReportTextView> {
  const { expectedUpdatedAt, ...fields } = input;
  await db.transaction(async (tx) => {
    assertCan(actor, "plan.write", await unitTarget(tx, key.unitId));
    await requirePlan(tx, key.planId);
    const before = await findReportTextForUpdate(tx, key);
    if (expectedUpdatedAt !== undefined && !sameInstant(expectedUpdatedAt, before?.updatedAt ?? null)) {
      throw staleEdit();
    }
    const row = { ...key, ...fields, updatedBy: actor.principal.id === 0 ? null : actor.principal.id };
    const after = before ? await updateReportText(tx, row) : await insertReportText(tx, row);
    // Nothing was there when we looked, but a colleague's first save landed first.
    if (!after) throw staleEdit();
    await insertAudit(tx, {
      ...auditActor(actor),
      action: "report_text.save",
      objectType: OBJECT_TYPE,
      objectId: objectId(key),
      old: before ?? null,
      new: after,
    });
  });
  return getReportText(db, actor, key);
}

function sameInstant(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return new Date(a).getTime() === new Date(b).getTime();
}

function staleEdit(): AppError {
  return new AppError("CONFLICT", {
    userMessage: {
      vi: "Nội dung báo cáo vừa được người khác lưu. Hãy tải lại để xem thay đổi trước khi sửa tiếp.",
      en: "Someone else saved this report's text. Reload to see their change first.",
    },
  });
}
