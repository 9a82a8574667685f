import { Text } from "@mantine/core";
import type { Form } from "../../../contract/data-value";
import { splitDateTime } from "../../i18n/format";
import { type Translate, useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/vi";

type Step = "submitted" | "approved" | "returned";

const KEYS: Record<Step, { bare: MessageKey; by: MessageKey }> = {
  submitted: { bare: "reporting.form.submittedLine", by: "reporting.form.submittedLineBy" },
  approved: { bare: "reporting.form.approvedLine", by: "reporting.form.approvedLineBy" },
  returned: { bare: "reporting.form.returnedLine", by: "reporting.form.returnedLineBy" },
};

function stepText(t: Translate, step: Step, at: string | null, name: string | null): string | null {
  const parts = at ? splitDateTime(at) : null;
  if (!parts) return null;
  return name ? t(KEYS[step].by, { ...parts, name }) : t(KEYS[step].bare, parts);
}

/** "Đã gửi lúc 14:05 ngày 10/06/2026 bởi … · Đã duyệt lúc … bởi …", or null before the first submission. */
export function submissionLine(form: Form, t: Translate): string | null {
  const decision: Step | null = form.state === "approved" || form.state === "returned" ? form.state : null;
  const texts = [
    stepText(t, "submitted", form.submittedAt, form.submittedBy),
    decision ? stepText(t, decision, form.decidedAt, form.decidedBy) : null,
  ].filter((x) => x !== null);
  return texts.length > 0 ? texts.join(" · ") : null;
}

/** Who submitted the form and when, and who approved or returned it and when. */
export function SubmissionLine({ form }: { form: Form }) {
  const { t } = useI18n();
  const line = submissionLine(form, t);
  if (!line) return null;
  return (
    <Text size="sm" c="dimmed" data-testid="form-people">
      {line}
    </Text>
  );
}
