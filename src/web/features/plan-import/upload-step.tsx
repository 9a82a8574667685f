import { Alert, Button, Group, NativeSelect, Paper, Progress, Stack, Text } from "@mantine/core";
import { type DragEvent, useId, useRef, useState } from "react";
import type { PlanImportResult } from "../../../contract/plan-import";
import { ErrorAlert } from "../../app/error-alert";
import { useT } from "../../i18n/i18n";
import { useSession } from "../auth/session";
import { usePlanSources } from "../plans/api";
import { ACCEPTED_EXTENSIONS, MAX_UPLOAD_BYTES, uploadPlanDocument } from "./api";

type Phase = { kind: "idle" } | { kind: "uploading"; fraction: number } | { kind: "reading" };

interface Props {
  unitId: number;
  onRead: (result: PlanImportResult, upperPlanId: number | null) => void;
}

/** Drop or pick a file; the bar follows the upload, then the server reads the document. */
export function UploadStep({ unitId, onRead }: Props) {
  const t = useT();
  const session = useSession().data;
  const sources = usePlanSources(unitId, true);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [error, setError] = useState<unknown>(null);
  const [tooBig, setTooBig] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [upper, setUpper] = useState("");

  async function send(file: File) {
    setError(null);
    setTooBig(null);
    if (file.size > MAX_UPLOAD_BYTES) {
      setTooBig(t("import.tooLarge", { size: (file.size / 1048576).toFixed(1) }));
      return;
    }
    const upperPlanId = upper ? Number(upper) : null;
    setPhase({ kind: "uploading", fraction: 0 });
    try {
      const result = await uploadPlanDocument({
        file,
        unitId,
        upperPlanId,
        csrfToken: session?.csrfToken ?? "",
        onProgress: (fraction) => setPhase(fraction >= 1 ? { kind: "reading" } : { kind: "uploading", fraction }),
      });
      onRead(result, upperPlanId);
    } catch (e) {
      setError(e);
      setPhase({ kind: "idle" });
    }
  }

  function onDrop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void send(file);
  }

  const busy = phase.kind !== "idle";
  return (
    <Stack gap="md" maw={760}>
      <NativeSelect
        label={t("import.upper")}
        description={t("import.upperHint")}
        value={upper}
        onChange={(e) => setUpper(e.currentTarget.value)}
        data={[
          { value: "", label: t("import.upperNone") },
          ...(sources.data?.plans ?? []).map((p) => ({
            value: String(p.id),
            label: `${p.number ?? ""}/${p.symbol}: ${p.title}`,
          })),
        ]}
        disabled={busy}
      />
      <Paper
        withBorder
        radius="md"
        p="xl"
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        bg={dragging ? "blue.0" : "white"}
        style={{ borderStyle: "dashed", borderWidth: 2, textAlign: "center" }}
      >
        <Stack gap="sm" align="center">
          <Text fw={600}>{t("import.drop")}</Text>
          <Text size="sm" c="dimmed">
            {t("import.formats")}
          </Text>
          <input
            ref={input}
            id={inputId}
            type="file"
            accept={ACCEPTED_EXTENSIONS.join(",")}
            aria-label={t("import.pick")}
            style={{ display: "none" }}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = "";
              if (file) void send(file);
            }}
          />
          <Button onClick={() => input.current?.click()} disabled={busy}>
            {t("import.pick")}
          </Button>
        </Stack>
      </Paper>
      {phase.kind === "uploading" && (
        <Stack gap={4}>
          <Text size="sm">{t("import.uploading", { percent: Math.round(phase.fraction * 100) })}</Text>
          <Progress value={phase.fraction * 100} aria-label={t("import.uploadProgress")} />
        </Stack>
      )}
      {phase.kind === "reading" && (
        <Group gap="xs">
          <Progress value={100} animated striped w="100%" aria-label={t("import.reading")} />
          <Text size="sm" role="status">
            {t("import.reading")}
          </Text>
        </Group>
      )}
      {tooBig && <Alert color="red" variant="light" role="alert" title={tooBig} />}
      {error !== null && <ErrorAlert error={error} />}
    </Stack>
  );
}
