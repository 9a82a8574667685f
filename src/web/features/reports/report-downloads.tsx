import { Anchor, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useI18n } from "../../i18n/i18n";
import { csvUrl, type DashboardKey, reportUrl } from "../dashboard/api";

/**
 * The report documents of one selection: the full version for signing and sending up,
 * and the public version (GBV counts 1–4 suppressed, core/suppression.ts) for publishing.
 */
export function ReportDownloads({ dashKey }: { dashKey: DashboardKey }) {
  const { t } = useI18n();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="report-downloads">
      <Stack gap="md">
        <Title order={2} size="h3" id="report-downloads">
          {t("reports.downloads")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("reports.draftNote")}
        </Text>
        <DownloadSet dashKey={dashKey} isPublic={false} />
        <DownloadSet dashKey={dashKey} isPublic />
      </Stack>
    </Paper>
  );
}

function DownloadSet({ dashKey, isPublic }: { dashKey: DashboardKey; isPublic: boolean }) {
  const { t } = useI18n();
  const headingId = isPublic ? "report-downloads-public" : "report-downloads-full";
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId} data-testid={headingId}>
      <Title order={3} size="h4" id={headingId}>
        {t(isPublic ? "reports.public" : "reports.full")}
      </Title>
      <Text size="sm">{t(isPublic ? "reports.publicNote" : "reports.fullNote")}</Text>
      <Group>
        <Button component="a" href={reportUrl(dashKey, "docx", isPublic)} download>
          {t(isPublic ? "reports.publicDocx" : "reports.docx")}
        </Button>
        <Button component="a" variant="light" href={reportUrl(dashKey, "xlsx", isPublic)} download>
          {t(isPublic ? "reports.publicXlsx" : "reports.xlsx")}
        </Button>
        <Anchor href={csvUrl(dashKey, "indicators", isPublic)} download>
          {t(isPublic ? "reports.publicCsvIndicators" : "reports.csvIndicators")}
        </Anchor>
        <Anchor href={csvUrl(dashKey, "lowerUnits", isPublic)} download>
          {t(isPublic ? "reports.publicCsvLower" : "reports.csvLower")}
        </Anchor>
        {!isPublic && (
          <Anchor href={csvUrl(dashKey, "reporters", false)} download>
            {t("reports.csvReporters")}
          </Anchor>
        )}
      </Group>
    </Stack>
  );
}
