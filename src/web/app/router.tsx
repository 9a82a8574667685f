import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from "@tanstack/react-router";
import { NotFound, PageLoader } from "./page-states";
import { HOME_PATH, PAGES, type PageEntry } from "./registry";
import { Shell } from "./shell";

// Code-based routes: the root, the signed-in layout, and one child per entry of
// registry.ts. Sign-in is not a route: the auth gate shows it for any URL, so a
// deep link still lands where it pointed once the user has signed in.

declare module "@tanstack/react-router" {
  interface StaticDataRouteOption {
    /** The registry entry a route was made from; the layout checks `needs` before showing it. */
    page?: PageEntry;
  }
}

export function createAppRouter() {
  const rootRoute = createRootRoute({ component: Outlet });
  const shellRoute = createRoute({ getParentRoute: () => rootRoute, id: "shell", component: Shell });
  const homeRoute = createRoute({
    getParentRoute: () => shellRoute,
    path: "/",
    beforeLoad: () => {
      throw redirect({ to: HOME_PATH });
    },
  });
  const pageRoutes = PAGES.map((page) =>
    createRoute({
      getParentRoute: () => shellRoute,
      path: page.path,
      staticData: { page },
      component: lazyRouteComponent(() => page.load().then((Component) => ({ default: Component }))),
    }),
  );
  const routeTree = rootRoute.addChildren([shellRoute.addChildren([homeRoute, ...pageRoutes])]);
  return createRouter({
    routeTree,
    defaultPendingComponent: PageLoader,
    defaultPendingMs: 150,
    defaultNotFoundComponent: NotFound,
    defaultPreload: "intent",
    scrollRestoration: true,
  });
}
