import { Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { ApiError } from "../../app/api";
import { ErrorAlert } from "../../app/error-alert";
import { LanguageSwitch } from "../../app/language-switch";
import { useI18n } from "../../i18n/i18n";
import { useSignIn } from "./session";

export function SignInPage() {
  const { t } = useI18n();
  const signIn = useSignIn();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");

  useEffect(() => {
    document.title = `${t("auth.signInTitle")} — ${t("app.name")}`;
  }, [t]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim() || !password) return;
    signIn.mutate({ username: username.trim(), password });
  };
  const error = signIn.error;
  const minutes = error instanceof ApiError && error.retryAfter ? Math.ceil(error.retryAfter / 60) : null;

  return (
    <Box mih="100vh" bg="gray.0">
      <Group component="header" justify="flex-end" p="md">
        <LanguageSwitch />
      </Group>
      <Center component="main" px="md" pb="xl">
        <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={420}>
          <Stack gap={4} mb="lg">
            <Title order={1} size="h2" c="blue.9">
              {t("app.name")}
            </Title>
            <Text c="dimmed" size="sm">
              {t("app.tagline")}
            </Text>
          </Stack>
          <form onSubmit={submit} noValidate aria-labelledby="sign-in-title">
            <Stack>
              <Title order={2} size="h4" id="sign-in-title">
                {t("auth.signInTitle")}
              </Title>
              {error && (
                <div>
                  <ErrorAlert error={error} />
                  {minutes && (
                    <Text size="sm" mt="xs" role="status">
                      {t("auth.rateLimited", { minutes })}
                    </Text>
                  )}
                </div>
              )}
              <TextInput
                label={t("auth.username")}
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                value={username}
                onChange={(e) => setUsername(e.currentTarget.value)}
              />
              <PasswordInput
                label={t("auth.password")}
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
              <Button type="submit" loading={signIn.isPending} fullWidth mt="xs">
                {t("auth.signIn")}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  );
}
