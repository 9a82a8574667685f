import {
  ActionIcon,
  Button,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
  Textarea,
  TextInput,
  type TextInputProps,
} from "@mantine/core";
import { type ChangeEvent, type ReactNode, useEffect, useState } from "react";
import type { Plan } from "../../../contract/plan";
import { MODEL_MODES, type ModelMode, REPORT_KINDS, type ReportKind } from "../../../core/plan";
import { DateField, DayMonthField } from "../../app/date-field";
import { ErrorAlert } from "../../app/error-alert";
import { AnchorLink } from "../../app/links";
import { useT } from "../../i18n/i18n";
import { useUpdatePlan } from "./api";
import { rowKey } from "./labels";

// The free-text sections of a plan, each a small form saved on its own.

const lines = (text: string) =>
  text
    .split("\n")
    .map((s) => s.trim())
    .filter(Boolean);

interface SectionProps {
  plan: Plan;
  readOnly: boolean;
}

/** A form with its own Save button, reset when the plan changes on the server. */
function useDraft<T>(plan: Plan, read: (p: Plan) => T): [T, (v: T) => void] {
  const [value, setValue] = useState<T>(() => read(plan));
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the saved plan changes
  useEffect(() => setValue(read(plan)), [plan.updatedAt]);
  return [value, setValue];
}

/** value + onChange of one text field of a draft object. */
function bindText<T extends object>(v: T, set: (v: T) => void) {
  return (key: { [K in keyof T]: T[K] extends string ? K : never }[keyof T]) => ({
    value: v[key] as string,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set({ ...v, [key]: e.currentTarget.value }),
  });
}

/** A small text cell of a list row, reporting its text ("" when empty). */
function CellInput({
  value,
  onChange,
  ...rest
}: Omit<TextInputProps, "value" | "onChange" | "size"> & { value: string; onChange: (text: string) => void }) {
  return <TextInput size="xs" {...rest} value={value} onChange={(e) => onChange(e.currentTarget.value)} />;
}

/** The rows of a list section (legal basis, tasks, models, reports): each row's fields, its "×", and "Thêm". */
function RowList<T>({
  rows,
  set,
  readOnly,
  blank,
  row,
}: {
  rows: T[];
  set: (rows: T[]) => void;
  readOnly: boolean;
  blank: () => T;
  row: (r: T, edit: (patch: Partial<T>) => void) => ReactNode;
}) {
  const t = useT();
  return (
    <>
      {rows.map((r, k) => (
        <Group key={rowKey(k)} gap="xs" align="flex-end" wrap="nowrap">
          {row(r, (patch) => set(rows.map((x, j) => (j === k ? { ...x, ...patch } : x))))}
          {!readOnly && (
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t("plans.remove")}
              onClick={() => set(rows.filter((_, j) => j !== k))}
            >
              ×
            </ActionIcon>
          )}
        </Group>
      ))}
      {!readOnly && (
        <Button size="xs" variant="subtle" onClick={() => set([...rows, blank()])}>
          {t("plans.add")}
        </Button>
      )}
    </>
  );
}

