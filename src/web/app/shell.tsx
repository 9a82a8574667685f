import { AppShell, Burger, Group, ScrollArea, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Outlet, useRouterState } from "@tanstack/react-router";
import { useT } from "../i18n/i18n";
import { UserMenu } from "./header";
import { LanguageSwitch } from "./language-switch";
import { NavLinkLink, UnstyledLink } from "./links";
import { HOME_PATH, PAGES } from "./registry";

/** The signed-in layout: header, left navigation from the registry, and the page. */
export function Shell() {
  const t = useT();
  const [opened, { toggle, close }] = useDisclosure();
  const pathname = useRouterState({ select: (s) => s.location.pathname });

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <a className="bd-skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t("nav.toggle")} />
            <UnstyledLink to={HOME_PATH} aria-label={t("app.name")}>
              <Title order={2} size="h3" c="blue.9" style={{ whiteSpace: "nowrap" }}>
                {t("app.name")}
              </Title>
            </UnstyledLink>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t("app.tagline")}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t("nav.label")}>
        <ScrollArea>
          {PAGES.filter((p) => p.nav).map((page) => (
            <NavLinkLink
              key={page.path}
              to={page.path}
              label={t(page.nav!)}
              active={pathname === page.path || pathname.startsWith(`${page.path}/`)}
              onClick={close}
              variant="light"
              style={{ borderRadius: 6 }}
            />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} bg="gray.0">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
