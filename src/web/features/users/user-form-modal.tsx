import { NativeSelect, Select, Text, TextInput } from "@mantine/core";
import { useEffect, useState } from "react";
import type { CreatedUser, User } from "../../../contract/user";
import { canAssignRole, ROLES, type Role } from "../../../core/access";
import { FormModal } from "../../app/form-modal";
import { todayInVietnam } from "../../i18n/format";
import { useT } from "../../i18n/i18n";
import { useAgencies } from "../agencies/api";
import { principalOfMe } from "../auth/principal";
import { useMe } from "../auth/session";
import { useUnit } from "../units/api";
import { UnitPicker } from "../units/unit-picker";
import { useCreateUser, useUpdateUser } from "./api";

interface Props {
  opened: boolean;
  onClose: () => void;
  /** After creating: the new account with its one-time password. */
  onCreated: (user: CreatedUser) => void;
  /** Set to edit this account (its name, role and place); absent to create one. */
  user?: User | null;
  onSaved?: () => void;
}

const USERNAME = /^[a-z0-9._-]{3,60}$/;

/**
 * An account: user name, name, role and where the user works (a unit; a reporter may instead
 * report for one of the unit's agencies). A new one gets a one-time password from the server; an
 * edit of role or place ends the user's open sessions.
 */
export function UserFormModal({ opened, onClose, onCreated, user, onSaved }: Props) {
  const t = useT();
  const me = useMe();
  const create = useCreateUser();
  const update = useUpdateUser();
  const mutation = user ? update : create;
  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState<Role>("reporter");
  const [unitId, setUnitId] = useState<number | null>(null);
  const [agencyId, setAgencyId] = useState<number | null>(null);
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (!opened) return;
    setUsername(user?.username ?? "");
    setDisplayName(user?.displayName ?? "");
    setRole(user?.role ?? "reporter");
    setUnitId(user ? (user.agencyUnitId ?? user.unitId) : null);
    setAgencyId(user?.agencyId ?? null);
    setTried(false);
    create.reset();
    update.reset();
  }, [opened, user, create.reset, update.reset]);

  const unit = useUnit(unitId ?? 0, todayInVietnam(), unitId !== null);
  const agencies = useAgencies(unitId ?? 0, false);
  const needsUnit = role !== "admin";
  const badUsername = !USERNAME.test(username);
  const missingName = displayName.trim() === "";
  const missingUnit = needsUnit && unitId === null;

  const submit = () => {
    setTried(true);
    if (badUsername || missingName || missingUnit) return;
    const reportsForAgency = role === "reporter" && agencyId !== null;
    const fields = {
      displayName: displayName.trim(),
      role,
      unitId: needsUnit && !reportsForAgency ? unitId : null,
      agencyId: reportsForAgency ? agencyId : null,
    };
    if (user) update.mutate({ id: user.id, ...fields }, { onSuccess: () => onSaved?.() });
    else create.mutate({ username, ...fields }, { onSuccess: onCreated });
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={user ? t("users.editOf", { name: user.displayName }) : t("users.add")}
      size="lg"
      error={mutation.error}
      onSubmit={submit}
      submitLabel={user ? t("form.save") : t("users.create")}
      submitting={mutation.isPending}
    >
      <TextInput
        label={t("users.username")}
        description={t("users.usernameHint")}
        required
        data-autofocus={user ? undefined : true}
        readOnly={Boolean(user)}
        value={username}
        maxLength={60}
        autoComplete="off"
        error={tried && badUsername ? t("users.usernameHint") : undefined}
        onChange={(e) => setUsername(e.currentTarget.value.trim().toLowerCase())}
      />
      <TextInput
        label={t("users.displayName")}
        required
        value={displayName}
        maxLength={120}
        error={tried && missingName ? t("form.required", { field: t("users.displayName").toLowerCase() }) : undefined}
        onChange={(e) => setDisplayName(e.currentTarget.value)}
      />
      <NativeSelect
        label={t("users.role")}
        value={role}
        data={ROLES.filter((r) => canAssignRole(principalOfMe(me), r)).map((r) => ({
          value: r,
          label: t(`role.${r}`),
        }))}
        onChange={(e) => {
          setRole(e.currentTarget.value as Role);
          setAgencyId(null);
        }}
      />
      {needsUnit && (
        <UnitPicker
          label={t("users.unit")}
          value={unitId !== null && unit.data ? unit.data.unit : null}
          onChange={(id) => {
            setUnitId(id);
            setAgencyId(null);
          }}
          fill
        />
      )}
      {tried && missingUnit && (
        <Text size="sm" c="red.9" role="alert">
          {t("form.required", { field: t("users.unit").toLowerCase() })}
        </Text>
      )}
      {role === "reporter" && unitId !== null && (
        <Select
          label={t("users.agency")}
          description={t("users.agencyHint")}
          clearable
          searchable
          data={(agencies.data ?? []).map((a) => ({ value: String(a.id), label: a.name }))}
          value={agencyId === null ? null : String(agencyId)}
          onChange={(v) => setAgencyId(v ? Number(v) : null)}
        />
      )}
    </FormModal>
  );
}
