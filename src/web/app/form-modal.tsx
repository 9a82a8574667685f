import { Button, Group, Modal, type ModalProps, Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { useT } from "../i18n/i18n";
import { ErrorAlert } from "./error-alert";

interface Props {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** The refusal of the last attempt, shown above the fields (nothing was saved). */
  error: unknown;
  /** Called on the submit button or Enter; the page is not reloaded. */
  onSubmit: () => void;
  submitLabel: string;
  submitting: boolean;
  /** A warning action (closing, locking) takes a warning colour. */
  submitColor?: string;
  size?: ModalProps["size"];
  children: ReactNode;
}

/** A dialog with one form: the server's refusal on top, the fields, then Hủy and the action. */
export function FormModal({
  opened,
  onClose,
  title,
  error,
  onSubmit,
  submitLabel,
  submitting,
  submitColor,
  size,
  children,
}: Props) {
  const t = useT();
  return (
    <Modal
      closeButtonProps={{ "aria-label": t("form.closeDialog") }}
      opened={opened}
      onClose={onClose}
      title={title}
      size={size}
      centered
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
        noValidate
      >
        <Stack>
          {error ? <ErrorAlert error={error} /> : null}
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("form.cancel")}
            </Button>
            <Button type="submit" color={submitColor} loading={submitting}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
