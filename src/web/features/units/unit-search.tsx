import { Box, Group, Loader, Paper, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { ErrorAlert } from "../../app/error-alert";
import { useT } from "../../i18n/i18n";
import { useUnitSearch } from "./api";
import { UnitTypeBadge } from "./unit-labels";

/** Diacritic-insensitive search (the server folds "can tho" to match "Cần Thơ"); hits show their ancestors. */
export function UnitSearch({ asOf }: { asOf: string }) {
  const t = useT();
  const [text, setText] = useState("");
  const [query] = useDebouncedValue(text.trim(), 250);
  const search = useUnitSearch(query, asOf);
  const isActive = query.length > 0;

  return (
    <Stack gap="xs" role="search">
      <TextInput
        type="search"
        label={t("units.search")}
        placeholder={t("units.searchPlaceholder")}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        rightSection={search.isFetching ? <Loader size="xs" aria-hidden /> : null}
        autoComplete="off"
      />
      {isActive && (
        <Box aria-live="polite">
          {search.isError ? (
            <ErrorAlert error={search.error} />
          ) : search.data && search.data.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("units.noResults")}
            </Text>
          ) : (
            search.data && (
              <Paper withBorder radius="sm">
                <Box component="ul" aria-label={t("units.searchResults")} m={0} p={0} style={{ listStyle: "none" }}>
                  {search.data.map((hit) => (
                    <Box component="li" key={hit.id} px="sm" py={6} className="bd-hit">
                      <Group gap="xs" wrap="wrap">
                        <Link
                          to="/units/$unitId"
                          params={{ unitId: String(hit.id) }}
                          search={{ asOf }}
                          className="bd-tree-link"
                        >
                          {hit.fullName}
                        </Link>
                        <UnitTypeBadge unit={hit} />
                      </Group>
                      {hit.path.length > 0 && (
                        <Text size="xs" c="dimmed">
                          {hit.path.join(" › ")}
                        </Text>
                      )}
                    </Box>
                  ))}
                </Box>
              </Paper>
            )
          )}
        </Box>
      )}
    </Stack>
  );
}
