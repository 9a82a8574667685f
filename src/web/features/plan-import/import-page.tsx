import { Paper, Stack, Text, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import type { PlanImportResult } from "../../../contract/plan-import";
import { todayInVietnam } from "../../i18n/format";
import { useT } from "../../i18n/i18n";
import { useMe } from "../auth/session";
import { useUnit } from "../units/api";
import { UnitPicker } from "../units/unit-picker";
import { ReviewStep } from "./review-step";
import { UploadStep } from "./upload-step";

/** "Nhập kế hoạch từ văn bản": upload a plan document, review what was read, save it as a draft plan. */
export function PlanImportPage() {
  const t = useT();
  const me = useMe();
  const [unitId, setUnitId] = useState<number | null>(me.unitId);
  const unit = useUnit(unitId ?? 0, todayInVietnam(), unitId !== null);
  const [read, setRead] = useState<{ result: PlanImportResult; upperPlanId: number | null } | null>(null);
  useEffect(() => {
    document.title = `${t("import.title.page")} — ${t("app.name")}`;
  }, [t]);

  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t("import.title.page")}
      </Title>
      {!read && (
        <>
          <Text c="dimmed" maw={760}>
            {t("import.intro")}
          </Text>
          {me.unitId === null && (
            <Paper withBorder p="md" radius="md" maw={760}>
              <UnitPicker label={t("plans.pickUnit")} value={unit.data?.unit ?? null} onChange={setUnitId} />
            </Paper>
          )}
          {unitId !== null && (
            <UploadStep unitId={unitId} onRead={(result, upperPlanId) => setRead({ result, upperPlanId })} />
          )}
        </>
      )}
      {read && unitId !== null && (
        <ReviewStep
          result={read.result}
          unitId={unitId}
          upperPlanId={read.upperPlanId}
          onRestart={() => setRead(null)}
        />
      )}
    </Stack>
  );
}
