import { AppShell, Burger, Group, ScrollArea, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Outlet, useMatches, useRouterState } from "@tanstack/react-router";
import { useMe } from "../features/auth/session";
import { useT } from "../i18n/i18n";
import { UserMenu } from "./header";
import { LanguageSwitch } from "./language-switch";
import { NavLinkLink, UnstyledLink } from "./links";
import { Forbidden } from "./page-states";
import { canOpen, HOME_PATH, PAGES } from "./registry";

/** The signed-in layout: header, left navigation to the registry's screens this user may open, and the page. */
export function Shell() {
  const t = useT();
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  // The screen being shown; a URL its nav entry is hidden for gets "no permission", not the page.
  const current = useMatches({ select: (matches) => matches[matches.length - 1]?.staticData.page });
  const allowed = current === undefined || canOpen(me, current);

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
          {PAGES.filter((p) => p.nav && canOpen(me, p)).map((page) => (
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
        {allowed ? <Outlet /> : <Forbidden />}
      </AppShell.Main>
    </AppShell>
  );
}
