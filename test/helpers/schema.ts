// A strict structural check of PlanExtract, so property tests can assert schema validity.

const COMPARATORS = new Set([">=", ">", "<=", "<", "=", "~"]);
const UNITS = new Set(["%", "times", "per1000", "per100000", "per100", "count", null]);
const DOMAINS = new Set([
  "politics",
  "economy",
  "family",
  "health",
  "education",
  "communication",
  "capacity",
  "awareness",
  null,
]);
const ROLES = new Set(["lead", "support", "report"]);
const KINDS = new Set(["semiannual", "annual", "quarterly"]);

const isStrOrNull = (v: unknown): boolean => v === null || typeof v === "string";
const isIntOrNull = (v: unknown): boolean => v === null || Number.isInteger(v);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Returns a list of problems; empty when the value has SCHEMA.md's shape. */
export function schemaProblems(x: unknown): string[] {
  const p: string[] = [];
  const need = (ok: boolean, what: string): void => {
    if (!ok) p.push(what);
  };
  if (!isObj(x)) return ["not an object"];
  const d = x.document;
  need(isObj(d), "document");
  if (isObj(d)) {
    need(["plan", "report", "other"].includes(String(d.kind)), "document.kind");
    for (const k of ["number", "symbol", "place", "date", "title"]) need(isStrOrNull(d[k]), `document.${k}`);
    need(isIntOrNull(d.periodFrom) && isIntOrNull(d.periodTo), "document.period");
    need(d.date === null || /^\d{4}-\d{2}(?:-\d{2})?$/.test(String(d.date)), "document.date format");
    need(
      d.signer === null || (isObj(d.signer) && isStrOrNull(d.signer.name) && isStrOrNull(d.signer.position)),
      "document.signer",
    );
  }
  need(
    Array.isArray(x.legalBasis) &&
      x.legalBasis.every(
        (l) =>
          isObj(l) &&
          typeof l.number === "string" &&
          isStrOrNull(l.date) &&
          isStrOrNull(l.type) &&
          isStrOrNull(l.issuer),
      ),
    "legalBasis",
  );
  need(Array.isArray(x.goals), "goals");
  for (const g of Array.isArray(x.goals) ? x.goals : []) {
    need(
      isObj(g) &&
        isIntOrNull(g.number) &&
        DOMAINS.has(g.domain as string | null) &&
        isStrOrNull(g.title) &&
        Array.isArray(g.indicators),
      "goal",
    );
    for (const i of isObj(g) && Array.isArray(g.indicators) ? g.indicators : []) {
      need(isObj(i) && isIntOrNull(i.number) && typeof i.text === "string" && Array.isArray(i.targets), "indicator");
      for (const t of isObj(i) && Array.isArray(i.targets) ? i.targets : []) {
        need(
          isObj(t) &&
            COMPARATORS.has(String(t.comparator)) &&
            typeof t.value === "number" &&
            Number.isFinite(t.value) &&
            UNITS.has(t.unit as string | null) &&
            isIntOrNull(t.year) &&
            (t.baseline === null || typeof t.baseline === "number") &&
            isStrOrNull(t.subject),
          "target",
        );
      }
    }
  }
  need(
    Array.isArray(x.assignments) &&
      x.assignments.every(
        (a) =>
          isObj(a) &&
          typeof a.agency === "string" &&
          ROLES.has(String(a.role)) &&
          isIntOrNull(a.goal) &&
          isIntOrNull(a.indicator),
      ),
    "assignments",
  );
  need(
    Array.isArray(x.reporting) &&
      x.reporting.every(
        (r) =>
          isObj(r) &&
          KINDS.has(String(r.kind)) &&
          /^\d{2}-\d{2}$/.test(String(r.due)) &&
          isIntOrNull(r.year) &&
          isStrOrNull(r.to),
      ),
    "reporting",
  );
  need(
    x.actionMonth === null ||
      (isObj(x.actionMonth) &&
        /^\d{2}-\d{2}$/.test(String(x.actionMonth.from)) &&
        /^\d{2}-\d{2}$/.test(String(x.actionMonth.to))),
    "actionMonth",
  );
  return p;
}
