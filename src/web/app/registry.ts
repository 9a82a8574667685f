// The app's screens, in one place.
//
// To add a screen, add ONE line to PAGES:
//   { path: "/plans", nav: "nav.plans", load: () => import("../features/plans/plans-page").then((m) => m.PlansPage) },
// - `path` is a TanStack Router path under the signed-in layout ("/plans/$planId" for a parameter,
//   read it in the page with `useParams({ strict: false })`).
// - `nav` (a key of i18n/vi.ts) puts the screen in the left navigation, in this order; omit it for
//   detail pages reached by links.
// - `load` imports the page lazily, so each screen is its own chunk and the first load stays small.
// The page component takes no props and renders inside the layout's <main>.

import type { ComponentType } from "react";
import type { MessageKey } from "../i18n/vi";

export interface PageEntry {
  path: string;
  nav?: MessageKey;
  load: () => Promise<ComponentType>;
}

const placeholder = () => import("./placeholder-page").then((m) => m.PlaceholderPage);

export const PAGES: readonly PageEntry[] = [
  {
    path: "/units",
    nav: "nav.units",
    load: () => import("../features/units/unit-browser-page").then((m) => m.UnitBrowserPage),
  },
  { path: "/units/$unitId", load: () => import("../features/units/unit-page").then((m) => m.UnitPage) },
  {
    path: "/agencies",
    nav: "nav.agencies",
    load: () => import("../features/agencies/agencies-page").then((m) => m.AgenciesPage),
  },
  { path: "/agencies/$agencyId", load: () => import("../features/agencies/agency-page").then((m) => m.AgencyPage) },
  {
    path: "/history/$objectType/$objectId",
    load: () => import("../features/audit/history-page").then((m) => m.HistoryPage),
  },
  { path: "/plans", nav: "nav.plans", load: () => import("../features/plans/plans-page").then((m) => m.PlansPage) },
  { path: "/plans/$planId", load: () => import("../features/plans/plan-page").then((m) => m.PlanPage) },
  {
    path: "/plan-import",
    nav: "import.nav",
    load: () => import("../features/plan-import/import-page").then((m) => m.PlanImportPage),
  },
  {
    path: "/catalogue",
    nav: "plans.catalogue.nav",
    load: () => import("../features/plans/catalogue-page").then((m) => m.CataloguePage),
  },
  {
    path: "/reporting",
    nav: "reporting.nav",
    load: () => import("../features/reporting/reporting-page").then((m) => m.ReportingPage),
  },
  {
    path: "/reporting/$",
    load: () => import("../features/reporting/reporting-detail-page").then((m) => m.ReportingDetailPage),
  },
  { path: "/reports", nav: "nav.reports", load: placeholder },
  {
    path: "/dashboard",
    nav: "nav.consolidation",
    load: () => import("../features/dashboard/dashboard-page").then((m) => m.DashboardPage),
  },
];

/** Where "/" leads after sign-in. */
export const HOME_PATH = "/units";
