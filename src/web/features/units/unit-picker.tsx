import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import type { Unit } from "../../../contract/unit";
import { todayInVietnam } from "../../i18n/format";
import { useT } from "../../i18n/i18n";
import { useUnitSearch } from "./api";

interface Props {
  label: string;
  /** The unit currently chosen, shown even before any search. */
  value: Unit | null;
  onChange: (unitId: number) => void;
  /** Fills its grid cell when set; else a fixed width that fits "Phường … — Tỉnh …" paths. */
  fill?: boolean;
}

/** Pick a unit by typing part of its name (server-side, diacritic-insensitive). */
export function UnitPicker({ label, value, onChange, fill = false }: Props) {
  const t = useT();
  const [text, setText] = useState("");
  const [query] = useDebouncedValue(text, 250);
  const search = useUnitSearch(query, todayInVietnam(), 30);
  const hits = search.data ?? [];
  const options = hits.map((hit) => ({
    value: String(hit.id),
    label: hit.path.length > 0 ? `${hit.fullName} — ${hit.path.join(" › ")}` : hit.fullName,
  }));
  if (value && !options.some((o) => o.value === String(value.id))) {
    options.unshift({ value: String(value.id), label: value.fullName });
  }
  return (
    <Select
      label={label}
      placeholder={t("units.searchPlaceholder")}
      searchable
      searchValue={text}
      onSearchChange={setText}
      filter={({ options: all }) => all}
      data={options}
      value={value ? String(value.id) : null}
      onChange={(id) => id && onChange(Number(id))}
      nothingFoundMessage={query ? t("units.noResults") : undefined}
      w={fill ? "100%" : { base: "100%", sm: 480 }}
    />
  );
}
