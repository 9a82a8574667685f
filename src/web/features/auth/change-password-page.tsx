import { Alert, Box, Button, Center, Paper, PasswordInput, Stack, Text, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { ErrorAlert } from "../../app/error-alert";
import { useI18n } from "../../i18n/i18n";
import { useChangePassword, useSignOut } from "./session";

/** Shown instead of the app while the account must choose a new password. */
export function ChangePasswordPage() {
  const { t } = useI18n();
  const change = useChangePassword();
  const signOut = useSignOut(false);
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (next.length < 10) return setProblem(t("auth.passwordTooShort"));
    if (next !== repeat) return setProblem(t("auth.passwordMismatch"));
    setProblem(null);
    change.mutate({ currentPassword: current, newPassword: next });
  };

  return (
    <Box mih="100vh" bg="gray.0">
      <Center component="main" p="md" pt="xl">
        <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={460}>
          <form onSubmit={submit} noValidate>
            <Stack>
              <Title order={1} size="h3">
                {t("auth.changePasswordTitle")}
              </Title>
              <Text size="sm">{t("auth.changePasswordIntro")}</Text>
              {problem && (
                <Alert color="red" role="alert">
                  {problem}
                </Alert>
              )}
              {change.error && <ErrorAlert error={change.error} />}
              <PasswordInput
                label={t("auth.currentPassword")}
                autoComplete="current-password"
                required
                value={current}
                onChange={(e) => setCurrent(e.currentTarget.value)}
              />
              <PasswordInput
                label={t("auth.newPassword")}
                description={t("auth.newPasswordHint")}
                autoComplete="new-password"
                required
                value={next}
                onChange={(e) => setNext(e.currentTarget.value)}
              />
              <PasswordInput
                label={t("auth.confirmPassword")}
                autoComplete="new-password"
                required
                value={repeat}
                onChange={(e) => setRepeat(e.currentTarget.value)}
              />
              <Button type="submit" loading={change.isPending}>
                {t("auth.changePassword")}
              </Button>
              <Button variant="subtle" onClick={() => signOut.mutate()}>
                {t("auth.signOut")}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  );
}
