import { Badge, Button, Group, Menu, Modal, Stack, Text, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useMe, useSignOut } from "../features/auth/session";
import { useT } from "../i18n/i18n";

/** Who is signed in (name, role, unit or agency) and the ways out. */
export function UserMenu() {
  const t = useT();
  const me = useMe();
  const signOut = useSignOut(false);
  const signOutEverywhere = useSignOut(true);
  const [confirming, { open, close }] = useDisclosure();
  const place = me.agencyName ?? me.unitName;

  return (
    <>
      <Menu position="bottom-end" width={260} shadow="md">
        <Menu.Target>
          <UnstyledButton data-testid="user-menu" title={t("auth.userMenu")}>
            <Group gap="xs" wrap="nowrap">
              <Stack gap={0} align="flex-end" visibleFrom="sm">
                <Text size="sm" fw={600} lh={1.3}>
                  {me.displayName}
                </Text>
                <Text size="xs" c="dimmed" lh={1.3}>
                  {place}
                </Text>
              </Stack>
              <Badge variant="light" color="blue">
                {t(`role.${me.role}`)}
              </Badge>
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            {me.displayName}
            {place ? ` — ${place}` : ""}
          </Menu.Label>
          <Menu.Item onClick={() => signOut.mutate()}>{t("auth.signOut")}</Menu.Item>
          <Menu.Item color="red.9" onClick={open}>
            {t("auth.signOutEverywhere")}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal
        closeButtonProps={{ "aria-label": t("form.closeDialog") }}
        opened={confirming}
        onClose={close}
        title={t("auth.signOutEverywhere")}
        centered
      >
        <Text mb="lg">{t("auth.signOutEverywhereConfirm")}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t("form.cancel")}
          </Button>
          <Button color="red" loading={signOutEverywhere.isPending} onClick={() => signOutEverywhere.mutate()}>
            {t("auth.signOutEverywhere")}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
