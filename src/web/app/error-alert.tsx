import { Alert, Button, Group, List, Text } from "@mantine/core";
import type { Locale } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { ApiError } from "./api";

/** The user-facing text of any error: the server's message in the current language. */
export function errorText(error: unknown, locale: Locale): string {
  if (error instanceof ApiError) return error.localized(locale);
  return locale === "vi" ? "Đã có lỗi xảy ra." : "Something went wrong.";
}

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { locale, t } = useI18n();
  const details = error instanceof ApiError ? error.details : [];
  const requestId = error instanceof ApiError ? error.requestId : null;
  // Asking again will not change a refusal (403) or a missing object (404).
  const canRetry = onRetry && !(error instanceof ApiError && error.status >= 400 && error.status < 500);
  return (
    <Alert color="red" variant="light" role="alert" title={errorText(error, locale)}>
      {details.length > 0 && (
        <List size="sm" mb="xs">
          {details.map((d) => (
            <List.Item key={`${d.path ?? ""}${d.message}`}>{locale === "vi" ? d.message : d.messageEn}</List.Item>
          ))}
        </List>
      )}
      <Group justify="space-between" gap="xs">
        {requestId ? (
          <Text size="xs" c="dimmed">
            {t("app.requestId", { id: requestId })}
          </Text>
        ) : (
          <span />
        )}
        {canRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t("app.retry")}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
