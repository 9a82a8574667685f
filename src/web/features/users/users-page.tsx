import { Button, Group, Menu, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import type { User } from "../../../contract/user";
import { foldVietnamese } from "../../../core/text";
import { ErrorAlert } from "../../app/error-alert";
import { AnchorLink } from "../../app/links";
import { BlockSkeleton } from "../../app/page-states";
import { useT } from "../../i18n/i18n";
import { useMe } from "../auth/session";
import { useUsers } from "./api";
import { ConfirmAccountAction } from "./confirm-account-action";
import { OneTimePasswordModal } from "./one-time-password-modal";
import { UserFormModal } from "./user-form-modal";

type Pending = { kind: "reset" | "lock" | "unlock"; user: User };

/** The accounts: who may sign in, with what role, where; add, lock or unlock, give a new password. */
export function UsersPage() {
  const t = useT();
  const me = useMe();
  // An administrator sees every account; a planner those of its own unit and the units below it.
  const users = useUsers(me.role === "admin" ? null : me.unitId);
  const [filter, setFilter] = useState("");
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [shown, setShown] = useState<{ user: string; password: string } | null>(null);
  useEffect(() => {
    document.title = `${t("users.title")} — ${t("app.name")}`;
  }, [t]);

  const needle = foldVietnamese(filter.trim());
  const rows = (users.data ?? []).filter(
    (u) =>
      needle === "" ||
      foldVietnamese(`${u.displayName} ${u.username} ${u.unitName ?? ""} ${u.agencyName ?? ""}`).includes(needle),
  );

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t("users.title")}
        </Title>
        <Button onClick={() => setAdding(true)}>{t("users.add")}</Button>
      </Group>
      {me.role !== "admin" && me.unitName && <Text c="dimmed">{t("users.scopeOf", { unit: me.unitName })}</Text>}
      <Paper withBorder p="md" radius="md">
        <Stack>
          <TextInput
            label={t("users.filter")}
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value)}
            w={{ base: "100%", sm: 420 }}
          />
          {users.isPending && <BlockSkeleton rows={6} />}
          {users.isError && <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />}
          {users.data && rows.length === 0 && <Text c="dimmed">{t("users.none")}</Text>}
          {rows.length > 0 && (
            <Table.ScrollContainer minWidth={1000}>
              <Table striped highlightOnHover aria-label={t("users.title")}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("users.displayName")}</Table.Th>
                    <Table.Th>{t("users.username")}</Table.Th>
                    <Table.Th>{t("users.role")}</Table.Th>
                    <Table.Th>{t("users.place")}</Table.Th>
                    <Table.Th>{t("users.status")}</Table.Th>
                    <Table.Th>
                      <span className="bd-visually-hidden">{t("users.actions")}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((u) => (
                    <Table.Tr key={u.id} data-testid={`user-${u.username}`}>
                      <Table.Td>{u.displayName}</Table.Td>
                      <Table.Td>
                        <code>{u.username}</code>
                      </Table.Td>
                      <Table.Td>{t(`role.${u.role}`)}</Table.Td>
                      <Table.Td>{[u.agencyName, u.unitName].filter(Boolean).join(" — ") || "—"}</Table.Td>
                      <Table.Td>
                        <StatusBadge user={u} />
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>
                        <Group gap={4} wrap="nowrap" justify="flex-end">
                          <AnchorLink
                            size="sm"
                            to="/history/$objectType/$objectId"
                            params={{ objectType: "user", objectId: String(u.id) }}
                            aria-label={t("users.historyOf", { name: u.displayName })}
                          >
                            {t("users.history")}
                          </AnchorLink>
                          {u.id !== me.id &&
                            !(me.role !== "admin" && u.role === "planner" && u.unitId === me.unitId) && (
                              <Menu position="bottom-end" withinPortal>
                                <Menu.Target>
                                  <Button
                                    size="xs"
                                    variant="subtle"
                                    aria-label={t("users.actionsOf", { name: u.displayName })}
                                  >
                                    {t("users.actions")}
                                  </Button>
                                </Menu.Target>
                                <Menu.Dropdown>
                                  <Menu.Item onClick={() => setEditing(u)}>{t("users.edit")}</Menu.Item>
                                  <Menu.Item onClick={() => setPending({ kind: "reset", user: u })}>
                                    {t("users.reset")}
                                  </Menu.Item>
                                  {u.isActive ? (
                                    <Menu.Item color="red" onClick={() => setPending({ kind: "lock", user: u })}>
                                      {t("users.lock")}
                                    </Menu.Item>
                                  ) : (
                                    <Menu.Item onClick={() => setPending({ kind: "unlock", user: u })}>
                                      {t("users.unlock")}
                                    </Menu.Item>
                                  )}
                                </Menu.Dropdown>
                              </Menu>
                            )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Paper>
      <UserFormModal
        opened={adding}
        onClose={() => setAdding(false)}
        onCreated={(created) => {
          setAdding(false);
          if (created.oneTimePassword) setShown({ user: created.username, password: created.oneTimePassword });
        }}
      />
      <UserFormModal
        opened={editing !== null}
        user={editing}
        onClose={() => setEditing(null)}
        onCreated={() => setEditing(null)}
        onSaved={() => setEditing(null)}
      />
      <ConfirmAccountAction
        pending={pending}
        onClose={() => setPending(null)}
        onPassword={(user, password) => {
          setPending(null);
          setShown({ user: user.username, password });
        }}
      />
      <OneTimePasswordModal shown={shown} onClose={() => setShown(null)} />
    </Stack>
  );
}

function StatusBadge({ user }: { user: User }) {
  const t = useT();
  const [hue, key] = !user.isActive
    ? (["red", "users.locked"] as const)
    : user.mustChangePassword
      ? (["orange", "users.mustChange"] as const)
      : (["green", "users.active"] as const);
  // The theme's light-variant text colours keep 4.5:1 on white.
  return (
    <Text size="sm" fw={600} c={`var(--mantine-color-${hue}-light-color)`}>
      {t(key)}
    </Text>
  );
}
