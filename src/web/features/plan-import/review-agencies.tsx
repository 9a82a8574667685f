import { Button, List, NativeSelect, Stack, Text } from "@mantine/core";
import type { PlanImportResult } from "../../../contract/plan-import";
import { AGENCY_TYPES } from "../../../core/agencies";
import type { ResponsibilityRole } from "../../../core/plan";
import { useI18n, useT } from "../../i18n/i18n";
import { type ImportDraft, rowKey } from "./import-draft";
import { Section } from "./review-sections";

interface Props {
  draft: ImportDraft;
  change: (fn: (d: ImportDraft) => void) => void;
  onSelect: (path: string) => void;
}

/** Each agency named in "Tổ chức thực hiện": an existing agency of the unit, a new one, or left out. */
export function AgenciesSection({ result, draft, change, onSelect }: Props & { result: PlanImportResult }) {
  const t = useT();
  const names = [...new Set(draft.extract.assignments.map((a) => a.agency))];
  return (
    <Section title={t("import.agencies")} testId="review-agencies">
      <Stack gap="sm">
        {names.length === 0 && <Text c="dimmed">{t("import.none")}</Text>}
        {names.map((name) => {
          const choice = draft.agencies[name] ?? { mode: "skip" as const };
          const value =
            choice.mode === "existing"
              ? `a:${choice.agencyId}`
              : choice.mode === "create"
                ? `new:${choice.type}`
                : "skip";
          const suggested = result.agencySuggestions.find((s) => s.name === name)?.type ?? "khac";
          const assignments = draft.extract.assignments.map((a, i) => ({ a, i })).filter(({ a }) => a.agency === name);
          return (
            <Stack key={name} gap={4} onFocusCapture={() => onSelect(`assignments.${assignments[0]?.i ?? 0}`)}>
              <NativeSelect
                label={t("import.agencyFor", { name })}
                value={value}
                data={[
                  {
                    group: t("import.agencyExisting"),
                    items: result.agencies.map((a) => ({ value: `a:${a.id}`, label: a.name })),
                  },
                  {
                    group: t("import.agencyCreate"),
                    items: [suggested, ...AGENCY_TYPES.filter((x) => x !== suggested)].map((type) => ({
                      value: `new:${type}`,
                      label: t("import.agencyCreateAs", { type: t(`import.agencyType.${type}`) }),
                    })),
                  },
                  { value: "skip", label: t("import.agencySkip") },
                ]}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  change((x) => {
                    if (v.startsWith("a:")) x.agencies[name] = { mode: "existing", agencyId: Number(v.slice(2)) };
                    else if (v.startsWith("new:"))
                      x.agencies[name] = { mode: "create", type: v.slice(4) as (typeof AGENCY_TYPES)[number] };
                    else x.agencies[name] = { mode: "skip" };
                  });
                }}
              />
              <Text size="sm" c="dimmed">
                {assignments
                  .map(
                    ({ a }) =>
                      `${t(`plans.role.${a.role as ResponsibilityRole}`)}: ${a.goal ?? "?"}${a.indicator !== null ? `.${a.indicator}` : ` (${t("import.wholeGoal")})`}`,
                  )
                  .join("; ")}
              </Text>
            </Stack>
          );
        })}
      </Stack>
    </Section>
  );
}

/** What the parser could not read cleanly; a click shows where. */
export function WarningsSection({
  result,
  onSelectSpan,
}: {
  result: PlanImportResult;
  onSelectSpan: (i: number) => void;
}) {
  const { t, locale } = useI18n();
  return (
    <Section title={t("import.warnings", { count: result.warnings.length })} testId="review-warnings">
      {result.warnings.length === 0 ? (
        <Text c="dimmed">{t("import.none")}</Text>
      ) : (
        <List size="sm" spacing={4}>
          {result.warnings.map((w, i) => (
            <List.Item key={rowKey("w", i)}>
              {w.span ? (
                <Button
                  variant="transparent"
                  size="compact-sm"
                  px={0}
                  onClick={() => onSelectSpan(i)}
                  style={{ whiteSpace: "normal", textAlign: "left", height: "auto" }}
                >
                  {locale === "vi" ? w.message : w.messageEn}
                </Button>
              ) : locale === "vi" ? (
                w.message
              ) : (
                w.messageEn
              )}
            </List.Item>
          ))}
        </List>
      )}
    </Section>
  );
}
