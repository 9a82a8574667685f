import { Badge, Button, Group, Menu, Paper, Switch, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { Agency } from "../../../contract/agency";
import type { Unit } from "../../../contract/unit";
import { ErrorAlert } from "../../app/error-alert";
import { AnchorLink, ButtonLink } from "../../app/links";
import { BlockSkeleton } from "../../app/page-states";
import { formatDate } from "../../i18n/format";
import { useT } from "../../i18n/i18n";
import { useMe } from "../auth/session";
import { CloseAgencyModal, DeleteAgencyModal } from "./agency-close-delete";
import { AgencyFormModal } from "./agency-form-modal";
import { canWriteAgencies, useAgencies } from "./api";

interface Props {
  unit: Unit;
  /** Ancestor ids of the unit, root first, the unit last (for the access rule). */
  unitPath: readonly number[];
}

type Dialog = { kind: "create" } | { kind: "edit" | "close" | "delete"; agency: Agency } | null;

/** The agencies of one unit, with create / rename / retype / close / delete. */
export function AgencyList({ unit, unitPath }: Props) {
  const t = useT();
  const me = useMe();
  const [showClosed, setShowClosed] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [status, setStatus] = useState("");
  const agencies = useAgencies(unit.id, showClosed);
  const canWrite = canWriteAgencies(me, unitPath);
  const canAdd = canWrite && unit.validTo === null;
  const closeDialog = () => setDialog(null);
  const done = (message: string) => () => {
    setDialog(null);
    setStatus(message);
  };
  const target = (kind: "edit" | "close" | "delete") => (dialog && dialog.kind === kind ? dialog.agency : null);

  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4">
          {t("agencies.ofUnit", { unit: unit.fullName })}
        </Title>
        <Group gap="md">
          <Switch
            label={t("agencies.showClosed")}
            checked={showClosed}
            onChange={(e) => setShowClosed(e.currentTarget.checked)}
          />
          {canAdd && <Button onClick={() => setDialog({ kind: "create" })}>{t("agencies.add")}</Button>}
        </Group>
      </Group>
      <Text size="sm" role="status" aria-live="polite" c="teal.9" mih={status ? undefined : 0}>
        {status}
      </Text>
      {agencies.isPending ? (
        <BlockSkeleton rows={5} />
      ) : agencies.isError ? (
        <ErrorAlert error={agencies.error} onRetry={() => void agencies.refetch()} />
      ) : agencies.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("agencies.none")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table
            striped
            highlightOnHover
            verticalSpacing="xs"
            aria-label={t("agencies.ofUnit", { unit: unit.fullName })}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("agencies.name")}</Table.Th>
                <Table.Th scope="col">{t("agencies.type")}</Table.Th>
                <Table.Th scope="col">{t("agencies.status")}</Table.Th>
                <Table.Th scope="col">
                  <span className="bd-visually-hidden">{t("agencies.actions")}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {agencies.data.map((agency) => (
                <AgencyRow
                  key={agency.id}
                  agency={agency}
                  canWrite={canWrite}
                  onAction={(kind) => {
                    setStatus("");
                    setDialog({ kind, agency });
                  }}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <AgencyFormModal
        opened={dialog?.kind === "create" || dialog?.kind === "edit"}
        agency={target("edit")}
        unitId={unit.id}
        onClose={closeDialog}
        onSaved={done(t("agencies.saved"))}
      />
      <CloseAgencyModal agency={target("close")} onClose={closeDialog} onDone={done(t("agencies.saved"))} />
      <DeleteAgencyModal agency={target("delete")} onClose={closeDialog} onDone={done(t("agencies.deleted"))} />
    </Paper>
  );
}

function AgencyRow(props: {
  agency: Agency;
  canWrite: boolean;
  onAction: (kind: "edit" | "close" | "delete") => void;
}) {
  const { agency, canWrite, onAction } = props;
  const t = useT();
  const isOpen = agency.closedOn === null;
  return (
    <Table.Tr data-testid="agency-row">
      <Table.Td>
        <AnchorLink to="/agencies/$agencyId" params={{ agencyId: String(agency.id) }} size="sm" fw={500}>
          {agency.name}
        </AnchorLink>
        {agency.shortName && (
          <Text span size="xs" c="dimmed" ml={6}>
            ({agency.shortName})
          </Text>
        )}
      </Table.Td>
      <Table.Td>{t(`agencyType.${agency.type}`)}</Table.Td>
      <Table.Td>
        <Badge variant="light" color={isOpen ? "teal" : "gray"} tt="none" radius="sm">
          {isOpen ? t("agencies.open") : t("agencies.closedOn", { date: formatDate(agency.closedOn) })}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Group gap={4} justify="flex-end" wrap="nowrap">
          {canWrite && isOpen && (
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => onAction("edit")}
              aria-label={t("agencies.editOf", { name: agency.name })}
            >
              {t("agencies.edit")}
            </Button>
          )}
          <ButtonLink
            size="compact-sm"
            variant="subtle"
            to="/history/$objectType/$objectId"
            params={{ objectType: "agency", objectId: String(agency.id) }}
            aria-label={t("agencies.historyOf", { name: agency.name })}
          >
            {t("agencies.history")}
          </ButtonLink>
          {canWrite && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="gray"
                  aria-label={t("agencies.moreActions", { name: agency.name })}
                >
                  …
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {isOpen && <Menu.Item onClick={() => onAction("close")}>{t("agencies.close")}</Menu.Item>}
                <Menu.Item color="red.9" onClick={() => onAction("delete")}>
                  {t("agencies.delete")}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
