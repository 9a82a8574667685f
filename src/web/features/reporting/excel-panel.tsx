import { Alert, Button, FileButton, Group, Paper, Progress, Stack, Table, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { Form, ImportJob } from "../../../contract/data-value";
import { ErrorAlert } from "../../app/error-alert";
import { useI18n } from "../../i18n/i18n";
import { useSession } from "../auth/session";
import { formKey, reporterTemplateUrl, useImportJob } from "./api";
import { uploadFile } from "./upload";

/** Download the reporter's Excel template; upload it filled (progress, then the job's cell errors). */
export function ExcelPanel({ form }: { form: Form }) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const csrfToken = useSession().data?.csrfToken ?? null;
  const [uploading, setUploading] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useImportJob(jobId);
  const status = job.data?.status;

  useEffect(() => {
    if (status === "done") void client.invalidateQueries({ queryKey: formKey(form.round.id, form.reporter.key) });
  }, [status, client, form.round.id, form.reporter.key]);

  const upload = (file: File | null) => {
    if (!file) return;
    setUploadError(null);
    setJobId(null);
    setUploading(0);
    uploadFile<ImportJob>({
      path: `/rounds/${form.round.id}/imports`,
      query: { reporterKey: form.reporter.key },
      file,
      csrfToken,
      onProgress: setUploading,
    })
      .then((started) => setJobId(started.id))
      .catch(setUploadError)
      .finally(() => setUploading(null));
  };

  const running = jobId !== null && status !== "done" && status !== "failed";
  const result = job.data?.result ?? null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="excel-title">
      <Title order={2} size="h4" id="excel-title" mb="xs">
        {t("reporting.excel.title")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("reporting.excel.hint")}
      </Text>
      <Group gap="sm">
        <Button component="a" href={reporterTemplateUrl(form.round.id, form.reporter.key)} download variant="default">
          {t("reporting.excel.download")}
        </Button>
        <FileButton onChange={upload} accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
          {(props) => (
            <Button {...props} variant="light" loading={uploading !== null || running}>
              {t("reporting.excel.upload")}
            </Button>
          )}
        </FileButton>
      </Group>
      <Stack gap="xs" mt="sm">
        {uploading !== null && (
          <Stack gap={2}>
            <Text size="sm">{t("reporting.excel.sending", { percent: uploading })}</Text>
            <Progress value={uploading} aria-label={t("reporting.excel.sending", { percent: uploading })} />
          </Stack>
        )}
        {running && job.data && (
          <Stack gap={2}>
            <Text size="sm">
              {t("reporting.excel.checking", { done: job.data.done, total: job.data.total || "…" })}
            </Text>
            <Progress
              value={job.data.total > 0 ? (job.data.done / job.data.total) * 100 : 5}
              animated
              aria-label={t("reporting.excel.checking", { done: job.data.done, total: job.data.total || "…" })}
            />
          </Stack>
        )}
        {uploadError !== null && <ErrorAlert error={uploadError} />}
        {job.isError && <ErrorAlert error={job.error} onRetry={() => void job.refetch()} />}
        {status === "done" && result && (
          <Alert color="green" variant="light" role="status" data-testid="import-done">
            {locale === "vi" ? result.message : result.messageEn} {t("reporting.excel.thenSubmit")}
          </Alert>
        )}
        {status === "failed" && result && (
          <Alert
            color="red"
            variant="light"
            role="alert"
            title={t("reporting.excel.nothingWritten")}
            data-testid="import-failed"
          >
            <Text size="sm" mb="xs">
              {locale === "vi" ? result.message : result.messageEn}
            </Text>
            {result.errors.length > 0 && (
              <Table withTableBorder aria-label={t("reporting.excel.errors")} data-testid="import-errors">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("reporting.excel.sheet")}</Table.Th>
                    <Table.Th>{t("reporting.excel.cell")}</Table.Th>
                    <Table.Th>{t("reporting.excel.message")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.errors.map((e, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: one cell can carry several errors
                    <Table.Tr key={`${e.sheet}-${e.cell}-${i}`}>
                      <Table.Td>{e.sheet}</Table.Td>
                      <Table.Td>{e.cell}</Table.Td>
                      <Table.Td>{locale === "vi" ? e.message : e.messageEn}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