function SaveBar({
  plan,
  readOnly,
  build,
  children,
}: SectionProps & { build: () => Parameters<ReturnType<typeof useUpdatePlan>["mutate"]>[0]; children: ReactNode }) {
  const t = useT();
  const update = useUpdatePlan(plan);
  return (
    <Stack>
      {update.error && <ErrorAlert error={update.error} />}
      {children}
      {!readOnly && (
        <Group justify="flex-end">
          {update.isSuccess && (
            <Text size="sm" c="green">
              {t("plans.saved")}
            </Text>
          )}
          <Button onClick={() => update.mutate(build())} loading={update.isPending}>
            {t("plans.save")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

export function GeneralSection({ plan, readOnly }: SectionProps) {
  const t = useT();
  const [v, set] = useDraft(plan, (p) => ({
    issuerLines: p.sections.issuerLines.join("\n"),
    symbol: p.symbol,
    place: p.place,
    title: p.title,
    periodFrom: p.periodFrom,
    periodTo: p.periodTo,
    generalObjective: p.sections.generalObjective,
  }));
  const field = bindText(v, set);
  const build = () => ({
    symbol: v.symbol,
    place: v.place,
    title: v.title,
    periodFrom: v.periodFrom,
    periodTo: v.periodTo,
    sections: { issuerLines: lines(v.issuerLines), generalObjective: v.generalObjective.trim() },
  });
  return (
    <SaveBar plan={plan} readOnly={readOnly} build={build}>
      <Textarea autosize readOnly={readOnly} label={t("plans.field.issuerLines")} {...field("issuerLines")} />
      <Group grow>
        <TextInput readOnly={readOnly} label={t("plans.field.symbol")} {...field("symbol")} />
        <TextInput readOnly={readOnly} label={t("plans.field.place")} {...field("place")} />
        <NumberInput
          readOnly={readOnly}
          label={t("plans.create.from")}
          value={v.periodFrom}
          onChange={(x) => set({ ...v, periodFrom: Number(x) })}
        />
        <NumberInput
          readOnly={readOnly}
          label={t("plans.create.to")}
          value={v.periodTo}
          onChange={(x) => set({ ...v, periodTo: Number(x) })}
        />
      </Group>
      <Textarea autosize readOnly={readOnly} label={t("plans.field.title")} {...field("title")} />
      <Textarea
        autosize
        minRows={3}
        readOnly={readOnly}
        label={t("plans.field.generalObjective")}
        {...field("generalObjective")}
      />
    </SaveBar>
  );
}

export function BasisSection({ plan, readOnly }: SectionProps) {
  const t = useT();
  const [rows, set] = useDraft(plan, (p) => p.sections.legalBasis);
  return (
    <SaveBar plan={plan} readOnly={readOnly} build={() => ({ sections: { legalBasis: rows } })}>
      <RowList
        rows={rows}
        set={set}
        readOnly={readOnly}
        blank={() => ({ type: "Công văn", number: "", date: null, issuer: "", title: null, planId: null })}
        row={(r, edit) => (
          <>
            <CellInput
              w={110}
              readOnly={readOnly}
              label={t("plans.basis.col")}
              value={r.type}
              onChange={(type) => edit({ type })}
            />
            <CellInput
              w={140}
              readOnly={readOnly}
              label={t("plans.col.number")}
              value={r.number}
              onChange={(number) => edit({ number })}
            />
            <DateField
              size="xs"
              w={110}
              readOnly={readOnly}
              allowEmpty
              label={t("plans.basis.date")}
              invalidMessage={t("form.invalidDate")}
              value={r.date ?? ""}
              onChange={(date) => edit({ date: date || null })}
            />
            <CellInput
              style={{ flex: 1 }}
              readOnly={readOnly}
              label={t("plans.field.title")}
              value={r.title ?? ""}
              onChange={(title) => edit({ title: title || null })}
            />
            <CellInput
              w={180}
              readOnly={readOnly}
              label={t("plans.basis.issuer")}
              value={r.issuer}
              onChange={(issuer) => edit({ issuer })}
            />
            {r.planId ? (
              <AnchorLink size="xs" to="/plans/$planId" params={{ planId: String(r.planId) }}>
                {t("plans.basis.linked")}
              </AnchorLink>
            ) : null}
          </>
        )}
      />
    </SaveBar>
  );
}

export function PurposeSection({ plan, readOnly }: SectionProps) {
  const t = useT();
  const [v, set] = useDraft(plan, (p) => ({
    purposes: p.sections.purposes.join("\n"),
    requirements: p.sections.requirements.join("\n"),
  }));
  const field = bindText(v, set);
  return (
    <SaveBar
      plan={plan}
      readOnly={readOnly}
      build={() => ({ sections: { purposes: lines(v.purposes), requirements: lines(v.requirements) } })}
    >
      <Textarea autosize minRows={3} readOnly={readOnly} label={t("plans.field.purposes")} {...field("purposes")} />
      <Textarea
        autosize
        minRows={3}
        readOnly={readOnly}
        label={t("plans.field.requirements")}
        {...field("requirements")}
      />
    </SaveBar>
  );
}

export function BudgetSection({ plan, readOnly }: SectionProps) {
  const t = useT();
  const [v, set] = useDraft(plan, (p) => ({ budget: p.sections.budget.join("\n") }));
  const field = bindText(v, set);
  return (
    <SaveBar plan={plan} readOnly={readOnly} build={() => ({ sections: { budget: lines(v.budget) } })}>
      <Textarea autosize minRows={3} readOnly={readOnly} label={t("plans.field.budget")} {...field("budget")} />
    </SaveBar>
  );
}

export function RecipientsSection({ plan, readOnly }: SectionProps) {
  const t = useT();
  const [v, set] = useDraft(plan, (p) => ({
    recipients: p.sections.recipients.join("\n"),
    positionLines: p.sections.signer.positionLines.join("\n"),
    name: p.sections.signer.name,
  }));
  const field = bindText(v, set);
  const build = () => ({
    sections: {
      recipients: lines(v.recipients),
      signer: { positionLines: lines(v.positionLines), name: v.name.trim() },
    },
  });
  return (
    <SaveBar plan={plan} readOnly={readOnly} build={build}>
      <Textarea autosize minRows={3} readOnly={readOnly} label={t("plans.field.recipients")} {...field("recipients")} />
      <Textarea autosize readOnly={readOnly} label={t("plans.field.signerLines")} {...field("positionLines")} />
      <TextInput readOnly={readOnly} label={t("plans.field.signerName")} {...field("name")} />
    </SaveBar>
  );
}

export function TasksSection({ plan, readOnly }: SectionProps) {
  const t = useT();
  const [rows, set] = useDraft(plan, (p) => p.sections.tasks);
  const goals = [
    { value: "", label: t("plans.task.general") },
    ...plan.goals.map((g) => ({
      value: String(g.number),
      label: t("plans.goal", { number: g.number, title: g.title }),
    })),
  ];
  const agencies = plan.agencies.map((a) => ({ value: String(a.id), label: a.name }));
  return (
    <SaveBar plan={plan} readOnly={readOnly} build={() => ({ sections: { tasks: rows.filter((r) => r.text.trim()) } })}>
      <RowList
        rows={rows}
        set={set}
        readOnly={readOnly}
        blank={() => ({ goalNumber: null, text: "", agencyIds: [], due: null })}
        row={(r, edit) => (
          <Stack gap={4} p="xs" style={{ flex: 1, border: "1px solid var(--mantine-color-gray-3)", borderRadius: 6 }}>
            <Group grow align="flex-end">
              <NativeSelect
                size="xs"
                disabled={readOnly}
                label={t("plans.task.goal")}
                data={goals}
                value={r.goalNumber === null ? "" : String(r.goalNumber)}
                onChange={(e) => edit({ goalNumber: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
              />
              <MultiSelect
                size="xs"
                disabled={readOnly}
                label={t("plans.task.agencies")}
                data={agencies}
                value={r.agencyIds.map(String)}
                onChange={(v) => edit({ agencyIds: v.map(Number) })}
                searchable
              />
              <DateField
                size="xs"
                readOnly={readOnly}
                allowEmpty
                label={t("plans.task.due")}
                invalidMessage={t("form.invalidDate")}
                value={r.due ?? ""}
                onChange={(due) => edit({ due: due || null })}
              />
            </Group>
            <Textarea
              size="xs"
              autosize
              readOnly={readOnly}
              label={t("plans.task.text")}
              value={r.text}
              onChange={(e) => edit({ text: e.currentTarget.value })}
            />
          </Stack>
        )}
      />
    </SaveBar>
  );
}

const MODE_KEY = { maintain: "plans.mode.maintain", replicate: "plans.mode.replicate", new: "plans.mode.new" } as const;

export function ModelsSection({ plan, readOnly }: SectionProps) {
  const t = useT();
  const [rows, set] = useDraft(plan, (p) => p.sections.models.map((m) => ({ ...m, where: m.communes.join(", ") })));
  const build = () => ({
    sections: {
      models: rows
        .filter((r) => r.name.trim())
        .map((r) => ({
          name: r.name.trim(),
          mode: r.mode,
          communes: r.where
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean),
        })),
    },
  });
  return (
    <SaveBar plan={plan} readOnly={readOnly} build={build}>
      <RowList
        rows={rows}
        set={set}
        readOnly={readOnly}
        blank={() => ({ name: "", mode: "maintain" as ModelMode, communes: [], where: "" })}
        row={(r, edit) => (
          <>
            <CellInput
              style={{ flex: 2 }}
              readOnly={readOnly}
              label={t("plans.model.name")}
              value={r.name}
              onChange={(name) => edit({ name })}
            />
            <NativeSelect
              size="xs"
              disabled={readOnly}
              label={t("plans.model.mode")}
              data={MODEL_MODES.map((m) => ({ value: m, label: t(MODE_KEY[m]) }))}
              value={r.mode}
              onChange={(e) => edit({ mode: e.currentTarget.value as ModelMode })}
            />
            <CellInput
              style={{ flex: 2 }}
              readOnly={readOnly}
              label={t("plans.model.communes")}
              value={r.where}
              onChange={(where) => edit({ where })}
            />
          </>
        )}
      />
    </SaveBar>
  );
}

const KIND_KEY = {
  semiannual: "plans.report.semiannual",
  annual: "plans.report.annual",
  quarterly: "plans.report.quarterly",
} as const;

export function ReportingSection({ plan, readOnly }: SectionProps) {
  const t = useT();
  const [v, set] = useDraft(plan, (p) => ({ reporting: p.sections.reporting, actionMonth: p.sections.actionMonth }));
  const setMonth = (patch: Partial<typeof v.actionMonth>) => set({ ...v, actionMonth: { ...v.actionMonth, ...patch } });
  return (
    <SaveBar
      plan={plan}
      readOnly={readOnly}
      build={() => ({ sections: { reporting: v.reporting, actionMonth: v.actionMonth } })}
    >
      <Text size="sm" c="dimmed">
        {t("plans.report.windows")}
      </Text>
      <RowList
        rows={v.reporting}
        set={(reporting) => set({ ...v, reporting })}
        readOnly={readOnly}
        blank={() => ({ kind: "annual" as ReportKind, due: "12-20", to: "" })}
        row={(r, edit) => (
          <>
            <NativeSelect
              size="xs"
              disabled={readOnly}
              label={t("plans.report.kind")}
              data={REPORT_KINDS.map((x) => ({ value: x, label: t(KIND_KEY[x]) }))}
              value={r.kind}
              onChange={(e) => edit({ kind: e.currentTarget.value as ReportKind })}
            />
            <DayMonthField
              size="xs"
              w={110}
              readOnly={readOnly}
              label={t("plans.report.due")}
              invalidMessage={t("form.invalidDayMonth")}
              value={r.due}
              onChange={(due) => edit({ due })}
            />
            <CellInput
              style={{ flex: 1 }}
              readOnly={readOnly}
              label={t("plans.report.to")}
              value={r.to}
              onChange={(to) => edit({ to })}
            />
          </>
        )}
      />
      <Group gap="xs" align="flex-end">
        <DayMonthField
          size="xs"
          w={110}
          readOnly={readOnly}
          label={t("plans.actionMonth")}
          invalidMessage={t("form.invalidDayMonth")}
          value={v.actionMonth.from}
          onChange={(from) => setMonth({ from })}
        />
        <DayMonthField
          size="xs"
          w={110}
          readOnly={readOnly}
          aria-label={t("plans.actionMonth")}
          invalidMessage={t("form.invalidDayMonth")}
          value={v.actionMonth.to}
          onChange={(to) => setMonth({ to })}
        />
      </Group>
    </SaveBar>
  );
}
