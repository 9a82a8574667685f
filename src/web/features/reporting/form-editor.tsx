import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { useEffect, useMemo, useState } from "react";
import type { Form, SaveFormInput } from "../../../contract/data-value";
import { checkValue } from "../../../core/reporting-validation";
import { ApiError } from "../../app/api";
import { ErrorAlert } from "../../app/error-alert";
import {
  draftKey,
  EMPTY_DRAFT,
  type FormDraft,
  isEmptyDraft,
  keepDraft,
  readDraft,
  type StoredDraft,
} from "../../app/local-draft";
import { formatDateTime, type Locale } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { useSession } from "../auth/session";
import { useForm, useSaveForm } from "./api";
import { type CellProblems, FormTable } from "./form-table";
import { cellKey, parseFigure } from "./labels";

type Option = "nu" | "nam" | "total";

/** Text typed per cell key, comments per cell key and narrative, kept until the server has them. */
type Draft = FormDraft;

/**
 * The figures, narrative and Save / Submit of a form. One request per save; input survives errors,
 * and is kept on this computer (`local-draft.ts`) until saved, so a reload or a power cut loses nothing.
 */
export function FormEditor({ form }: { form: Form }) {
  const { t, locale } = useI18n();
  const save = useSaveForm(form.round.id, form.reporter.key);
  const { refetch } = useForm(form.round.id, form.reporter.key);
  const userId = useSession().data?.user.id ?? null;
  const storageKey = userId === null ? null : draftKey(userId, form.round.id, form.reporter.key);
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [restored, setRestored] = useState<StoredDraft | null>(null);
  const [baseUpdatedAt, setBaseUpdatedAt] = useState(form.updatedAt);
  // The key whose kept draft has been read: nothing is written under a key before it is read.
  const [readKey, setReadKey] = useState<string | null>(null);
  const [refused, setRefused] = useState<Record<string, string[]>>({});
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [done, setDone] = useState<"saved" | "submitted" | null>(null);
  const readOnly = !form.editable;

  const cells = useMemo(
    () =>
      form.rows.flatMap((row) =>
        row.cells.map((c) => ({ row, cell: c, key: cellKey(row.element, c.option, row.period) })),
      ),
    [form.rows],
  );

  // Immediate checks of what is typed: a number, of the right kind (count, %), never negative.
  const clientErrors: Record<string, string> = {};
  for (const { row, cell, key } of cells) {
    const text = draft.values[key];
    if (text === undefined) continue;
    const value = parseFigure(text);
    if (value === null) continue;
    if (Number.isNaN(value)) {
      clientErrors[key] = t("reporting.error.notNumber");
      continue;
    }
    const bad = checkValue(
      { code: row.element, name: row.name, options: row.cells.map((c) => c.option), valueType: row.valueType },
      cell.option,
      value,
    );
    if (bad) clientErrors[key] = locale === "vi" ? bad.message.vi : bad.message.en;
  }

  // Once the user is known, bring back what was typed here and not saved (an editable form only).
  useEffect(() => {
    if (storageKey === null || readKey === storageKey) return;
    const kept = form.editable ? readDraft(globalThis.localStorage, storageKey) : null;
    if (kept && !isEmptyDraft(kept.draft)) {
      setDraft((d) => ({
        values: { ...kept.draft.values, ...d.values },
        comments: { ...kept.draft.comments, ...d.comments },
        narrative: { ...kept.draft.narrative, ...d.narrative },
      }));
      setRestored(kept);
      setBaseUpdatedAt(kept.baseUpdatedAt);
    }
    setReadKey(storageKey);
  }, [storageKey, readKey, form.editable]);
  // Then keep every keystroke; a form that can no longer be edited keeps nothing.
  useEffect(() => {
    if (storageKey === null || readKey !== storageKey) return;
    keepDraft(globalThis.localStorage, storageKey, form.editable ? draft : EMPTY_DRAFT, baseUpdatedAt);
  }, [storageKey, readKey, draft, baseUpdatedAt, form.editable]);

  const changes = collectChanges(form, draft);
  const isDirty = changes.values.length > 0 || changes.narrative !== undefined;
  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [isDirty]);

  const problems: CellProblems = {};
  for (const issue of form.issues) {
    const key = cellKey(issue.element, issue.option, issue.period);
    const entry = problems[key] ?? { errors: [], warnings: [] };
    const text = locale === "vi" ? issue.message : issue.messageEn;
    if (issue.severity === "error") entry.errors.push(text);
    else entry.warnings.push(text);
    problems[key] = entry;
  }
  for (const [key, messages] of Object.entries(refused)) {
    const entry = problems[key] ?? { errors: [], warnings: [] };
    entry.errors.push(...messages.filter((m) => !entry.errors.includes(m)));
    problems[key] = entry;
  }
  for (const [key, message] of Object.entries(clientErrors)) {
    problems[key] = { errors: [message], warnings: problems[key]?.warnings ?? [] };
  }
  const hasClientErrors = Object.keys(clientErrors).length > 0;

  const send = (submit: boolean) => {
    const input: SaveFormInput = { ...changes, expectedUpdatedAt: form.updatedAt };
    const sent = draft;
    setDone(null);
    save.mutate(
      { input, submit },
      {
        onSuccess: (next) => {
          setRefused({});
          setSavedAt(next.updatedAt);
          setBaseUpdatedAt(next.updatedAt);
          setRestored(null);
          setDone(submit ? "submitted" : "saved");
          // Forget only what the server now holds; anything typed meanwhile stays.
          setDraft((d) => ({
            values: dropSent(d.values, sent.values),
            comments: dropSent(d.comments, sent.comments),
            narrative: dropSent(d.narrative, sent.narrative),
          }));
        },
        onError: (error) => {
          setRefused(refusedCells(error, input, locale));
          // A refused submission has still saved the figures: re-read the form (new updatedAt, issues).
          if (submit) void refetch();
        },
      },
    );
  };

  const setValue = (key: string, text: string) => setDraft((d) => ({ ...d, values: { ...d.values, [key]: text } }));
  const setComment = (key: string, text: string) =>
    setDraft((d) => ({ ...d, comments: { ...d.comments, [key]: text } }));

  return (
    <Stack gap="md">
      {restored && !readOnly && !isEmptyDraft(restored.draft) && (
        <Alert color="blue" variant="light" title={t("reporting.draft.restored")} data-testid="draft-restored">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              {t("reporting.draft.restoredAt", { at: formatDateTime(restored.keptAt) })}
              {restored.baseUpdatedAt !== form.updatedAt && ` ${t("reporting.draft.changedSince")}`}
            </Text>
            <Button
              size="xs"
              variant="default"
              onClick={() => {
                setDraft(EMPTY_DRAFT);
                setRestored(null);
              }}
            >
              {t("reporting.draft.discard")}
            </Button>
          </Stack>
        </Alert>
      )}
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="sm">
          {t("reporting.form.figures")}
        </Title>
        {!readOnly && (
          <Text size="sm" c="dimmed" mb="sm">
            {t("reporting.form.hint")}
          </Text>
        )}
        <FormTable
          form={form}
          draft={draft.values}
          comments={draft.comments}
          problems={problems}
          readOnly={readOnly}
          onValue={setValue}
          onComment={setComment}
        />
      </Paper>
      {form.goals.length > 0 && (
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="sm">
            {t("reporting.form.narrative")}
          </Title>
          <Stack gap="sm">
            {form.goals.map((g) => (
              <Textarea
                key={g.goalId}
                label={t("reporting.form.goal", { number: g.number, title: g.title })}
                autosize
                minRows={3}
                maxLength={20000}
                readOnly={readOnly}
                value={draft.narrative[String(g.goalId)] ?? g.narrative}
                onChange={(e) => {
                  const text = e.currentTarget.value;
                  setDraft((d) => ({ ...d, narrative: { ...d.narrative, [String(g.goalId)]: text } }));
                }}
              />
            ))}
          </Stack>
        </Paper>
      )}
      {!readOnly && (
        <Paper withBorder p="md" radius="md" pos="sticky" bottom={0} style={{ zIndex: 2 }}>
          <Stack gap="xs">
            {save.error &&
              !(save.error instanceof ApiError && save.error.code === "VALIDATION" && hasCellDetails(save.error)) && (
                <ErrorAlert error={save.error} />
              )}
            {save.error instanceof ApiError && save.error.code === "VALIDATION" && hasCellDetails(save.error) && (
              <Alert color="red" variant="light" role="alert" title={save.error.localized(locale)}>
                {t("reporting.form.fixRed")}
              </Alert>
            )}
            {hasClientErrors && (
              <Text c="red.9" size="sm" role="alert">
                {t("reporting.form.clientErrors", { count: Object.keys(clientErrors).length })}
              </Text>
            )}
            <Group justify="space-between">
              <Text size="sm" c="dimmed" aria-live="polite" data-testid="save-status">
                {save.isPending
                  ? t("reporting.form.saving")
                  : isDirty
                    ? t("reporting.form.unsaved")
                    : done === "saved" && savedAt
                      ? t("reporting.form.savedAt", { at: formatDateTime(savedAt) })
                      : ""}
              </Text>
              <Group gap="xs">
                <Button
                  variant="default"
                  loading={save.isPending}
                  disabled={hasClientErrors}
                  onClick={() => send(false)}
                >
                  {t("reporting.form.save")}
                </Button>
                <Button loading={save.isPending} disabled={hasClientErrors} onClick={() => send(true)}>
                  {t("reporting.form.submit")}
                </Button>
              </Group>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

/** The changed figures (typed text differs from the stored value, or a new comment) and narrative. */
function collectChanges(form: Form, draft: Draft): Pick<SaveFormInput, "values" | "narrative"> {
  const values: SaveFormInput["values"] = [];
  for (const row of form.rows) {
    for (const c of row.cells) {
      if (c.lockedBy !== null) continue;
      const key = cellKey(row.element, c.option, row.period);
      const text = draft.values[key];
      const comment = draft.comments[key];
      const value = text === undefined ? c.value : parseFigure(text);
      if (value !== null && Number.isNaN(value)) continue;
      const commentChanged = comment !== undefined && comment.trim() !== (c.comment ?? "");
      if (value === c.value && !commentChanged) continue;
      values.push({
        element: row.element,
        period: row.period,
        option: c.option as Option,
        value,
        ...(commentChanged ? { comment: comment.trim() || null } : {}),
      });
    }
  }
  const narrative: Record<string, string> = {};
  for (const g of form.goals) {
    const text = draft.narrative[String(g.goalId)];
    if (text !== undefined && text !== g.narrative) narrative[String(g.goalId)] = text;
  }
  return { values, narrative: Object.keys(narrative).length > 0 ? narrative : undefined };
}

function dropSent(current: Record<string, string>, sent: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(current)) if (sent[k] !== v) out[k] = v;
  return out;
}

function hasCellDetails(error: ApiError): boolean {
  return error.details.some((d) => d.path !== undefined);
}

/**
 * The server's refusal, cell by cell: a refused save names `values.N` (the N-th
 * figure sent), a refused submission names `ELEMENT.option.period`.
 */
function refusedCells(error: unknown, input: SaveFormInput, locale: Locale): Record<string, string[]> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string[]> = {};
  for (const d of error.details) {
    if (!d.path) continue;
    let key: string | null = null;
    const index = /^values\.(\d+)$/.exec(d.path);
    if (index) {
      const v = input.values[Number(index[1])];
      if (v) key = cellKey(v.element, v.option, v.period);
    } else {
      const [element, option, period] = d.path.split(".");
      if (element && option && period) key = cellKey(element, option, period);
    }
    if (!key) continue;
    out[key] = [...(out[key] ?? []), locale === "vi" ? d.message : d.messageEn];
  }
  return out;
}
