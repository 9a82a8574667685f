import { Stack, Title } from "@mantine/core";
import { useParams } from "@tanstack/react-router";
import { useEffect } from "react";
import { AnchorLink } from "../../app/links";
import { hasMessage, useT } from "../../i18n/i18n";
import { useAgency } from "../agencies/api";
import { AuditTable } from "./audit-table";

/** History of any audited object: /history/agency/5, /history/unit/97. */
export function HistoryPage() {
  const t = useT();
  const { objectType, objectId } = useParams({ strict: false }) as { objectType: string; objectId: string };
  const isAgency = objectType === "agency";
  const agency = useAgency(Number(objectId), isAgency);
  const typeKey = `audit.objectType.${objectType}`;
  const typeName = hasMessage(typeKey) ? t(typeKey) : objectType;
  const title = agency.data
    ? t("audit.titleOf", { name: agency.data.name })
    : t("audit.objectTitle", { type: typeName, id: objectId });
  useEffect(() => {
    document.title = `${title} — ${t("app.name")}`;
  }, [title, t]);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        {agency.data && (
          <div>
            <AnchorLink to="/agencies/$agencyId" params={{ agencyId: String(agency.data.id) }} size="sm">
              {typeName}: {agency.data.name}
            </AnchorLink>
          </div>
        )}
        <Title order={1} size="h2">
          {title}
        </Title>
      </Stack>
      <AuditTable objectType={objectType} objectId={objectId} />
    </Stack>
  );
}
