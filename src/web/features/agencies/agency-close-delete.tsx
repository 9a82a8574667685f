import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useEffect, useState } from "react";
import type { Agency } from "../../../contract/agency";
import { DateField } from "../../app/date-field";
import { ErrorAlert } from "../../app/error-alert";
import { FormModal } from "../../app/form-modal";
import { todayInVietnam } from "../../i18n/format";
import { useT } from "../../i18n/i18n";
import { useCloseAgency, useDeleteAgency } from "./api";

interface Props {
  agency: Agency | null;
  onClose: () => void;
  onDone: () => void;
}

/** Closing keeps the agency (old plans and figures still name it) and ends it on a date. */
export function CloseAgencyModal({ agency, onClose, onDone }: Props) {
  const t = useT();
  const close = useCloseAgency();
  const [closedOn, setClosedOn] = useState(todayInVietnam());
  useEffect(() => {
    if (agency) {
      setClosedOn(todayInVietnam());
      close.reset();
    }
  }, [agency, close.reset]);
  const submit = () => {
    if (agency) close.mutate({ id: agency.id, closedOn }, { onSuccess: onDone });
  };
  return (
    <FormModal
      opened={agency !== null}
      onClose={onClose}
      title={agency ? t("agencies.closeOf", { name: agency.name }) : ""}
      error={close.error}
      onSubmit={submit}
      submitLabel={t("agencies.close")}
      submitting={close.isPending}
      submitColor="var(--mantine-color-orange-light-color)"
    >
      <Text size="sm">{t("agencies.closeHint")}</Text>
      <DateField
        label={t("agencies.closeDate")}
        required
        value={closedOn}
        onChange={setClosedOn}
        invalidMessage={t("form.invalidDate")}
        data-autofocus
      />
    </FormModal>
  );
}

/** Deleting works only for an agency nothing refers to; otherwise the server explains why. */
export function DeleteAgencyModal({ agency, onClose, onDone }: Props) {
  const t = useT();
  const remove = useDeleteAgency();
  useEffect(() => {
    if (agency) remove.reset();
  }, [agency, remove.reset]);
  return (
    <Modal
      closeButtonProps={{ "aria-label": t("form.closeDialog") }}
      opened={agency !== null}
      onClose={onClose}
      title={agency ? t("agencies.deleteOf", { name: agency.name }) : ""}
      centered
    >
      <Stack>
        {remove.error && <ErrorAlert error={remove.error} />}
        <Text size="sm">{t("agencies.deleteConfirm", { name: agency?.name ?? "" })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("form.cancel")}
          </Button>
          <Button
            color="red.9"
            loading={remove.isPending}
            onClick={() => agency && remove.mutate(agency.id, { onSuccess: onDone })}
          >
            {t("agencies.delete")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
