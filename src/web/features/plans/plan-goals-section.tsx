import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Grid,
  Group,
  List,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useEffect, useState } from "react";
import type { Plan, PlanIndicator, TargetInput } from "../../../contract/plan";
import { COMPARATOR_SYMBOL, COMPARATORS, type Comparator, TARGET_UNITS, type TargetUnit } from "../../../core/plan";
import { ErrorAlert } from "../../app/error-alert";
import { useT } from "../../i18n/i18n";
import { useAddGoal, useAddIndicator, useSetTargets, useUpdateIndicator } from "./api";
import { rowKey, targetText, UNIT_LABEL } from "./labels";

/** Goals → indicators → targets, the upper targets beside the local ones. */
export function GoalsSection({ plan, readOnly }: { plan: Plan; readOnly: boolean }) {
  const t = useT();
  return (
    <Stack gap="lg">
      {plan.goals.map((goal) => (
        <Stack
          key={goal.id}
          gap="sm"
          component="section"
          aria-label={t("plans.goal", { number: goal.number, title: goal.title })}
        >
          <Title order={2} size="h4">
            {t("plans.goal", { number: goal.number, title: goal.title })}
          </Title>
          {goal.indicators.map((i) => (
            <IndicatorCard key={i.id} plan={plan} indicator={i} readOnly={readOnly} />
          ))}
          {!readOnly && <AddIndicator plan={plan} goalId={goal.id} />}
        </Stack>
      ))}
      {!readOnly && <AddGoal plan={plan} />}
    </Stack>
  );
}

function IndicatorCard({ plan, indicator: i, readOnly }: { plan: Plan; indicator: PlanIndicator; readOnly: boolean }) {
  const t = useT();
  return (
    <Paper withBorder p="sm" radius="md" data-testid={`indicator-${i.code}`} opacity={i.dropped ? 0.7 : 1}>
      <Group gap="xs" mb={4}>
        <Text fw={700}>{t("plans.indicator", { code: i.code })}</Text>
        {i.isLocal && <Badge variant="light">{t("plans.local")}</Badge>}
        {i.dropped && (
          <Badge color="gray" variant="light">
            {t("plans.dropped", { reason: i.dropReason ?? "" })}
          </Badge>
        )}
      </Group>
      <Text size="sm" mb="xs">
        {i.text}
      </Text>
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <UpperTargets indicator={i} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <TargetsEditor plan={plan} indicator={i} readOnly={readOnly || i.dropped} />
        </Grid.Col>
      </Grid>
      {!readOnly && !i.isLocal && <DropControl plan={plan} indicator={i} />}
    </Paper>
  );
}

