import { ActionIcon, Box, Group, Loader, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import type { Unit } from "../../../contract/unit";
import { ErrorAlert } from "../../app/error-alert";
import { BlockSkeleton } from "../../app/page-states";
import { formatNumber } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { useChildren, useRootUnit } from "./api";
import { UnitTypeBadge } from "./unit-labels";

// A disclosure tree (nested lists of links with expand buttons): children are
// fetched only when a node is opened, so the 3,321 communes never load at once,
// and any depth works — the tree before 2025 has one more level than after.

export function UnitTree({ asOf }: { asOf: string }) {
  const { t } = useI18n();
  const root = useRootUnit(asOf);
  if (root.isPending) return <BlockSkeleton rows={6} />;
  if (root.isError) return <ErrorAlert error={root.error} onRetry={() => void root.refetch()} />;
  return (
    <Box component="ul" aria-label={t("units.tree")} className="bd-tree" m={0} p={0}>
      <UnitNode unit={root.data} asOf={asOf} initiallyOpen />
    </Box>
  );
}

function Chevron({ open }: { open: boolean }) {
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 16 16"
      aria-hidden="true"
      style={{ transform: open ? "rotate(90deg)" : undefined }}
    >
      <path d="M6 3l5 5-5 5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

function UnitNode({ unit, asOf, initiallyOpen = false }: { unit: Unit; asOf: string; initiallyOpen?: boolean }) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(initiallyOpen);
  const hasChildren = unit.childCount > 0;
  const label = open ? t("units.collapse", { name: unit.fullName }) : t("units.expand", { name: unit.fullName });
  const childrenId = `unit-children-${unit.id}`;
  return (
    <li className="bd-tree-item">
      <Group gap={6} wrap="nowrap" className="bd-tree-row">
        {hasChildren ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            aria-label={label}
            aria-expanded={open}
            aria-controls={open ? childrenId : undefined}
            onClick={() => setOpen((v) => !v)}
          >
            <Chevron open={open} />
          </ActionIcon>
        ) : (
          <Box w={22} aria-hidden />
        )}
        <Link to="/units/$unitId" params={{ unitId: String(unit.id) }} search={{ asOf }} className="bd-tree-link">
          {unit.fullName}
        </Link>
        <Box visibleFrom="sm">
          <UnitTypeBadge unit={unit} />
        </Box>
        {hasChildren && (
          <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
            {formatNumber(unit.childCount, locale)}
          </Text>
        )}
      </Group>
      {open && hasChildren && <UnitChildren id={childrenId} unitId={unit.id} asOf={asOf} />}
    </li>
  );
}

function UnitChildren({ id, unitId, asOf }: { id: string; unitId: number; asOf: string }) {
  const { t } = useI18n();
  const children = useChildren(unitId, asOf);
  if (children.isPending) {
    return (
      <Group gap="xs" pl={28} py={4} role="status">
        <Loader size="xs" aria-hidden />
        <Text size="sm" c="dimmed">
          {t("app.loading")}
        </Text>
      </Group>
    );
  }
  if (children.isError) return <ErrorAlert error={children.error} onRetry={() => void children.refetch()} />;
  return (
    <ul id={id} className="bd-tree-group">
      {children.data.map((child) => (
        <UnitNode key={child.id} unit={child} asOf={asOf} />
      ))}
    </ul>
  );
}
