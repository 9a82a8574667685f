// The app's screens, in one place.
//
// To add a screen, add ONE line to PAGES:
//   { path: "/plans", nav: "nav.plans", needs: "plan.read", load: () => import("../features/plans/plans-page").then((m) => m.PlansPage) },
// - `path` is a TanStack Router path under the signed-in layout ("/plans/$planId" for a parameter,
//   read it in the page with `useParams({ strict: false })`).
// - `nav` (a key of i18n/vi.ts) puts the screen in the left navigation, in this order; omit it for
//   detail pages reached by links.
// - `needs` (a core access Action) shows the screen only to users who may do it on their own unit
//   or agency (core `canInOwnScope`, the rule the server applies): its nav entry is hidden from the
//   others, and its URL opened directly says "no permission" instead of failing request by request.
//   Name the action the screen exists for, even one every role holds today, so the screens follow
//   the rules; omit it only when no single action says who may use the screen.
// - `load` imports the page lazily, so each screen is its own chunk and the first load stays small.
// The page component takes no props and renders inside the layout's <main>.

import type { ComponentType } from "react";
import type { Me } from "../../contract/auth";
import type { Action } from "../../core/access";
import { canUse } from "../features/auth/principal";
import type { MessageKey } from "../i18n/vi";

export interface PageEntry {
  path: string;
  nav?: MessageKey;
  needs?: Action;
  load: () => Promise<ComponentType>;
}

export const PAGES: readonly PageEntry[] = [
  {
    path: "/units",
    nav: "nav.units",
    needs: "unit.browse",
    load: () => import("../features/units/unit-browser-page").then((m) => m.UnitBrowserPage),
  },
  {
    path: "/units/$unitId",
    needs: "unit.browse",
    load: () => import("../features/units/unit-page").then((m) => m.UnitPage),
  },
  {
    path: "/agencies",
    nav: "nav.agencies",
    needs: "agency.read",
    load: () => import("../features/agencies/agencies-page").then((m) => m.AgenciesPage),
  },
  {
    path: "/agencies/$agencyId",
    needs: "agency.read",
    load: () => import("../features/agencies/agency-page").then((m) => m.AgencyPage),
  },
  // No `needs`: "audit.read" is not all of it, every user may read their own account's history.
  {
    path: "/history/$objectType/$objectId",
    load: () => import("../features/audit/history-page").then((m) => m.HistoryPage),
  },
  {
    path: "/plans",
    nav: "nav.plans",
    needs: "plan.read",
    load: () => import("../features/plans/plans-page").then((m) => m.PlansPage),
  },
  {
    path: "/plans/$planId",
    needs: "plan.read",
    load: () => import("../features/plans/plan-page").then((m) => m.PlanPage),
  },
  {
    path: "/plan-import",
    nav: "import.nav",
    needs: "plan.write",
    load: () => import("../features/plan-import/import-page").then((m) => m.PlanImportPage),
  },
  {
    path: "/catalogue",
    nav: "plans.catalogue.nav",
    needs: "catalogue.read",
    load: () => import("../features/plans/catalogue-page").then((m) => m.CataloguePage),
  },
  {
    path: "/reporting",
    nav: "reporting.nav",
    needs: "data.read",
    load: () => import("../features/reporting/reporting-page").then((m) => m.ReportingPage),
  },
  {
    path: "/reporting/$",
    needs: "data.read",
    load: () => import("../features/reporting/reporting-detail-page").then((m) => m.ReportingDetailPage),
  },
  {
    path: "/reports",
    nav: "nav.reports",
    needs: "data.read",
    load: () => import("../features/reports/reports-page").then((m) => m.ReportsPage),
  },
  {
    path: "/dashboard",
    nav: "nav.consolidation",
    needs: "data.read",
    load: () => import("../features/dashboard/dashboard-page").then((m) => m.DashboardPage),
  },
  {
    path: "/users",
    nav: "nav.users",
    needs: "user.manage",
    load: () => import("../features/users/users-page").then((m) => m.UsersPage),
  },
];

/** Whether the signed-in user may open the screen (and so see its nav entry). */
export function canOpen(me: Me, page: PageEntry): boolean {
  return page.needs === undefined || canUse(me, page.needs);
}

/** Where "/" leads after sign-in. */
export const HOME_PATH = "/units";
