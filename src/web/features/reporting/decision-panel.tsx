import { Button, Group, Modal, Paper, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import type { Form } from "../../../contract/data-value";
import { ErrorAlert } from "../../app/error-alert";
import { useI18n } from "../../i18n/i18n";
import { type Decision, useDecide } from "./api";

/** Approve, return (comment required) or reopen (comment required, audited): the level above's decisions. */
export function DecisionPanel({ form }: { form: Form }) {
  const { t } = useI18n();
  const decide = useDecide(form.round.id, form.reporter.key);
  const [asking, setAsking] = useState<Exclude<Decision, "approve"> | null>(null);
  const [comment, setComment] = useState("");
  const [missing, setMissing] = useState(false);
  if (form.state !== "submitted" && form.state !== "approved") return null;

  const confirm = () => {
    if (!asking) return;
    if (comment.trim() === "") {
      setMissing(true);
      return;
    }
    decide.mutate(
      { decision: asking, comment: comment.trim() },
      {
        onSuccess: () => {
          setAsking(null);
          setComment("");
        },
      },
    );
  };
  const open = (decision: Exclude<Decision, "approve">) => {
    decide.reset();
    setMissing(false);
    setComment("");
    setAsking(decision);
  };

  return (
    <Paper withBorder p="md" radius="md" bg="gray.0">
      <Group justify="space-between">
        <Text size="sm">
          {t(form.state === "submitted" ? "reporting.decide.waiting" : "reporting.decide.approvedHint")}
        </Text>
        <Group gap="xs">
          {form.state === "submitted" && (
            <>
              <Button
                color="green"
                loading={decide.isPending && decide.variables?.decision === "approve"}
                onClick={() => decide.mutate({ decision: "approve" })}
              >
                {t("reporting.decide.approve")}
              </Button>
              <Button color="red" variant="light" onClick={() => open("return")}>
                {t("reporting.decide.return")}
              </Button>
            </>
          )}
          {form.state === "approved" && (
            <Button variant="default" onClick={() => open("reopen")}>
              {t("reporting.decide.reopen")}
            </Button>
          )}
        </Group>
      </Group>
      {decide.error && !asking && <ErrorAlert error={decide.error} />}
      <Modal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={t(asking === "reopen" ? "reporting.decide.reopenTitle" : "reporting.decide.returnTitle")}
      >
        <Stack gap="sm">
          {asking === "reopen" && <Text size="sm">{t("reporting.decide.reopenNote")}</Text>}
          <Textarea
            label={t("reporting.decide.comment")}
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={comment}
            onChange={(e) => {
              setComment(e.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? t("reporting.decide.commentRequired") : undefined}
          />
          {decide.error && <ErrorAlert error={decide.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(null)}>
              {t("reporting.decide.cancel")}
            </Button>
            <Button color={asking === "reopen" ? "orange" : "red"} loading={decide.isPending} onClick={confirm}>
              {t(asking === "reopen" ? "reporting.decide.reopen" : "reporting.decide.return")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
