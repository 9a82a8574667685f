import { Accordion, Button, Group, NativeSelect, ScrollArea, Stack, Table, Text, Textarea } from "@mantine/core";
import { useEffect, useMemo, useState } from "react";
import type { Plan, Responsibility } from "../../../contract/plan";
import { RESPONSIBILITY_ROLES, type ResponsibilityRole } from "../../../core/plan";
import { ErrorAlert } from "../../app/error-alert";
import { useT } from "../../i18n/i18n";
import { useSetResponsibilities, useUpdatePlan } from "./api";

const ROLE_KEY = { lead: "plans.role.lead", support: "plans.role.support", report: "plans.role.report" } as const;
const key = (indicatorId: number, agencyId: number) => `${indicatorId}:${agencyId}`;

/** Tổ chức thực hiện: agencies × indicators with a role in each cell, then each agency's own duties. */
export function ResponsibilityGrid({ plan, readOnly }: { plan: Plan; readOnly: boolean }) {
  const t = useT();
  const save = useSetResponsibilities(plan);
  const indicators = useMemo(() => plan.goals.flatMap((g) => g.indicators).filter((i) => !i.dropped), [plan]);
  const initial = useMemo(() => {
    const m = new Map<string, ResponsibilityRole>();
    for (const r of plan.responsibilities) m.set(key(r.indicatorId, r.agencyId), r.role);
    return m;
  }, [plan]);
  const [cells, setCells] = useState(initial);
  useEffect(() => setCells(initial), [initial]);

  const submit = () => {
    const items: Responsibility[] = [...cells.entries()].map(([k, role]) => {
      const [indicatorId, agencyId] = k.split(":").map(Number) as [number, number];
      return { indicatorId, agencyId, role };
    });
    save.mutate(items);
  };
  const options = [
    { value: "", label: t("plans.role.none") },
    ...RESPONSIBILITY_ROLES.map((r) => ({ value: r, label: t(ROLE_KEY[r]) })),
  ];

  return (
    <Stack>
      {save.error && <ErrorAlert error={save.error} />}
      <ScrollArea type="auto">
        <Table withTableBorder withColumnBorders striped stickyHeader>
          <Table.Caption>{t("plans.grid.caption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("plans.grid.indicator")}</Table.Th>
              {plan.agencies.map((a) => (
                <Table.Th key={a.id} style={{ minWidth: 110, fontSize: 12 }}>
                  {a.name}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {indicators.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Th scope="row" title={i.text}>
                  {i.code}
                </Table.Th>
                {plan.agencies.map((a) => {
                  const role = cells.get(key(i.id, a.id)) ?? "";
                  if (readOnly) return <Table.Td key={a.id}>{role ? t(ROLE_KEY[role]) : ""}</Table.Td>;
                  return (
                    <Table.Td key={a.id}>
                      <NativeSelect
                        size="xs"
                        aria-label={t("plans.grid.roleOf", { agency: a.name, code: i.code })}
                        data={options}
                        value={role}
                        onChange={(e) => {
                          const next = new Map(cells);
                          const value = e.currentTarget.value as ResponsibilityRole | "";
                          if (value) next.set(key(i.id, a.id), value);
                          else next.delete(key(i.id, a.id));
                          setCells(next);
                        }}
                      />
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {!readOnly && (
        <Group justify="flex-end">
          <Button onClick={submit} loading={save.isPending}>
            {t("plans.grid.save")}
          </Button>
        </Group>
      )}
      <AgencyDuties plan={plan} readOnly={readOnly} />
    </Stack>
  );
}

function AgencyDuties({ plan, readOnly }: { plan: Plan; readOnly: boolean }) {
  const t = useT();
  const update = useUpdatePlan(plan);
  const initial = useMemo(
    () => new Map(plan.sections.agencyDuties.map((d) => [d.agencyId, d.duties.join("\n")])),
    [plan.sections.agencyDuties],
  );
  const [texts, setTexts] = useState(initial);
  useEffect(() => setTexts(initial), [initial]);
  const submit = () => {
    const agencyDuties = plan.agencies
      .map((a) => ({
        agencyId: a.id,
        duties: (texts.get(a.id) ?? "")
          .split("\n")
          .map((s) => s.trim())
          .filter(Boolean),
      }))
      .filter((d) => d.duties.length > 0);
    update.mutate({ sections: { agencyDuties } });
  };
  return (
    <Stack gap="xs">
      {update.error && <ErrorAlert error={update.error} />}
      <Accordion variant="separated" multiple>
        {plan.agencies.map((a) => (
          <Accordion.Item key={a.id} value={String(a.id)}>
            <Accordion.Control>
              {a.name}
              {texts.get(a.id) ? (
                <Text span c="dimmed" size="xs">
                  {" "}
                  ✓
                </Text>
              ) : null}
            </Accordion.Control>
            <Accordion.Panel>
              <Textarea
                autosize
                minRows={2}
                readOnly={readOnly}
                label={t("plans.duties", { agency: a.name })}
                value={texts.get(a.id) ?? ""}
                onChange={(e) => setTexts(new Map(texts).set(a.id, e.currentTarget.value))}
              />
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      {!readOnly && (
        <Group justify="flex-end">
          <Button variant="light" onClick={submit} loading={update.isPending}>
            {t("plans.save")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
