import type { ReportText } from "../../../contract/report-text";
import type { ReportTextView } from "../../services/report-text.service";
import { isoTimestamp } from "./presenters";

export function presentReportText(v: ReportTextView): ReportText {
  return {
    unitId: v.unitId,
    planId: v.planId,
    period: v.period,
    number: v.number,
    recipient: v.recipient,
    recipients: v.recipients,
    signerPosition: v.signerPosition,
    signerName: v.signerName,
    activities: v.activities,
    difficulties: v.difficulties,
    proposals: v.proposals,
    updatedAt: v.updatedAt === null ? null : isoTimestamp(v.updatedAt),
    updatedByName: v.updatedByName,
    canEdit: v.canEdit,
    defaults: {
      recipient: v.defaults.recipient,
      recipients: v.defaults.recipients.join("\n"),
      signerPosition: v.defaults.signer.positionLines.join("\n"),
      signerName: v.defaults.signer.name,
    },
  };
}
