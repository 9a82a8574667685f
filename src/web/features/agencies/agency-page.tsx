import { Badge, Breadcrumbs, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useNavigate, useParams } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { ErrorAlert } from "../../app/error-alert";
import { AnchorLink } from "../../app/links";
import { BlockSkeleton } from "../../app/page-states";
import { formatDate, formatDateTime, todayInVietnam } from "../../i18n/format";
import { useT } from "../../i18n/i18n";
import { AuditTable } from "../audit/audit-table";
import { useMe } from "../auth/session";
import { useUnit } from "../units/api";
import { CloseAgencyModal, DeleteAgencyModal } from "./agency-close-delete";
import { AgencyFormModal } from "./agency-form-modal";
import { canWriteAgencies, useAgency } from "./api";

type Dialog = "edit" | "close" | "delete" | null;

/** One agency: its facts, the actions allowed, and its full history. */
export function AgencyPage() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const { agencyId } = useParams({ strict: false }) as { agencyId: string };
  const agency = useAgency(Number(agencyId));
  const unit = useUnit(agency.data?.unitId ?? 0, todayInVietnam(), agency.data !== undefined);
  const [dialog, setDialog] = useState<Dialog>(null);
  useEffect(() => {
    if (agency.data) document.title = `${agency.data.name} — ${t("app.name")}`;
  }, [agency.data, t]);

  if (agency.isError) return <ErrorAlert error={agency.error} onRetry={() => void agency.refetch()} />;
  if (!agency.data) return <BlockSkeleton rows={6} />;
  const a = agency.data;
  const u = unit.data;
  const unitPath = u ? [...u.ancestors.map((x) => x.id), u.unit.id] : [];
  const canWrite = u !== undefined && canWriteAgencies(me, unitPath);
  const isOpen = a.closedOn === null;

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Breadcrumbs separator="›" separatorMargin={6} aria-label={t("units.breadcrumb")}>
          <AnchorLink to="/agencies" search={{ unitId: a.unitId }} size="sm">
            {t("agencies.title")}
          </AnchorLink>
          {u && (
            <AnchorLink
              to="/units/$unitId"
              params={{ unitId: String(u.unit.id) }}
              search={{ tab: "agencies" }}
              size="sm"
            >
              {u.unit.fullName}
            </AnchorLink>
          )}
        </Breadcrumbs>
        <Group gap="sm">
          <Title order={1} size="h2">
            {a.name}
          </Title>
          <Badge variant="light" color={isOpen ? "teal" : "gray"} tt="none" radius="sm">
            {isOpen ? t("agencies.open") : t("agencies.closedOn", { date: formatDate(a.closedOn) })}
          </Badge>
        </Group>
      </Stack>
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg" style={{ flex: 1 }}>
            <Fact label={t("agencies.shortName")} value={a.shortName ?? "—"} />
            <Fact label={t("agencies.type")} value={t(`agencyType.${a.type}`)} />
            <Fact label={t("agencies.unit")} value={u?.unit.fullName ?? "…"} />
          </SimpleGrid>
          {canWrite && (
            <Group gap="xs">
              {isOpen && <Button onClick={() => setDialog("edit")}>{t("agencies.edit")}</Button>}
              {isOpen && (
                <Button variant="default" onClick={() => setDialog("close")}>
                  {t("agencies.close")}
                </Button>
              )}
              <Button variant="outline" color="red.9" onClick={() => setDialog("delete")}>
                {t("agencies.delete")}
              </Button>
            </Group>
          )}
        </Group>
        <Text size="xs" c="dimmed" mt="sm">
          {t("agencies.updatedAt", { at: formatDateTime(a.updatedAt) })}
        </Text>
      </Paper>
      <Title order={2} size="h3">
        {t("audit.title")}
      </Title>
      <AuditTable objectType="agency" objectId={String(a.id)} />
      <AgencyFormModal
        opened={dialog === "edit"}
        agency={a}
        unitId={a.unitId}
        onClose={() => setDialog(null)}
        onSaved={() => setDialog(null)}
      />
      <CloseAgencyModal
        agency={dialog === "close" ? a : null}
        onClose={() => setDialog(null)}
        onDone={() => setDialog(null)}
      />
      <DeleteAgencyModal
        agency={dialog === "delete" ? a : null}
        onClose={() => setDialog(null)}
        onDone={() => void navigate({ to: "/agencies", search: { unitId: a.unitId } })}
      />
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {value}
      </Text>
    </div>
  );
}
