import { Button, Code, CopyButton, Group, Modal, Stack, Text } from "@mantine/core";
import { useT } from "../../i18n/i18n";

/** A one-time password, shown once: the administrator passes it on; the user must change it. */
export function OneTimePasswordModal({
  shown,
  onClose,
}: {
  shown: { user: string; password: string } | null;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Modal
      closeButtonProps={{ "aria-label": t("form.closeDialog") }}
      opened={shown !== null}
      onClose={onClose}
      title={t("users.oneTime.title")}
      centered
    >
      {shown && (
        <Stack>
          <Text size="sm">{t("users.oneTime.body", { user: shown.user })}</Text>
          <Code block fz="lg" data-testid="one-time-password">
            {shown.password}
          </Code>
          <Group justify="flex-end">
            <CopyButton value={shown.password}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy}>
                  {copied ? t("users.oneTime.copied") : t("users.oneTime.copy")}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>{t("users.oneTime.done")}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
