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
} from "@mantine/core";
import { type ReactNode, useEffect, useState } from "react";
import type { Plan, PlanSections } from "../../../contract/plan";
import { MODEL_MODES, type ModelMode, REPORT_KINDS, type ReportKind } from "../../../core/plan";
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

/** The "×" that removes one row of a list section (legal basis, tasks, models, reports). */
function RemoveRowButton({ onRemove }: { onRemove: () => void }) {
  const t = useT();
  return (
    <ActionIcon variant="subtle" color="red" aria-label={t("plans.remove")} onClick={onRemove}>
      ×
    </ActionIcon>
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
      <Textarea
        autosize
        readOnly={readOnly}
        label={t("plans.field.issuerLines")}
        value={v.issuerLines}
        onChange={(e) => set({ ...v, issuerLines: e.currentTarget.value })}
      />
      <Group grow>
        <TextInput
          readOnly={readOnly}
          label={t("plans.field.symbol")}
          value={v.symbol}
          onChange={(e) => set({ ...v, symbol: e.currentTarget.value })}
        />
        <TextInput
          readOnly={readOnly}
          label={t("plans.field.place")}
          value={v.place}
          onChange={(e) => set({ ...v, place: e.currentTarget.value })}
        />
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
      <Textarea
        autosize
        readOnly={readOnly}
        label={t("plans.field.title")}
        value={v.title}
        onChange={(e) => set({ ...v, title: e.currentTarget.value })}
      />
      <Textarea
        autosize
        minRows={3}
        readOnly={readOnly}
        label={t("plans.field.generalObjective")}
        value={v.generalObjective}
        onChange={(e) => set({ ...v, generalObjective: e.currentTarget.value })}
      />
    </SaveBar>
  );
}

type Basis = PlanSections["legalBasis"][number];

export function BasisSection({ plan, readOnly }: SectionProps) {
  const t = useT();
  const [rows, set] = useDraft(plan, (p) => p.sections.legalBasis);
  const edit = (k: number, patch: Partial<Basis>) => set(rows.map((r, j) => (j === k ? { ...r, ...patch } : r)));
  return (
    <SaveBar plan={plan} readOnly={readOnly} build={() => ({ sections: { legalBasis: rows } })}>
      {rows.map((r, k) => (
        <Group key={rowKey(k)} gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            size="xs"
            w={110}
            readOnly={readOnly}
            label={t("plans.basis.col")}
            value={r.type}
            onChange={(e) => edit(k, { type: e.currentTarget.value })}
          />
          <TextInput
            size="xs"
            w={140}
            readOnly={readOnly}
            label={t("plans.col.number")}
            value={r.number}
            onChange={(e) => edit(k, { number: e.currentTarget.value })}
          />
          <TextInput
            size="xs"
            w={110}
            readOnly={readOnly}
            label="yyyy-mm-dd"
            value={r.date ?? ""}
            onChange={(e) => edit(k, { date: e.currentTarget.value || null })}
          />
          <TextInput
            size="xs"
            style={{ flex: 1 }}
            readOnly={readOnly}
            label={t("plans.field.title")}
            value={r.title ?? ""}
            onChange={(e) => edit(k, { title: e.currentTarget.value || null })}
          />
          <TextInput
            size="xs"
            w={180}
            readOnly={readOnly}
            label="Cơ quan ban hành"
            value={r.issuer}
            onChange={(e) => edit(k, { issuer: e.currentTarget.value })}
          />
          {r.planId ? (
            <AnchorLink size="xs" to="/plans/$planId" params={{ planId: String(r.planId) }}>
              {t("plans.basis.linked")}
            </AnchorLink>
          ) : null}
          {!readOnly && <RemoveRowButton onRemove={() => set(rows.filter((_, j) => j !== k))} />}
        </Group>
      ))}
      {!readOnly && (
        <Button
          size="xs"
          variant="subtle"
          onClick={() =>
            set([...rows, { type: "Công văn", number: "", date: null, issuer: "", title: null, planId: null }])
          }
        >
          {t("plans.add")}
        </Button>
      )}
    </SaveBar>
  );
}