function UpperTargets({ indicator: i }: { indicator: PlanIndicator }) {
  const t = useT();
  if (i.upperTargets.length === 0) return null;
  return (
    <Stack gap={2}>
      <Text size="xs" fw={700} c="dimmed">
        {t("plans.upperOf", { code: i.upperCode ?? "" })}
      </Text>
      <List size="sm" spacing={2}>
        {i.upperTargets.map((u) => (
          <List.Item key={`${u.subject}-${u.forYear}-${u.year}`}>
            {u.subject ? `${u.subject}: ` : ""}
            {targetText(u)}
            {u.isNearestMilestone && (
              <Text span size="xs" c="dimmed">
                {" "}
                ({t("plans.nearest", { year: u.year })})
              </Text>
            )}
            {!u.verified && (
              <Badge ml={4} size="xs" color="orange" variant="light">
                {t("plans.unverified")}
              </Badge>
            )}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

type Row = {
  subject: string;
  comparator: Comparator;
  value: number | "";
  unit: TargetUnit | "";
  year: number;
  baseline: number | null;
};

function toRows(i: PlanIndicator): Row[] {
  return i.targets.map((x) => ({
    subject: x.subject ?? "",
    comparator: x.comparator,
    value: x.value ?? "",
    unit: x.unit ?? "",
    year: x.year,
    baseline: x.baseline,
  }));
}

function TargetsEditor({ plan, indicator: i, readOnly }: { plan: Plan; indicator: PlanIndicator; readOnly: boolean }) {
  const t = useT();
  const save = useSetTargets(plan);
  const [rows, setRows] = useState<Row[]>(() => toRows(i));
  useEffect(() => setRows(toRows(i)), [i]);
  const set = (k: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === k ? { ...r, ...patch } : r)));
  const hasSubjects = rows.some((r) => r.subject);

  if (readOnly) {
    return (
      <Stack gap={2}>
        <Text size="xs" fw={700} c="dimmed">
          {t("plans.localTargets")}
        </Text>
        <List size="sm">
          {i.targets.map((x) => (
            <List.Item key={x.id}>
              {x.subject ? `${x.subject}: ` : ""}
              {targetText(x)}
            </List.Item>
          ))}
        </List>
      </Stack>
    );
  }
  const submit = () => {
    const targets: TargetInput[] = rows.map((r) => ({
      subject: r.subject.trim() || null,
      comparator: r.comparator,
      value: r.value === "" ? null : Number(r.value),
      unit: r.unit === "" ? null : r.unit,
      year: r.year,
      baseline: r.baseline,
    }));
    save.mutate({ indicatorId: i.id, targets });
  };
  const label = (field: string, r: Row) => `${field} ${i.code}${r.subject ? ` ${r.subject}` : ""} (${r.year})`;
  return (
    <Stack gap={6}>
      <Text size="xs" fw={700} c="dimmed">
        {t("plans.localTargets")}
      </Text>
      {save.error && <ErrorAlert error={save.error} />}
      {rows.map((r, k) => (
        <Group key={rowKey(k)} gap={6} wrap="nowrap" align="flex-end">
          {hasSubjects && (
            <TextInput
              size="xs"
              aria-label={label(t("plans.target.subject"), r)}
              value={r.subject}
              onChange={(e) => set(k, { subject: e.currentTarget.value })}
              w={160}
            />
          )}
          <NativeSelect
            size="xs"
            aria-label={label(t("plans.target.comparator"), r)}
            value={r.comparator}
            data={COMPARATORS.map((c) => ({ value: c, label: COMPARATOR_SYMBOL[c] }))}
            onChange={(e) => set(k, { comparator: e.currentTarget.value as Comparator })}
          />
          <NumberInput
            size="xs"
            w={90}
            aria-label={label(t("plans.target.value"), r)}
            decimalSeparator=","
            thousandSeparator="."
            value={r.value}
            onChange={(v) => set(k, { value: v === "" ? "" : Number(v) })}
          />
          <NativeSelect
            size="xs"
            aria-label={label(t("plans.target.unit"), r)}
            value={r.unit}
            data={[
              { value: "", label: UNIT_LABEL.none },
              ...TARGET_UNITS.map((u) => ({ value: u, label: UNIT_LABEL[u] })),
            ]}
            onChange={(e) => set(k, { unit: e.currentTarget.value as TargetUnit | "" })}
          />
          <NumberInput
            size="xs"
            w={80}
            aria-label={label(t("plans.target.year"), r)}
            value={r.year}
            onChange={(v) => set(k, { year: Number(v) })}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t("plans.target.remove")}
            onClick={() => setRows((rs) => rs.filter((_, j) => j !== k))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group gap="xs">
        <Button
          size="xs"
          variant="subtle"
          onClick={() =>
            setRows((rs) => [
              ...rs,
              { subject: "", comparator: ">=", value: "", unit: "%", year: plan.periodTo, baseline: null },
            ])
          }
        >
          {t("plans.target.add")}
        </Button>
        <Button
          size="xs"
          onClick={submit}
          loading={save.isPending}
          aria-label={t("plans.target.save", { code: i.code })}
        >
          {t("plans.save")}
        </Button>
      </Group>
    </Stack>
  );
}

function DropControl({ plan, indicator: i }: { plan: Plan; indicator: PlanIndicator }) {
  const t = useT();
  const update = useUpdateIndicator(plan);
  const [reason, setReason] = useState(i.dropReason ?? "");
  return (
    <Stack gap={4} mt="xs">
      {update.error && <ErrorAlert error={update.error} />}
      <Checkbox
        label={t("plans.drop")}
        checked={i.dropped}
        onChange={(e) =>
          update.mutate({ indicatorId: i.id, dropped: e.currentTarget.checked, dropReason: reason || null })
        }
      />
      {i.dropped && (
        <Group align="flex-end" gap="xs">
          <TextInput
            size="xs"
            style={{ flex: 1 }}
            label={t("plans.dropReason")}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Button
            size="xs"
            variant="light"
            onClick={() => update.mutate({ indicatorId: i.id, dropped: true, dropReason: reason || null })}
          >
            {t("plans.save")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function AddIndicator({ plan, goalId }: { plan: Plan; goalId: number }) {
  const t = useT();
  const add = useAddIndicator(plan);
  const [text, setText] = useState("");
  return (
    <Group align="flex-end" gap="xs">
      <Textarea
        size="xs"
        autosize
        style={{ flex: 1 }}
        label={t("plans.addIndicator")}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <Button
        size="xs"
        variant="light"
        disabled={!text.trim()}
        loading={add.isPending}
        onClick={() => add.mutate({ goalId, text: text.trim() }, { onSuccess: () => setText("") })}
      >
        {t("plans.add")}
      </Button>
      {add.error && <ErrorAlert error={add.error} />}
    </Group>
  );
}

function AddGoal({ plan }: { plan: Plan }) {
  const t = useT();
  const add = useAddGoal(plan);
  const [title, setTitle] = useState("");
  return (
    <Group align="flex-end" gap="xs">
      <TextInput
        style={{ flex: 1 }}
        label={t("plans.addGoal")}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
      />
      <Button
        variant="light"
        disabled={!title.trim()}
        loading={add.isPending}
        onClick={() => add.mutate({ title: title.trim() }, { onSuccess: () => setTitle("") })}
      >
        {t("plans.add")}
      </Button>
      {add.error && <ErrorAlert error={add.error} />}
    </Group>
  );
}
