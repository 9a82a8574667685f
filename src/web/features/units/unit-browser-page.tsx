import { Grid, Paper, Stack, Text, Title } from "@mantine/core";
import { useEffect } from "react";
import { formatDate } from "../../i18n/format";
import { useT } from "../../i18n/i18n";
import { AsOfSwitch, useAsOf } from "./as-of";
import { UnitSearch } from "./unit-search";
import { UnitTree } from "./unit-tree";

export function UnitBrowserPage() {
  const t = useT();
  const [asOf] = useAsOf();
  useEffect(() => {
    document.title = `${t("units.title")} — ${t("app.name")}`;
  }, [t]);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t("units.title")}
        </Title>
        <Text c="dimmed" size="sm">
          {t("asOf.showing", { date: formatDate(asOf) })}
        </Text>
      </Stack>
      <Paper withBorder p="md" radius="md">
        <AsOfSwitch />
      </Paper>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 1, md: 2 }}>
          <Paper withBorder p="md" radius="md">
            <UnitSearch asOf={asOf} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }} order={{ base: 2, md: 1 }}>
          <Paper withBorder p="md" radius="md" mih={320}>
            <Title order={2} size="h4" mb="sm">
              {t("units.tree")}
            </Title>
            <UnitTree key={asOf} asOf={asOf} />
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