export function PurposeSection({ plan, readOnly }: SectionProps) {
  const t = useT();
  const [v, set] = useDraft(plan, (p) => ({
    purposes: p.sections.purposes.join("\n"),
    requirements: p.sections.requirements.join("\n"),
  }));
  return (
    <SaveBar
      plan={plan}
      readOnly={readOnly}
      build={() => ({ sections: { purposes: lines(v.purposes), requirements: lines(v.requirements) } })}
    >
      <Textarea
        autosize
        minRows={3}
        readOnly={readOnly}
        label={t("plans.field.purposes")}
        value={v.purposes}
        onChange={(e) => set({ ...v, purposes: e.currentTarget.value })}
      />
      <Textarea
        autosize
        minRows={3}
        readOnly={readOnly}
        label={t("plans.field.requirements")}
        value={v.requirements}
        onChange={(e) => set({ ...v, requirements: e.currentTarget.value })}
      />
    </SaveBar>
  );
}

export function BudgetSection({ plan, readOnly }: SectionProps) {
  const t = useT();
  const [v, set] = useDraft(plan, (p) => p.sections.budget.join("\n"));
  return (
    <SaveBar plan={plan} readOnly={readOnly} build={() => ({ sections: { budget: lines(v) } })}>
      <Textarea
        autosize
        minRows={3}
        readOnly={readOnly}
        label={t("plans.field.budget")}
        value={v}
        onChange={(e) => set(e.currentTarget.value)}
      />
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
  const build = () => ({
    sections: {
      recipients: lines(v.recipients),
      signer: { positionLines: lines(v.positionLines), name: v.name.trim() },
    },
  });
  return (
    <SaveBar plan={plan} readOnly={readOnly} build={build}>
      <Textarea
        autosize
        minRows={3}
        readOnly={readOnly}
        label={t("plans.field.recipients")}
        value={v.recipients}
        onChange={(e) => set({ ...v, recipients: e.currentTarget.value })}
      />
      <Textarea
        autosize
        readOnly={readOnly}
        label={t("plans.field.signerLines")}
        value={v.positionLines}
        onChange={(e) => set({ ...v, positionLines: e.currentTarget.value })}
      />
      <TextInput
        readOnly={readOnly}
        label={t("plans.field.signerName")}
        value={v.name}
        onChange={(e) => set({ ...v, name: e.currentTarget.value })}
      />
    </SaveBar>
  );
}

type Task = PlanSections["tasks"][number];

export function TasksSection({ plan, readOnly }: SectionProps) {
  const t = useT();
  const [rows, set] = useDraft(plan, (p) => p.sections.tasks);
  const edit = (k: number, patch: Partial<Task>) => set(rows.map((r, j) => (j === k ? { ...r, ...patch } : r)));
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
      {rows.map((r, k) => (
        <Stack
          key={rowKey(k)}
          gap={4}
          p="xs"
          style={{ border: "1px solid var(--mantine-color-gray-3)", borderRadius: 6 }}
        >
          <Group grow align="flex-end">
            <NativeSelect
              size="xs"
              disabled={readOnly}
              label={t("plans.task.goal")}
              data={goals}
              value={r.goalNumber === null ? "" : String(r.goalNumber)}
              onChange={(e) => edit(k, { goalNumber: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
            />
            <MultiSelect
              size="xs"
              disabled={readOnly}
              label={t("plans.task.agencies")}
              data={agencies}
              value={r.agencyIds.map(String)}
              onChange={(v) => edit(k, { agencyIds: v.map(Number) })}
              searchable
            />
            <TextInput
              size="xs"
              readOnly={readOnly}
              label={t("plans.task.due")}
              value={r.due ?? ""}
              onChange={(e) => edit(k, { due: e.currentTarget.value || null })}
            />
          </Group>
          <Group align="flex-end" wrap="nowrap">
            <Textarea
              size="xs"
              autosize
              style={{ flex: 1 }}
              readOnly={readOnly}
              label={t("plans.task.text")}
              value={r.text}
              onChange={(e) => edit(k, { text: e.currentTarget.value })}
            />
            {!readOnly && <RemoveRowButton onRemove={() => set(rows.filter((_, j) => j !== k))} />}
          </Group>
        </Stack>
      ))}
      {!readOnly && (
        <Button
          size="xs"
          variant="subtle"
          onClick={() => set([...rows, { goalNumber: null, text: "", agencyIds: [], due: null }])}
        >
          {t("plans.add")}
        </Button>
      )}
    </SaveBar>
  );
}

type Model = PlanSections["models"][number];
const MODE_KEY = { maintain: "plans.mode.maintain", replicate: "plans.mode.replicate", new: "plans.mode.new" } as const;

export function ModelsSection({ plan, readOnly }: SectionProps) {
  const t = useT();
  const [rows, set] = useDraft(plan, (p) => p.sections.models.map((m) => ({ ...m, where: m.communes.join(", ") })));
  const edit = (k: number, patch: Partial<Model & { where: string }>) =>
    set(rows.map((r, j) => (j === k ? { ...r, ...patch } : r)));
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
      {rows.map((r, k) => (
        <Group key={rowKey(k)} gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            size="xs"
            style={{ flex: 2 }}
            readOnly={readOnly}
            label={t("plans.model.name")}
            value={r.name}
            onChange={(e) => edit(k, { name: e.currentTarget.value })}
          />
          <NativeSelect
            size="xs"
            disabled={readOnly}
            label={t("plans.model.mode")}
            data={MODEL_MODES.map((m) => ({ value: m, label: t(MODE_KEY[m]) }))}
            value={r.mode}
            onChange={(e) => edit(k, { mode: e.currentTarget.value as ModelMode })}
          />
          <TextInput
            size="xs"
            style={{ flex: 2 }}
            readOnly={readOnly}
            label={t("plans.model.communes")}
            value={r.where}
            onChange={(e) => edit(k, { where: e.currentTarget.value })}
          />
          {!readOnly && <RemoveRowButton onRemove={() => set(rows.filter((_, j) => j !== k))} />}
        </Group>
      ))}
      {!readOnly && (
        <Button
          size="xs"
          variant="subtle"
          onClick={() => set([...rows, { name: "", mode: "maintain", communes: [], where: "" }])}
        >
          {t("plans.add")}
        </Button>
      )}
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
  const edit = (k: number, patch: Partial<PlanSections["reporting"][number]>) =>
    set({ ...v, reporting: v.reporting.map((r, j) => (j === k ? { ...r, ...patch } : r)) });
  return (
    <SaveBar
      plan={plan}
      readOnly={readOnly}
      build={() => ({ sections: { reporting: v.reporting, actionMonth: v.actionMonth } })}
    >
      <Text size="sm" c="dimmed">
        {t("plans.report.windows")}
      </Text>
      {v.reporting.map((r, k) => (
        <Group key={rowKey(k)} gap="xs" align="flex-end" wrap="nowrap">
          <NativeSelect
            size="xs"
            disabled={readOnly}
            label={t("plans.report.kind")}
            data={REPORT_KINDS.map((x) => ({ value: x, label: t(KIND_KEY[x]) }))}
            value={r.kind}
            onChange={(e) => edit(k, { kind: e.currentTarget.value as ReportKind })}
          />
          <TextInput
            size="xs"
            w={110}
            readOnly={readOnly}
            label={t("plans.report.due")}
            value={r.due}
            onChange={(e) => edit(k, { due: e.currentTarget.value })}
          />
          <TextInput
            size="xs"
            style={{ flex: 1 }}
            readOnly={readOnly}
            label={t("plans.report.to")}
            value={r.to}
            onChange={(e) => edit(k, { to: e.currentTarget.value })}
          />
          {!readOnly && (
            <RemoveRowButton onRemove={() => set({ ...v, reporting: v.reporting.filter((_, j) => j !== k) })} />
          )}
        </Group>
      ))}
      {!readOnly && (
        <Button
          size="xs"
          variant="subtle"
          onClick={() => set({ ...v, reporting: [...v.reporting, { kind: "annual", due: "12-20", to: "" }] })}
        >
          {t("plans.add")}
        </Button>
      )}
      <Group gap="xs" align="flex-end">
        <TextInput
          size="xs"
          w={110}
          readOnly={readOnly}
          label={t("plans.actionMonth")}
          value={v.actionMonth.from}
          onChange={(e) => set({ ...v, actionMonth: { ...v.actionMonth, from: e.currentTarget.value } })}
        />
        <TextInput
          size="xs"
          w={110}
          readOnly={readOnly}
          aria-label={t("plans.actionMonth")}
          value={v.actionMonth.to}
          onChange={(e) => set({ ...v, actionMonth: { ...v.actionMonth, to: e.currentTarget.value } })}
        />
      </Group>
    </SaveBar>
  );
}
