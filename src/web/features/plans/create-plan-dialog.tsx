import { Button, Group, Modal, NativeSelect, NumberInput, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { ErrorAlert } from "../../app/error-alert";
import { useT } from "../../i18n/i18n";
import { useAgencies } from "../agencies/api";
import { useCreatePlan, usePlanSources } from "./api";
import { numberText } from "./labels";

interface Props {
  opened: boolean;
  unitId: number;
  onClose: () => void;
  onCreated: (planId: number) => void;
}

/** "Tạo kế hoạch từ…": the national strategy or an issued plan of the level above. */
export function CreatePlanDialog({ opened, unitId, onClose, onCreated }: Props) {
  const t = useT();
  const sources = usePlanSources(unitId, opened);
  const create = useCreatePlan();
  const year = new Date().getFullYear();
  const [source, setSource] = useState("");
  const [from, setFrom] = useState<number>(year);
  const [to, setTo] = useState<number>(year);
  const [title, setTitle] = useState("");
  const [issuer, setIssuer] = useState("");
  const agencies = useAgencies(unitId, false);

  const options = [
    ...(sources.data?.plans ?? []).map((p) => ({
      value: `plan:${p.id}`,
      label: t("plans.create.plan", { number: numberText(p), title: p.title }),
    })),
    ...(sources.data?.strategies ?? []).map((s) => ({
      value: `strategy:${s.id}`,
      label: t("plans.create.strategy", { title: s.title }),
    })),
  ];
  const first = options[0]?.value ?? "";
  useEffect(() => {
    if (opened && !source && first) setSource(first);
  }, [opened, source, first]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const [kind, id] = source.split(":");
    if (!kind || !id) return;
    create.mutate(
      {
        source: kind as "plan" | "strategy",
        sourceId: Number(id),
        unitId,
        periodFrom: from,
        periodTo: to,
        ...(title.trim() ? { title: title.trim() } : {}),
        issuerAgencyId: issuer ? Number(issuer) : null,
      },
      { onSuccess: (plan) => onCreated(plan.id) },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t("plans.create.title")} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          {create.error && <ErrorAlert error={create.error} />}
          {sources.isError && <ErrorAlert error={sources.error} />}
          {sources.data && options.length === 0 && <Text>{t("plans.create.noSource")}</Text>}
          <NativeSelect
            label={t("plans.create.source")}
            data={options}
            value={source}
            onChange={(e) => setSource(e.currentTarget.value)}
          />
          <Group grow>
            <NumberInput
              label={t("plans.create.from")}
              value={from}
              min={2000}
              max={2100}
              onChange={(v) => setFrom(Number(v))}
            />
            <NumberInput
              label={t("plans.create.to")}
              value={to}
              min={2000}
              max={2100}
              onChange={(v) => setTo(Number(v))}
            />
          </Group>
          <NativeSelect
            label={t("plans.create.issuer")}
            data={[
              { value: "", label: t("plans.create.issuerUnit") },
              ...(agencies.data ?? []).map((a) => ({ value: String(a.id), label: a.name })),
            ]}
            value={issuer}
            onChange={(e) => setIssuer(e.currentTarget.value)}
          />
          <TextInput
            label={t("plans.create.titleField")}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending} disabled={!source}>
              {t("plans.create.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
