import { Paper, Stack, Text, Title } from "@mantine/core";
import { useRouterState } from "@tanstack/react-router";
import { useT } from "../i18n/i18n";
import { PAGES } from "./registry";

/** Stands in for a screen another issue will build; its nav item already works. */
export function PlaceholderPage() {
  const t = useT();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const nav = PAGES.find((p) => p.path === pathname)?.nav;
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {nav ? t(nav) : t("placeholder.title")}
      </Title>
      <Paper withBorder p="xl" radius="md">
        <Text fw={600}>{t("placeholder.title")}</Text>
        <Text c="dimmed">{t("placeholder.body")}</Text>
      </Paper>
    </Stack>
  );
}
