import {
  ActionIcon,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import type { ReactNode } from "react";
import { REPORT_KINDS, type ReportKind } from "../../../core/plan";
import { DateField, DayMonthField } from "../../app/date-field";
import { useT } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/vi";
import { type ImportDraft, rowKey } from "./import-draft";

interface Props {
  draft: ImportDraft;
  change: (fn: (d: ImportDraft) => void) => void;
  onSelect: (path: string) => void;
}

type Doc = ImportDraft["extract"]["document"];

export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title} data-testid={testId}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

const num = (v: string | number): number | null => (v === "" || Number.isNaN(Number(v)) ? null : Number(v));

/** Kind, number, symbol, place, date, title, period, signer. */
export function HeaderSection({ draft, change, onSelect }: Props) {
  const t = useT();
  const d = draft.extract.document;
  const text = (field: "number" | "symbol" | "place", key: MessageKey) => (
    <TextInput
      label={t(key)}
      value={d[field] ?? ""}
      onFocus={() => onSelect(`document.${field}`)}
      onChange={(e) => {
        const v = e.currentTarget.value;
        change((x) => (x.extract.document[field] = v || null));
      }}
    />
  );
  const setSigner = (patch: Partial<NonNullable<Doc["signer"]>>) =>
    change((x) => {
      x.extract.document.signer = { name: null, position: null, ...x.extract.document.signer, ...patch };
    });
  return (
    <Section title={t("import.header")}>
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t("import.kind")}
            value={d.kind}
            data={(["plan", "report", "other"] as const).map((k) => ({ value: k, label: t(`import.kind.${k}`) }))}
            onChange={(e) => {
              const v = e.currentTarget.value as Doc["kind"];
              change((x) => (x.extract.document.kind = v));
            }}
          />
          {text("number", "import.number")}
          {text("symbol", "import.symbol")}
          {text("place", "import.place")}
          <DateField
            label={t("import.date")}
            allowEmpty
            invalidMessage={t("form.invalidDate")}
            value={d.date ?? ""}
            onFocus={() => onSelect("document.date")}
            onChange={(v) => change((x) => (x.extract.document.date = v || null))}
          />
        </SimpleGrid>
        <Textarea
          label={t("import.title")}
          autosize
          minRows={1}
          value={d.title ?? ""}
          onFocus={() => onSelect("document.title")}
          onChange={(e) => {
            const v = e.currentTarget.value;
            change((x) => (x.extract.document.title = v || null));
          }}
        />
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <NumberInput
            label={t("import.periodFrom")}
            value={d.periodFrom ?? ""}
            thousandSeparator={false}
            onFocus={() => onSelect("document.title")}
            onChange={(v) => change((x) => (x.extract.document.periodFrom = num(v)))}
          />
          <NumberInput
            label={t("import.periodTo")}
            value={d.periodTo ?? ""}
            thousandSeparator={false}
            onFocus={() => onSelect("document.title")}
            onChange={(v) => change((x) => (x.extract.document.periodTo = num(v)))}
          />
          <TextInput
            label={t("import.signerName")}
            value={d.signer?.name ?? ""}
            onFocus={() => onSelect("document.signer")}
            onChange={(e) => setSigner({ name: e.currentTarget.value || null })}
          />
          <TextInput
            label={t("import.signerPosition")}
            value={d.signer?.position ?? ""}
            onFocus={() => onSelect("document.signer")}
            onChange={(e) => setSigner({ position: e.currentTarget.value || null })}
          />
        </SimpleGrid>
      </Stack>
    </Section>
  );
}

