import { Button, Group } from "@mantine/core";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useId } from "react";
import { REFORM_DATE } from "../../../core/units";
import { DateField } from "../../app/date-field";
import { isIsoDate, todayInVietnam } from "../../i18n/format";
import { useT } from "../../i18n/i18n";

/** The last day of the old (three-level) tree. */
export const BEFORE_REFORM = "2025-06-30";

/** The day the unit tree is seen on, kept in the URL (?asOf=) so links and reloads keep it. */
export function useAsOf(): [string, (next: string) => void] {
  const search = useSearch({ strict: false }) as { asOf?: unknown };
  const navigate = useNavigate();
  const today = todayInVietnam();
  const asOf = isIsoDate(search.asOf) ? search.asOf : today;
  const setAsOf = (next: string) => {
    void navigate({
      to: ".",
      search: (prev: Record<string, unknown>) => ({ ...prev, asOf: next === today ? undefined : next }),
      replace: true,
    });
  };
  return [asOf, setAsOf];
}

/** "Xem theo ngày" with the two days people ask for most: today and the day before the reform. */
export function AsOfSwitch() {
  const t = useT();
  const [asOf, setAsOf] = useAsOf();
  const id = useId();
  const today = todayInVietnam();
  const isNow = asOf >= REFORM_DATE;
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <DateField
        id={id}
        label={t("asOf.label")}
        value={asOf}
        onChange={setAsOf}
        invalidMessage={t("form.invalidDate")}
        w={160}
      />
      <Group gap="xs" wrap="wrap">
        <Button variant={isNow ? "filled" : "default"} onClick={() => setAsOf(today)} aria-pressed={isNow}>
          {t("asOf.now")}
        </Button>
        <Button variant={isNow ? "default" : "filled"} onClick={() => setAsOf(BEFORE_REFORM)} aria-pressed={!isNow}>
          {t("asOf.before")}
        </Button>
      </Group>
    </Group>
  );
}
