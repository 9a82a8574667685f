import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import {
  REPORT_TEXT_FIELDS,
  REPORT_TEXT_LIMITS,
  type ReportText,
  type ReportTextField,
} from "../../../contract/report-text";
import { ApiError } from "../../app/api";
import { ErrorAlert, errorText } from "../../app/error-alert";
import { isTextMap, type Kept, keep, readKept } from "../../app/local-draft";
import { BlockSkeleton } from "../../app/page-states";
import { formatDateTime, splitDateTime } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/vi";
import { useSession } from "../auth/session";
import type { DashboardKey } from "../dashboard/api";
import { useReportText, useSaveReportText } from "./api";

// "Nội dung báo cáo": the parts of the report people write (số văn bản, kính gửi, nơi nhận,
// người ký, activities, difficulties, proposals), saved on the server per unit × plan ×
// period so several colleagues can write them over days; the Word download prints them.

type Draft = Record<ReportTextField, string>;

const draftOf = (text: ReportText): Draft => Object.fromEntries(REPORT_TEXT_FIELDS.map((f) => [f, text[f]])) as Draft;

interface FieldSpec {
  field: ReportTextField;
  label: MessageKey;
  hint?: MessageKey;
  multiline?: boolean;
  rows?: number;
  /** Shown greyed when empty: what the document prints then. */
  fallback?: keyof ReportText["defaults"];
}

const HEADER_FIELDS: FieldSpec[] = [
  { field: "number", label: "reports.text.number", hint: "reports.text.numberHint" },
  { field: "recipient", label: "reports.text.recipient", fallback: "recipient" },
];
const SIGNING_FIELDS: FieldSpec[] = [
  {
    field: "recipients",
    label: "reports.text.recipients",
    hint: "reports.text.perLine",
    multiline: true,
    fallback: "recipients",
  },
  {
    field: "signerPosition",
    label: "reports.text.signerPosition",
    hint: "reports.text.perLine",
    multiline: true,
    fallback: "signerPosition",
  },
  { field: "signerName", label: "reports.text.signerName", fallback: "signerName" },
];
const BODY_FIELDS: FieldSpec[] = [
  { field: "activities", label: "reports.text.activities", hint: "reports.text.paragraphs", multiline: true, rows: 5 },
  {
    field: "difficulties",
    label: "reports.text.difficulties",
    hint: "reports.text.paragraphs",
    multiline: true,
    rows: 3,
  },
  { field: "proposals", label: "reports.text.proposals", hint: "reports.text.paragraphs", multiline: true, rows: 3 },
];

export function ReportTextSection({ dashKey }: { dashKey: DashboardKey }) {
  const { t } = useI18n();
  const text = useReportText(dashKey);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="report-text">
      <Stack gap="md" data-testid="report-text">
        <Title order={2} size="h3" id="report-text">
          {t("reports.text.title")}
        </Title>
        {text.isPending && <BlockSkeleton rows={4} />}
        {text.isError && <ErrorAlert error={text.error} onRetry={() => void text.refetch()} />}
        {text.data && (
          <ReportTextForm
            key={`${dashKey.unitId}/${dashKey.planId}/${dashKey.period}`}
            dashKey={dashKey}
            saved={text.data}
            onReload={() => text.refetch()}
          />
        )}
      </Stack>
    </Paper>
  );
}

interface FormProps {
  dashKey: DashboardKey;
  saved: ReportText;
  onReload: () => Promise<unknown>;
}

