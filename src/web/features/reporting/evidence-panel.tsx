import { Anchor, Button, FileButton, Group, List, Progress, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Form } from "../../../contract/data-value";
import { ErrorAlert } from "../../app/error-alert";
import { formatDateTime } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { useSession } from "../auth/session";
import { evidenceUrl, formKey } from "./api";
import { uploadFile } from "./upload";

const ACCEPT = ".pdf,.docx,.xlsx,.jpg,.jpeg,.png";

/** Files attached as evidence (minh chứng): listed for everyone, added while the form is editable. */
export function EvidencePanel({ form }: { form: Form }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const csrfToken = useSession().data?.csrfToken ?? null;
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  const upload = (file: File | null) => {
    if (!file) return;
    setError(null);
    setProgress(0);
    uploadFile({
      path: `/rounds/${form.round.id}/forms/${form.reporter.key}/evidence`,
      file,
      csrfToken,
      onProgress: setProgress,
    })
      .then(() => client.invalidateQueries({ queryKey: formKey(form.round.id, form.reporter.key) }))
      .catch(setError)
      .finally(() => setProgress(null));
  };

  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t("reporting.evidence.title")}
      </Title>
      {form.evidence.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("reporting.evidence.none")}
        </Text>
      ) : (
        <List size="sm">
          {form.evidence.map((e) => (
            <List.Item key={e.id}>
              <Anchor href={evidenceUrl(e.id)} download>
                {e.name}
              </Anchor>{" "}
              <Text span size="xs" c="dimmed">
                ({Math.max(1, Math.round(e.size / 1024))} KB · {formatDateTime(e.uploadedAt)})
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      {form.editable && (
        <Group>
          <FileButton onChange={upload} accept={ACCEPT}>
            {(props) => (
              <Button {...props} variant="default" size="sm" loading={progress !== null}>
                {t("reporting.evidence.add")}
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            {t("reporting.evidence.hint")}
          </Text>
        </Group>
      )}
      {progress !== null && <Progress value={progress} aria-label={t("reporting.evidence.uploading")} />}
      {error !== null && <ErrorAlert error={error} />}
    </Stack>
  );
}
