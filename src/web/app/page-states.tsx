import { Center, Loader, Paper, Skeleton, Stack, Text } from "@mantine/core";
import { useT } from "../i18n/i18n";

/** While a screen's code or first data loads; keeps the layout's height so nothing jumps. */
export function PageLoader() {
  const t = useT();
  return (
    <Center mih={240} role="status" aria-live="polite">
      <Loader size="sm" aria-hidden />
      <Text ml="sm" c="dimmed" size="sm">
        {t("app.loading")}
      </Text>
    </Center>
  );
}

/** Placeholder rows shaped like the content that is loading. */
export function BlockSkeleton({ rows = 4, label }: { rows?: number; label?: string }) {
  const t = useT();
  return (
    <Stack gap="xs" role="status" aria-label={label ?? t("app.loading")}>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder rows
        <Skeleton key={i} height={28} radius="sm" />
      ))}
    </Stack>
  );
}

/** A screen the signed-in user's role may not use, opened by its URL (its nav entry is hidden). */
export function Forbidden() {
  const t = useT();
  return (
    <Paper withBorder p="xl" radius="md" role="alert">
      <Text>{t("app.forbidden")}</Text>
    </Paper>
  );
}

export function NotFound() {
  const t = useT();
  return (
    <Paper withBorder p="xl" radius="md">
      <Text>{t("app.notFound")}</Text>
    </Paper>
  );
}