function ReportTextForm({ dashKey, saved, onReload }: FormProps) {
  const { t, locale } = useI18n();
  const save = useSaveReportText(dashKey);
  const [draft, setDraft] = useState<Draft>(() => draftOf(saved));
  // A new saved version (own save, or a reload after a conflict) replaces what is on screen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the saved version changes
  useEffect(() => setDraft(draftOf(saved)), [saved.updatedAt]);
  const readOnly = !saved.canEdit;
  const isDirty = REPORT_TEXT_FIELDS.some((f) => draft[f] !== saved[f]);

  // What is typed and not yet saved is kept in this browser (a reload or power cut loses nothing).
  const userId = useSession().data?.user.id ?? null;
  const keptKey =
    userId === null ? null : `binhdang:report-text:${userId}:${dashKey.unitId}:${dashKey.planId}:${dashKey.period}`;
  const [restored, setRestored] = useState<Kept<Record<string, string>> | null>(null);
  const [readKey, setReadKey] = useState<string | null>(null);
  useEffect(() => {
    if (keptKey === null || readKey === keptKey) return;
    const kept = readOnly ? null : readKept(globalThis.localStorage, keptKey, isTextMap);
    const changes = kept ? REPORT_TEXT_FIELDS.filter((f) => typeof kept.draft[f] === "string") : [];
    if (kept && changes.length > 0) {
      setDraft((d) => ({ ...d, ...Object.fromEntries(changes.map((f) => [f, kept.draft[f]])) }));
      setRestored(kept);
    }
    setReadKey(keptKey);
  }, [keptKey, readKey, readOnly]);
  useEffect(() => {
    if (keptKey === null || readKey !== keptKey) return;
    const changed = REPORT_TEXT_FIELDS.filter((f) => draft[f] !== saved[f]);
    const typed = readOnly || changed.length === 0 ? null : Object.fromEntries(changed.map((f) => [f, draft[f]]));
    // Typed against the saved version on screen, or, for restored typing, the version it was typed on.
    keep(globalThis.localStorage, keptKey, typed, restored?.baseUpdatedAt ?? saved.updatedAt ?? "");
  }, [keptKey, readKey, draft, saved, readOnly, restored]);
  const isConflict = save.error instanceof ApiError && save.error.code === "CONFLICT";

  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [isDirty]);

  const reload = () => {
    save.reset();
    void onReload();
  };

  const input = (spec: FieldSpec) => {
    const common = {
      label: t(spec.label),
      description: spec.hint ? t(spec.hint) : undefined,
      value: draft[spec.field],
      readOnly,
      maxLength: REPORT_TEXT_LIMITS[spec.field],
      placeholder: spec.fallback ? saved.defaults[spec.fallback] || "…" : "…",
    };
    const set = (value: string) => setDraft((d) => ({ ...d, [spec.field]: value }));
    return spec.multiline ? (
      <Textarea
        key={spec.field}
        autosize
        minRows={spec.rows ?? 2}
        {...common}
        onChange={(e) => set(e.currentTarget.value)}
      />
    ) : (
      <TextInput key={spec.field} {...common} onChange={(e) => set(e.currentTarget.value)} />
    );
  };

  const savedAt = saved.updatedAt ? splitDateTime(saved.updatedAt) : null;
  return (
    <Stack gap="md">
      {restored && !readOnly && (
        <Alert color="blue" variant="light" title={t("reporting.draft.restored")} data-testid="report-text-restored">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              {t("reports.text.restoredAt", { at: formatDateTime(restored.keptAt) })}
              {restored.baseUpdatedAt !== (saved.updatedAt ?? "") && ` ${t("reports.text.changedSince")}`}
            </Text>
            <Button
              size="xs"
              variant="default"
              onClick={() => {
                setDraft(draftOf(saved));
                setRestored(null);
              }}
            >
              {t("reports.text.discard")}
            </Button>
          </Stack>
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        {t(readOnly ? "reports.text.readOnly" : "reports.text.intro")}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>{HEADER_FIELDS.map(input)}</SimpleGrid>
      {BODY_FIELDS.map(input)}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {SIGNING_FIELDS.slice(0, 1).map(input)}
        <Stack gap="sm">{SIGNING_FIELDS.slice(1).map(input)}</Stack>
      </SimpleGrid>
      {isConflict ? (
        <Alert color="orange" variant="light" role="alert" title={errorText(save.error, locale)}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t("reports.text.conflictHelp")}</Text>
            <Button size="xs" variant="white" color="orange" onClick={reload}>
              {t("reports.text.reload")}
            </Button>
          </Stack>
        </Alert>
      ) : (
        save.error && <ErrorAlert error={save.error} />
      )}
      <Group justify="space-between" align="center">
        <Text size="sm" c="dimmed" data-testid="report-text-saved">
          {savedAt
            ? saved.updatedByName
              ? t("reports.text.savedBy", { ...savedAt, name: saved.updatedByName })
              : t("reports.text.saved", savedAt)
            : t("reports.text.notSaved")}
          {isDirty && !readOnly && ` ${t("reports.text.unsaved")}`}
        </Text>
        {!readOnly && (
          <Button
            onClick={() =>
              save.mutate({ ...draft, expectedUpdatedAt: saved.updatedAt }, { onSuccess: () => setRestored(null) })
            }
            loading={save.isPending}
            disabled={!isDirty}
          >
            {t("reports.text.save")}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
