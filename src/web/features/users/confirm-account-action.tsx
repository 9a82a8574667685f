import { Text } from "@mantine/core";
import { useEffect } from "react";
import type { User } from "../../../contract/user";
import { FormModal } from "../../app/form-modal";
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
    <FormModal
      opened
      onClose={onClose}
      title={t(`users.${kind}`)}
      error={mutation.error}
      onSubmit={go}
      submitLabel={t(`users.${kind}`)}
      submitting={mutation.isPending}
      submitColor={kind === "lock" ? "red.9" : undefined}
    >
      <Text size="sm">{question}</Text>
    </FormModal>
  );
}