/** The documents the plan implements, one editable row each. */
export function LegalBasisSection({ draft, change, onSelect }: Props) {
  const t = useT();
  const rows = draft.extract.legalBasis;
  return (
    <Section title={t("import.legalBasis")}>
      <Stack gap="xs">
        {rows.length === 0 && <Text c="dimmed">{t("import.none")}</Text>}
        {rows.map((l, i) => {
          const set = (field: "type" | "number" | "date" | "issuer", v: string) =>
            change((x) => {
              const row = x.extract.legalBasis[i]!;
              if (field === "number") row.number = v;
              else row[field] = v || null;
            });
          return (
            <Group key={rowKey("lb", i)} gap="xs" align="end" onFocusCapture={() => onSelect(`legalBasis.${i}`)}>
              <TextInput
                w={120}
                label={t("import.lb.type")}
                value={l.type ?? ""}
                onChange={(e) => set("type", e.currentTarget.value)}
              />
              <TextInput
                w={150}
                label={t("import.lb.number")}
                value={l.number}
                onChange={(e) => set("number", e.currentTarget.value)}
              />
              <DateField
                w={120}
                label={t("import.lb.date")}
                allowEmpty
                invalidMessage={t("form.invalidDate")}
                value={l.date ?? ""}
                onChange={(v) => set("date", v)}
              />
              <TextInput
                flex={1}
                label={t("import.lb.issuer")}
                value={l.issuer ?? ""}
                onChange={(e) => set("issuer", e.currentTarget.value)}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`${t("import.remove")} ${l.number}`}
                onClick={() => change((x) => x.extract.legalBasis.splice(i, 1))}
              >
                ×
              </ActionIcon>
            </Group>
          );
        })}
        <Group>
          <Button
            size="xs"
            variant="subtle"
            onClick={() =>
              change((x) => x.extract.legalBasis.push({ number: "", date: null, type: null, issuer: null }))
            }
          >
            {t("import.add")}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}

/** Chế độ báo cáo and Tháng hành động. */
export function ReportingSection({ draft, change, onSelect }: Props) {
  const t = useT();
  const am = draft.extract.actionMonth;
  return (
    <Section title={t("import.reporting")}>
      <Stack gap="xs">
        {draft.extract.reporting.map((r, i) => (
          <Group key={rowKey("r", i)} gap="xs" align="end" onFocusCapture={() => onSelect(`reporting.${i}`)}>
            <NativeSelect
              w={120}
              label={t("plans.report.kind")}
              value={r.kind}
              data={REPORT_KINDS.map((k) => ({ value: k, label: t(`plans.report.${k}`) }))}
              onChange={(e) => {
                const v = e.currentTarget.value as ReportKind;
                change((x) => (x.extract.reporting[i]!.kind = v));
              }}
            />
            <DayMonthField
              w={120}
              label={t("plans.report.due")}
              invalidMessage={t("form.invalidDayMonth")}
              value={r.due}
              onChange={(v) => change((x) => (x.extract.reporting[i]!.due = v))}
            />
            <TextInput
              flex={1}
              label={t("plans.report.to")}
              value={r.to ?? ""}
              onChange={(e) => {
                const v = e.currentTarget.value;
                change((x) => (x.extract.reporting[i]!.to = v || null));
              }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`${t("import.remove")} ${t(`plans.report.${r.kind}`)}`}
              onClick={() => change((x) => x.extract.reporting.splice(i, 1))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            size="xs"
            variant="subtle"
            onClick={() =>
              change((x) => x.extract.reporting.push({ kind: "annual", due: "12-15", year: null, to: null }))
            }
          >
            {t("import.add")}
          </Button>
        </Group>
        <Group gap="xs" align="end" onFocusCapture={() => onSelect("actionMonth")}>
          <DayMonthField
            w={160}
            label={t("import.actionFrom")}
            allowEmpty
            invalidMessage={t("form.invalidDayMonth")}
            value={am?.from ?? ""}
            onChange={(v) =>
              change((x) => (x.extract.actionMonth = v ? { from: v, to: x.extract.actionMonth?.to ?? "12-15" } : null))
            }
          />
          <DayMonthField
            w={160}
            label={t("import.actionTo")}
            allowEmpty
            invalidMessage={t("form.invalidDayMonth")}
            value={am?.to ?? ""}
            onChange={(v) =>
              change(
                (x) => (x.extract.actionMonth = v ? { from: x.extract.actionMonth?.from ?? "11-15", to: v } : null),
              )
            }
          />
          <Text size="sm" c="dimmed">
            {t("import.actionHint")}
          </Text>
        </Group>
      </Stack>
    </Section>
  );
}
