import {
  Badge,
  Button,
  Group,
  List,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { CatalogueTarget, ConfirmTargetInput, Strategy } from "../../../contract/catalogue";
import { COMPARATOR_SYMBOL, COMPARATORS, type Comparator, TARGET_UNITS, type TargetUnit } from "../../../core/plan";
import { api } from "../../app/api";
import { ErrorAlert } from "../../app/error-alert";
import { BlockSkeleton } from "../../app/page-states";
import { formatDate } from "../../i18n/format";
import { useT } from "../../i18n/i18n";
import { useMe } from "../auth/session";
import { useStrategy } from "./api";
import { targetText, UNIT_LABEL } from "./labels";

/** The national catalogue; targets not yet checked against the official text are marked, and admins confirm them. */
export function CataloguePage() {
  const t = useT();
  const list = useQuery({
    queryKey: ["catalogue", "list"],
    queryFn: () => api.get<{ items: { id: number }[] }>("/catalogue/strategies").then((r) => r.items),
  });
  const strategy = useStrategy(list.data?.[0]?.id ?? null);
  useEffect(() => {
    document.title = `${t("plans.catalogue.title")} — ${t("app.name")}`;
  }, [t]);
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t("plans.catalogue.title")}
      </Title>
      {(list.isPending || strategy.isPending) && <BlockSkeleton rows={6} />}
      {list.isError && <ErrorAlert error={list.error} />}
      {strategy.data && <StrategyView strategy={strategy.data} />}
    </Stack>
  );
}

function StrategyView({ strategy: s }: { strategy: Strategy }) {
  const t = useT();
  return (
    <Stack>
      <Title order={2} size="h3">
        {s.title}
      </Title>
      <Text c="dimmed">{t("plans.catalogue.issuedBy", { ...s.issuedBy, date: formatDate(s.issuedBy.date) })}</Text>
      {s.goals.map((g) => (
        <Paper key={g.id} withBorder p="md" radius="md">
          <Title order={3} size="h4" mb="xs">
            {t("plans.goal", { number: g.number, title: g.title })}
          </Title>
          <Stack gap="sm">
            {g.indicators.map((i) => (
              <Stack key={i.id} gap={2}>
                <Text fw={600}>
                  {i.code}. {i.text}
                </Text>
                <List size="sm">
                  {i.targets.map((x) => (
                    <TargetLine key={x.id} code={i.code} target={x} />
                  ))}
                </List>
              </Stack>
            ))}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

function TargetLine({ code, target: x }: { code: string; target: CatalogueTarget }) {
  const t = useT();
  const me = useMe();
  const [open, setOpen] = useState(false);
  return (
    <List.Item>
      {x.subject ? `${x.subject}: ` : ""}
      {targetText(x)}
      {x.note ? <Text span size="xs" c="dimmed">{` — ${x.note}`}</Text> : null}{" "}
      {x.verified ? (
        <Badge size="xs" color="green" variant="light">
          {t("plans.catalogue.verified")}
        </Badge>
      ) : (
        <Badge size="xs" color="orange" variant="light">
          {t("plans.unverified")}
        </Badge>
      )}
      {!x.verified && me.role === "admin" && !open && (
        <Button size="compact-xs" variant="subtle" ml="xs" onClick={() => setOpen(true)}>
          {t("plans.catalogue.confirm")}
        </Button>
      )}
      {open && <ConfirmForm code={code} target={x} onDone={() => setOpen(false)} />}
    </List.Item>
  );
}

function ConfirmForm({ code, target: x, onDone }: { code: string; target: CatalogueTarget; onDone: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const [v, setV] = useState({ comparator: x.comparator, value: x.value ?? "", unit: x.unit ?? "", note: "" });
  const confirm = useMutation({
    mutationFn: (input: ConfirmTargetInput) => api.post<CatalogueTarget>(`/catalogue/targets/${x.id}/confirm`, input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["catalogue"] });
      onDone();
    },
  });
  const label = t("plans.catalogue.confirmOf", { code, year: x.year });
  return (
    <Stack
      gap={4}
      mt={4}
      component="form"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        confirm.mutate({
          comparator: v.comparator,
          value: v.value === "" ? null : Number(v.value),
          unit: v.unit === "" ? null : (v.unit as TargetUnit),
          note: v.note.trim() || null,
        });
      }}
    >
      {confirm.error && <ErrorAlert error={confirm.error} />}
      <Group gap="xs" align="flex-end">
        <NativeSelect
          size="xs"
          label={t("plans.target.comparator")}
          value={v.comparator}
          data={COMPARATORS.map((c) => ({ value: c, label: COMPARATOR_SYMBOL[c] }))}
          onChange={(e) => setV({ ...v, comparator: e.currentTarget.value as Comparator })}
        />
        <NumberInput
          size="xs"
          w={100}
          label={t("plans.target.value")}
          decimalSeparator=","
          value={v.value}
          onChange={(n) => setV({ ...v, value: n === "" ? "" : Number(n) })}
        />
        <NativeSelect
          size="xs"
          label={t("plans.target.unit")}
          value={v.unit}
          data={[
            { value: "", label: UNIT_LABEL.none },
            ...TARGET_UNITS.map((u) => ({ value: u, label: UNIT_LABEL[u] })),
          ]}
          onChange={(e) => setV({ ...v, unit: e.currentTarget.value as TargetUnit })}
        />
        <TextInput
          size="xs"
          style={{ flex: 1 }}
          label={t("plans.catalogue.note")}
          value={v.note}
          onChange={(e) => setV({ ...v, note: e.currentTarget.value })}
        />
        <Button size="xs" type="submit" loading={confirm.isPending}>
          {t("plans.catalogue.confirm")}
        </Button>
      </Group>
    </Stack>
  );
}
