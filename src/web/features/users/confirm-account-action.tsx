import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useEffect } from "react";
import type { User } from "../../../contract/user";
import { ErrorAlert } from "../../app/error-alert";
import { useT } from "../../i18n/i18n";
import { useResetPassword, useUpdateUser } from "./api";

interface Props {
  pending: { kind: "reset" | "lock" | "unlock"; user: User } | null;
  onClose: () => void;
  /** After a reset: the new one-time password, to show once. */
  onPassword: (user: User, password: string) => void;
}

/** "Give a new password?", "Lock the account?", "Unlock?": one question, then the change. */
export function ConfirmAccountAction({ pending, onClose, onPassword }: Props) {
  const t = useT();
  const update = useUpdateUser();
  const reset = useResetPassword();
  const mutation = pending?.kind === "reset" ? reset : update;
  useEffect(() => {
    if (pending) {
      update.reset();
      reset.reset();
    }
  }, [pending, update.reset, reset.reset]);
  if (!pending) return null;
  const { kind, user } = pending;
  const question = t(`users.confirm.${kind}`, { name: user.displayName });
  const go = () => {
    if (kind === "reset") reset.mutate(user.id, { onSuccess: (r) => onPassword(user, r.oneTimePassword) });
    else update.mutate({ id: user.id, isActive: kind === "unlock" }, { onSuccess: onClose });
  };
  return (
    <Modal
      closeButtonProps={{ "aria-label": t("form.closeDialog") }}
      opened
      onClose={onClose}
      title={t(`users.${kind}`)}
      centered
    >
      <Stack>
        {mutation.error && <ErrorAlert error={mutation.error} />}
        <Text size="sm">{question}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("form.cancel")}
          </Button>
          <Button color={kind === "lock" ? "red" : undefined} loading={mutation.isPending} onClick={go}>
            {t(`users.${kind}`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
