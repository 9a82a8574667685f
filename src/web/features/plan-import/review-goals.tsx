import {
  ActionIcon,
  Badge,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import type { PlanImportResult } from "../../../contract/plan-import";
import {
  COMPARATOR_SYMBOL,
  COMPARATORS,
  type Comparator,
  GOAL_DOMAINS,
  TARGET_UNITS,
  type TargetUnit,
} from "../../../core/plan";
import { useT } from "../../i18n/i18n";
import { UNIT_LABEL } from "../plans/labels";
import { type ImportDraft, indicatorCode, linkValue, parseLink, rowKey } from "./import-draft";

interface Props {
  result: PlanImportResult;
  draft: ImportDraft;
  change: (fn: (d: ImportDraft) => void) => void;
  onSelect: (path: string) => void;
}

const num = (v: string | number): number | null => (v === "" || Number.isNaN(Number(v)) ? null : Number(v));

/** Goals → indicators → targets, each indicator with the upper / national indicator it implements. */
export function ReviewGoals({ result, draft, change, onSelect }: Props) {
  const t = useT();
  return (
    <Stack gap="md" data-testid="review-goals">
      {draft.extract.goals.map((g, gi) => (
        <Stack
          key={rowKey("goal", gi)}
          gap="xs"
          data-testid="import-goal"
          component="section"
          aria-label={t("import.goal", { number: g.number ?? gi + 1 })}
        >
          <Group gap="xs" align="end" onFocusCapture={() => onSelect(`goals.${gi}`)}>
            <Title order={3} size="h5">
              {t("import.goal", { number: g.number ?? gi + 1 })}
            </Title>
            <TextInput
              flex={1}
              aria-label={t("import.goalTitle", { number: g.number ?? gi + 1 })}
              value={g.title ?? ""}
              onChange={(e) => {
                const v = e.currentTarget.value;
                change((d) => (d.extract.goals[gi]!.title = v));
              }}
            />
            <NativeSelect
              aria-label={t("import.goalDomain", { number: g.number ?? gi + 1 })}
              value={g.domain ?? ""}
              data={[
                { value: "", label: "—" },
                ...GOAL_DOMAINS.map((d) => ({ value: d, label: t(`import.domain.${d}`) })),
              ]}
              onChange={(e) => {
                const v = e.currentTarget.value;
                change((d) => (d.extract.goals[gi]!.domain = v ? (v as (typeof GOAL_DOMAINS)[number]) : null));
              }}
            />
          </Group>
          {g.indicators.map((_, ii) => (
            <IndicatorEditor
              key={rowKey(`ind-${gi}`, ii)}
              gi={gi}
              ii={ii}
              result={result}
              draft={draft}
              change={change}
              onSelect={onSelect}
            />
          ))}
        </Stack>
      ))}
    </Stack>
  );
}

function IndicatorEditor({ gi, ii, result, draft, change, onSelect }: Props & { gi: number; ii: number }) {
  const t = useT();
  const path = `goals.${gi}.indicators.${ii}`;
  const ind = draft.extract.goals[gi]!.indicators[ii]!;
  const code = indicatorCode(draft.extract, gi, ii);
  const link = draft.links[path] ?? null;
  const matches = result.matches.find((m) => m.path === path);
  const ranked = matches?.candidates ?? [];
  const others = result.candidates.filter((c) => !ranked.some((r) => r.kind === c.kind && r.id === c.id));
  const chosen = ranked.find((c) => linkValue(c) === linkValue(link));
  const label = (c: { kind: string; code: string; text: string }) =>
    `${t(c.kind === "upper" ? "import.link.upper" : "import.link.catalogue")} ${c.code}: ${c.text.slice(0, 90)}`;
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      data-testid={`import-indicator-${code}`}
      onFocusCapture={() => onSelect(path)}
      onClick={() => onSelect(path)}
    >
      <Stack gap="xs">
        <Group gap="xs">
          <Text fw={700}>{t("import.indicator", { code })}</Text>
          {link ? (
            <Badge variant="light" color="green">
              {t("import.linked")}
            </Badge>
          ) : (
            <Badge variant="light" color="gray">
              {t("import.local")}
            </Badge>
          )}
        </Group>
        <Textarea
          label={t("import.indicatorText", { code })}
          autosize
          minRows={1}
          value={ind.text}
          onChange={(e) => {
            const v = e.currentTarget.value;
            change((d) => (d.extract.goals[gi]!.indicators[ii]!.text = v));
          }}
        />
        <NativeSelect
          label={t("import.match", { code })}
          description={
            chosen
              ? t("import.matchReason", { score: Math.round(chosen.score * 100), reason: chosen.reason })
              : undefined
          }
          value={linkValue(link)}
          onChange={(e) => {
            const v = parseLink(e.currentTarget.value);
            change((d) => (d.links[path] = v));
          }}
          data={[
            { value: "", label: t("import.markLocal") },
            {
              group: t("import.suggestions"),
              items: ranked.map((c) => ({ value: linkValue(c), label: `${label(c)} (${Math.round(c.score * 100)}%)` })),
            },
            { group: t("import.allIndicators"), items: others.map((c) => ({ value: linkValue(c), label: label(c) })) },
          ]}
        />
        {ind.targets.map((target, ti) => (
          <TargetRow
            key={rowKey("t", ti)}
            gi={gi}
            ii={ii}
            ti={ti}
            code={code}
            change={change}
            onSelect={onSelect}
            target={target}
          />
        ))}
        <Group>
          <Button
            size="xs"
            variant="subtle"
            onClick={() =>
              change((d) =>
                d.extract.goals[gi]!.indicators[ii]!.targets.push({
                  subject: null,
                  comparator: ">=",
                  value: null,
                  unit: "%",
                  year: d.extract.document.periodTo,
                  baseline: null,
                }),
              )
            }
          >
            {t("import.addTarget", { code })}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

type Target = ImportDraft["extract"]["goals"][number]["indicators"][number]["targets"][number];

function TargetRow(props: {
  gi: number;
  ii: number;
  ti: number;
  code: string;
  target: Target;
  change: Props["change"];
  onSelect: Props["onSelect"];
}) {
  const { gi, ii, ti, code, target, change } = props;
  const t = useT();
  const n = ti + 1;
  const set = (fn: (x: Target) => void) => change((d) => fn(d.extract.goals[gi]!.indicators[ii]!.targets[ti]!));
  return (
    <Group
      gap="xs"
      align="end"
      wrap="wrap"
      onFocusCapture={(e) => {
        e.stopPropagation();
        props.onSelect(`goals.${gi}.indicators.${ii}.targets.${ti}`);
      }}
      data-testid={`import-target-${code}-${n}`}
    >
      <TextInput
        w={140}
        label={t("import.target.subject")}
        aria-label={`${t("import.target.subject")} ${code} (${n})`}
        value={target.subject ?? ""}
        onChange={(e) => {
          const v = e.currentTarget.value;
          set((x) => (x.subject = v || null));
        }}
      />
      <NativeSelect
        w={90}
        label={t("import.target.comparator")}
        aria-label={`${t("import.target.comparator")} ${code} (${n})`}
        value={target.comparator}
        data={COMPARATORS.map((c) => ({ value: c, label: COMPARATOR_SYMBOL[c] }))}
        onChange={(e) => {
          const v = e.currentTarget.value as Comparator;
          set((x) => (x.comparator = v));
        }}
      />
      <NumberInput
        w={100}
        label={t("import.target.value")}
        aria-label={`${t("import.target.value")} ${code} (${n})`}
        value={target.value ?? ""}
        decimalSeparator=","
        thousandSeparator="."
        onChange={(v) => set((x) => (x.value = num(v)))}
      />
      <NativeSelect
        w={100}
        label={t("import.target.unit")}
        aria-label={`${t("import.target.unit")} ${code} (${n})`}
        value={target.unit ?? ""}
        data={[{ value: "", label: UNIT_LABEL.none }, ...TARGET_UNITS.map((u) => ({ value: u, label: UNIT_LABEL[u] }))]}
        onChange={(e) => {
          const v = e.currentTarget.value;
          set((x) => (x.unit = v ? (v as TargetUnit) : null));
        }}
      />
      <NumberInput
        w={90}
        label={t("import.target.year")}
        aria-label={`${t("import.target.year")} ${code} (${n})`}
        value={target.year ?? ""}
        thousandSeparator={false}
        onChange={(v) => set((x) => (x.year = num(v)))}
      />
      <NumberInput
        w={100}
        label={t("import.target.baseline")}
        aria-label={`${t("import.target.baseline")} ${code} (${n})`}
        value={target.baseline ?? ""}
        decimalSeparator=","
        thousandSeparator="."
        onChange={(v) => set((x) => (x.baseline = num(v)))}
      />
      <ActionIcon
        variant="subtle"
        color="red"
        aria-label={`${t("import.target.remove")} ${code} (${n})`}
        onClick={() => change((d) => d.extract.goals[gi]!.indicators[ii]!.targets.splice(ti, 1))}
      >
        ×
      </ActionIcon>
    </Group>
  );
}
