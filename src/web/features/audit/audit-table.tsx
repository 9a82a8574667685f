import { Badge, Paper, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { AuditEntry } from "../../../contract/audit";
import { api } from "../../app/api";
import { ErrorAlert } from "../../app/error-alert";
import { BlockSkeleton } from "../../app/page-states";
import { formatDate, formatDateTime, isIsoDate, todayInVietnam } from "../../i18n/format";
import { hasMessage, type Translate, useT } from "../../i18n/i18n";
import { useUnit } from "../units/api";
import { diffSnapshots, type FieldChange } from "./audit-diff";

export function auditQueryKey(objectType: string, objectId: string) {
  return ["audit", objectType, objectId] as const;
}

export function useAudit(objectType: string, objectId: string) {
  return useQuery({
    queryKey: auditQueryKey(objectType, objectId),
    queryFn: () => api.get<{ items: AuditEntry[] }>("/audit", { objectType, objectId }).then((r) => r.items),
  });
}

const ACTION_COLORS: Record<string, string> = { create: "teal", update: "blue", close: "orange", delete: "red" };

/** Who changed what, when (Vietnam time), newest first, with field-level old → new. */
export function AuditTable({ objectType, objectId }: { objectType: string; objectId: string }) {
  const t = useT();
  const audit = useAudit(objectType, objectId);
  if (audit.isPending) return <BlockSkeleton rows={3} />;
  if (audit.isError) return <ErrorAlert error={audit.error} onRetry={() => void audit.refetch()} />;
  if (audit.data.length === 0) {
    return (
      <Paper withBorder p="md" radius="md">
        <Text size="sm" c="dimmed">
          {t("audit.none")}
        </Text>
      </Paper>
    );
  }
  const entries = [...audit.data].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id));
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" aria-label={t("audit.title")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={150}>
                {t("audit.at")}
              </Table.Th>
              <Table.Th scope="col">{t("audit.actor")}</Table.Th>
              <Table.Th scope="col">{t("audit.action")}</Table.Th>
              <Table.Th scope="col">{t("audit.changes")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => (
              <Table.Tr key={entry.id} data-testid="audit-row">
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(entry.at)}</Table.Td>
                <Table.Td>{entry.actorName ?? t("audit.system")}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={ACTION_COLORS[entry.action] ?? "gray"} tt="none" radius="sm">
                    {actionLabel(entry.action, t)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Changes changes={diffSnapshots(entry.old, entry.new)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function actionLabel(action: string, t: Translate): string {
  const key = `audit.action.${action}`;
  return hasMessage(key) ? t(key) : action;
}

function Changes({ changes }: { changes: FieldChange[] }) {
  const t = useT();
  if (changes.length === 0) return null;
  return (
    <dl className="bd-changes">
      {changes.map((c) => (
        <div key={c.field}>
          <dt>{fieldLabel(c.field, t)}</dt>
          <dd>
            {c.old !== null && (
              <del>
                <Value field={c.field} value={c.old} />
              </del>
            )}
            {c.old !== null && c.new !== null && <span aria-hidden="true"> → </span>}
            {c.new !== null && (
              <ins>
                <Value field={c.field} value={c.new} />
              </ins>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function fieldLabel(field: string, t: Translate): string {
  const key = `audit.field.${field}`;
  return hasMessage(key) ? t(key) : field;
}

/** A unit id is shown as the unit's name. */
function Value({ field, value }: { field: string; value: unknown }) {
  const t = useT();
  if (field === "unitId" && typeof value === "number") return <UnitName id={value} />;
  return <>{showValue(field, value, t)}</>;
}

function UnitName({ id }: { id: number }) {
  const unit = useUnit(id, todayInVietnam());
  return <>{unit.data?.unit.fullName ?? `#${id}`}</>;
}

function showValue(field: string, value: unknown, t: Translate): string {
  if (value === null || value === undefined || value === "") return t("audit.empty");
  if (field === "type" && typeof value === "string") {
    const key = `agencyType.${value}`;
    if (hasMessage(key)) return t(key);
  }
  if (isIsoDate(value)) return formatDate(value);
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}
