import { Badge, Button, Grid, Group, Stack, Text } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { useCallback, useState } from "react";
import type { PlanImportResult } from "../../../contract/plan-import";
import { ErrorAlert } from "../../app/error-alert";
import { useT } from "../../i18n/i18n";
import { useSavePlanImport } from "./api";
import { type ImportDraft, initialDraft, toSaveInput, updateDraft } from "./import-draft";
import { AgenciesSection, WarningsSection } from "./review-agencies";
import { ReviewGoals } from "./review-goals";
import { HeaderSection, LegalBasisSection, ReportingSection, Section } from "./review-sections";
import { SourceText } from "./source-text";

interface Props {
  result: PlanImportResult;
  unitId: number;
  upperPlanId: number | null;
  onRestart: () => void;
}

type Span = { start: number; end: number };

/** Source text on the left, the structured plan on the right; save as a draft plan. */
export function ReviewStep({ result, unitId, upperPlanId, onRestart }: Props) {
  const t = useT();
  const navigate = useNavigate();
  const save = useSavePlanImport();
  const [draft, setDraft] = useState<ImportDraft>(() => initialDraft(result));
  const [span, setSpan] = useState<Span | null>(null);
  const change = useCallback((fn: (d: ImportDraft) => void) => setDraft((d) => updateDraft(d, fn)), []);
  // The closest recorded span: a target's own, else its indicator's, else its goal's.
  const onSelect = useCallback(
    (path: string) => {
      const parts = path.split(".");
      for (let n = parts.length; n > 0; n--) {
        const found = result.spans[parts.slice(0, n).join(".")];
        if (found) {
          setSpan((s) => (s && s.start === found.start && s.end === found.end ? s : found));
          return;
        }
      }
    },
    [result.spans],
  );
  const indicators = draft.extract.goals.reduce((n, g) => n + g.indicators.length, 0);
  const linked = Object.values(draft.links).filter(Boolean).length;

  async function submit() {
    const saved = await save.mutateAsync(toSaveInput(draft, { unitId, upperPlanId, fileName: result.fileName }));
    await navigate({ to: "/plans/$planId", params: { planId: String(saved.planId) } });
  }

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group gap="xs">
          <Text fw={600}>{result.fileName}</Text>
          <Badge variant="light" data-testid="import-summary">
            {t("import.summary", { goals: draft.extract.goals.length, indicators, linked })}
          </Badge>
        </Group>
        <Group gap="xs">
          <Button variant="default" onClick={onRestart}>
            {t("import.restart")}
          </Button>
          <Button onClick={() => void submit().catch(() => {})} loading={save.isPending}>
            {t("import.save")}
          </Button>
        </Group>
      </Group>
      {save.isError && <ErrorAlert error={save.error} />}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <div style={{ position: "sticky", top: 70 }}>
            <SourceText text={result.text} span={span} />
          </div>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <WarningsSection result={result} onSelectSpan={(i) => setSpan(result.warnings[i]?.span ?? null)} />
            <HeaderSection draft={draft} change={change} onSelect={onSelect} />
            <LegalBasisSection draft={draft} change={change} onSelect={onSelect} />
            <Section title={t("import.goals")}>
              <ReviewGoals result={result} draft={draft} change={change} onSelect={onSelect} />
            </Section>
            <AgenciesSection result={result} draft={draft} change={change} onSelect={onSelect} />
            <ReportingSection draft={draft} change={change} onSelect={onSelect} />
            {save.isError && <ErrorAlert error={save.error} />}
            <Group justify="end">
              <Button onClick={() => void submit().catch(() => {})} loading={save.isPending}>
                {t("import.save")}
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
