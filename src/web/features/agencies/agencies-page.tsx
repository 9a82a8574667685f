import { Paper, Stack, Title } from "@mantine/core";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useEffect } from "react";
import { ErrorAlert } from "../../app/error-alert";
import { BlockSkeleton } from "../../app/page-states";
import { todayInVietnam } from "../../i18n/format";
import { useT } from "../../i18n/i18n";
import { useMe } from "../auth/session";
import { useUnit } from "../units/api";
import { UnitPicker } from "../units/unit-picker";
import { AgencyList } from "./agency-list";

/** Agencies of the user's own unit by default; any other unit through the picker (?unitId=). */
export function AgenciesPage() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as { unitId?: unknown };
  const chosen = Number(search.unitId);
  const unitId = Number.isInteger(chosen) && chosen > 0 ? chosen : me.unitId;
  useEffect(() => {
    document.title = `${t("agencies.title")} — ${t("app.name")}`;
  }, [t]);

  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t("agencies.title")}
      </Title>
      <Paper withBorder p="md" radius="md">
        <UnitPickerForPage
          unitId={unitId}
          onChange={(id) => void navigate({ to: ".", search: { unitId: id }, replace: true })}
        />
      </Paper>
      {unitId !== null && <AgenciesOfUnit unitId={unitId} />}
    </Stack>
  );
}

function UnitPickerForPage({ unitId, onChange }: { unitId: number | null; onChange: (id: number) => void }) {
  const t = useT();
  const unit = useUnit(unitId ?? 0, todayInVietnam(), unitId !== null);
  const value = unitId !== null && unit.data ? unit.data.unit : null;
  return <UnitPicker label={t("agencies.pickUnit")} value={value} onChange={onChange} />;
}

function AgenciesOfUnit({ unitId }: { unitId: number }) {
  const unit = useUnit(unitId, todayInVietnam());
  if (unit.isPending) return <BlockSkeleton rows={6} />;
  if (unit.isError) return <ErrorAlert error={unit.error} onRetry={() => void unit.refetch()} />;
  const { unit: u, ancestors } = unit.data;
  return <AgencyList unit={u} unitPath={[...ancestors.map((a) => a.id), u.id]} />;
}
