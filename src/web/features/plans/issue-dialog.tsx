import { Alert, Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import type { Plan } from "../../../contract/plan";
import { ErrorAlert } from "../../app/error-alert";
import { todayInVietnam } from "../../i18n/format";
import { useT } from "../../i18n/i18n";
import { useIssuePlan } from "./api";

/** Gives the plan its number and freezes it; the server refuses while the check has errors. */
export function IssueDialog({ plan, opened, onClose }: { plan: Plan; opened: boolean; onClose: () => void }) {
  const t = useT();
  const issue = useIssuePlan(plan);
  const [number, setNumber] = useState("");
  const [date, setDate] = useState(todayInVietnam());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    issue.mutate({ number: number.trim(), issuedOn: date }, { onSuccess: onClose });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t("plans.issue.title")} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          {issue.error && <ErrorAlert error={issue.error} />}
          <Alert variant="light" color="gray">
            {`${number || "…"}/${plan.symbol}`}
          </Alert>
          <TextInput
            label={t("plans.issue.number")}
            required
            data-autofocus
            value={number}
            onChange={(e) => setNumber(e.currentTarget.value)}
          />
          <TextInput
            label={t("plans.issue.date")}
            required
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={issue.isPending} disabled={!number.trim()}>
              {t("plans.issue.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
