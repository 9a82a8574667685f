import { Badge, Group, Text } from "@mantine/core";
import type { Unit } from "../../../contract/unit";
import { AnchorLink } from "../../app/links";
import { formatDate, formatLastValidDay } from "../../i18n/format";
import type { Translate } from "../../i18n/i18n";
import { useI18n } from "../../i18n/i18n";

/** The name to show: Vietnamese always (official names); English UI adds the ASCII form when known. */
export function unitName(unit: Pick<Unit, "fullName">): string {
  return unit.fullName;
}

/** "Từ 01/07/2025", "Đến hết 30/06/2025" — validTo is exclusive, so the last day is one before it. */
export function validityText(unit: Pick<Unit, "validFrom" | "validTo">, t: Translate): string {
  const from = formatDate(unit.validFrom);
  const to = formatLastValidDay(unit.validTo);
  if (from && to) return t("units.validFromTo", { from, to });
  if (from) return t("units.validFrom", { from });
  if (to) return t("units.validTo", { to });
  return t("units.validAlways");
}

export function UnitTypeBadge({ unit }: { unit: Pick<Unit, "type"> }) {
  const { t } = useI18n();
  return (
    <Badge variant="light" color="gray" radius="sm" tt="none" fw={500}>
      {t(`unitType.${unit.type}`)}
    </Badge>
  );
}

export function ValidityBadge({ unit }: { unit: Pick<Unit, "validTo"> }) {
  const { t } = useI18n();
  const ended = unit.validTo !== null;
  return (
    <Badge variant="light" color={ended ? "orange" : "teal"} radius="sm" tt="none" fw={500}>
      {ended ? t("units.ended") : t("units.current")}
    </Badge>
  );
}

/** A link to a unit's page, seen on a day inside its validity. */
export function UnitLink({ unit, asOf }: { unit: Pick<Unit, "id" | "fullName">; asOf?: string }) {
  return (
    <AnchorLink to="/units/$unitId" params={{ unitId: String(unit.id) }} search={asOf ? { asOf } : {}} size="sm">
      {unitName(unit)}
    </AnchorLink>
  );
}

export function UnitSummary({ unit }: { unit: Unit }) {
  const { t } = useI18n();
  return (
    <Group gap={6} wrap="wrap">
      <UnitTypeBadge unit={unit} />
      <Text size="xs" c="dimmed">
        {unit.code}
        {unit.childCount > 0 ? ` · ${t("units.childCount", { n: unit.childCount })}` : ""}
      </Text>
    </Group>
  );
}
