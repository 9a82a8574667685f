import { NativeSelect, TextInput } from "@mantine/core";
import { useEffect, useState } from "react";
import type { Agency } from "../../../contract/agency";
import { AGENCY_TYPES, type AgencyType } from "../../../core/agencies";
import { FormModal } from "../../app/form-modal";
import { useT } from "../../i18n/i18n";
import { useCreateAgency, useUpdateAgency } from "./api";

interface Props {
  opened: boolean;
  onClose: () => void;
  onSaved: (agency: Agency) => void;
  /** The unit a new agency belongs to. */
  unitId: number;
  /** Set to edit this agency; absent to create one. */
  agency?: Agency | null;
}

/** Create an agency, or rename / retype one (optimistic lock on the updatedAt last seen). */
export function AgencyFormModal({ opened, onClose, onSaved, unitId, agency }: Props) {
  const t = useT();
  const create = useCreateAgency();
  const update = useUpdateAgency();
  const mutation = agency ? update : create;
  const [name, setName] = useState("");
  const [shortName, setShortName] = useState("");
  const [type, setType] = useState<AgencyType>("so");
  const [missingName, setMissingName] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setName(agency?.name ?? "");
    setShortName(agency?.shortName ?? "");
    setType(agency?.type ?? "so");
    setMissingName(false);
    create.reset();
    update.reset();
  }, [opened, agency, create.reset, update.reset]);

  const submit = () => {
    if (!name.trim()) return setMissingName(true);
    const fields = { name: name.trim(), shortName: shortName.trim() || null, type };
    if (agency) {
      update.mutate({ id: agency.id, ...fields, expectedUpdatedAt: agency.updatedAt }, { onSuccess: onSaved });
    } else {
      create.mutate({ unitId, ...fields }, { onSuccess: onSaved });
    }
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={agency ? t("agencies.editOf", { name: agency.name }) : t("agencies.add")}
      size="lg"
      error={mutation.error}
      onSubmit={submit}
      submitLabel={t("form.save")}
      submitting={mutation.isPending}
    >
      <TextInput
        label={t("agencies.name")}
        required
        data-autofocus
        value={name}
        maxLength={300}
        error={missingName ? t("form.required", { field: t("agencies.name").toLowerCase() }) : undefined}
        onChange={(e) => setName(e.currentTarget.value)}
      />
      <TextInput
        label={t("agencies.shortName")}
        value={shortName}
        maxLength={60}
        onChange={(e) => setShortName(e.currentTarget.value)}
      />
      <NativeSelect
        label={t("agencies.type")}
        value={type}
        onChange={(e) => setType(e.currentTarget.value as AgencyType)}
        data={AGENCY_TYPES.map((value) => ({ value, label: t(`agencyType.${value}`) }))}
      />
    </FormModal>
  );
}
