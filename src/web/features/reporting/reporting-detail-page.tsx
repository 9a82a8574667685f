import { useParams } from "@tanstack/react-router";
import { NotFound } from "../../app/page-states";
import { FormPage } from "./form-page";
import { IndicatorsPage } from "./indicators-page";
import { ReportingPage } from "./reporting-page";
import { RoundsPage } from "./rounds-page";

// The reporting screens below /reporting share one registry entry ("/reporting/$"),
// so the feature adds a single detail line to app/registry.ts:
//   plans/12              the rounds of a plan, with the status of the chosen round
//   rounds/2/unit-13985   one reporter's form (fill it, or review it as the level above)
//   units/97              the consolidated indicator values of a unit (?planId=&period=)

export function ReportingDetailPage() {
  const params = useParams({ strict: false }) as { _splat?: string };
  const parts = (params._splat ?? "").split("/").filter(Boolean);
  // The router may hand "/reporting" itself to the splat route.
  if (parts.length === 0) return <ReportingPage />;
  const id = Number(parts[1]);
  if (!Number.isInteger(id) || id <= 0) return <NotFound />;
  if (parts[0] === "plans" && parts.length === 2) return <RoundsPage planId={id} />;
  if (parts[0] === "units" && parts.length === 2) return <IndicatorsPage unitId={id} />;
  const key = parts[2] ?? "";
  if (parts[0] === "rounds" && parts.length === 3 && /^(agency|unit)-\d+$/.test(key)) {
    return <FormPage key={`${id}-${key}`} roundId={id} reporterKey={key} />;
  }
  return <NotFound />;
}
