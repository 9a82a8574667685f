// Output shapes of the plan parser. PlanExtract mirrors shared/import/SCHEMA.md
// field for field, because the scorer and the review UI both read it as is.

export type DocumentKind = "plan" | "report" | "other";
export type Comparator = ">=" | ">" | "<=" | "<" | "=" | "~";
export type TargetUnit = "%" | "times" | "per1000" | "per100000" | "per100" | "count";
export type Domain =
  | "politics"
  | "economy"
  | "family"
  | "health"
  | "education"
  | "communication"
  | "capacity"
  | "awareness";
export type Role = "lead" | "support" | "report";
export type ReportKind = "semiannual" | "annual" | "quarterly";

export interface Signer {
  name: string | null;
  position: string | null;
}

export interface DocumentMeta {
  kind: DocumentKind;
  number: string | null;
  symbol: string | null;
  place: string | null;
  date: string | null;
  title: string | null;
  periodFrom: number | null;
  periodTo: number | null;
  signer: Signer | null;
}

export interface LegalBasis {
  number: string;
  date: string | null;
  type: string | null;
  issuer: string | null;
}

export interface Target {
  subject: string | null;
  comparator: Comparator;
  value: number;
  unit: TargetUnit | null;
  year: number | null;
  baseline: number | null;
}

export interface Indicator {
  number: number | null;
  text: string;
  targets: Target[];
}

export interface Goal {
  number: number | null;
  domain: Domain | null;
  title: string | null;
  indicators: Indicator[];
}

export interface Assignment {
  agency: string;
  role: Role;
  goal: number | null;
  indicator: number | null;
}

export interface Reporting {
  kind: ReportKind;
  due: string;
  year: number | null;
  to: string | null;
}

export interface ActionMonth {
  from: string;
  to: string;
}

export interface PlanExtract {
  document: DocumentMeta;
  legalBasis: LegalBasis[];
  goals: Goal[];
  assignments: Assignment[];
  reporting: Reporting[];
  actionMonth: ActionMonth | null;
}

/** Half-open character range [start, end) into ParseResult.text. */
export interface Span {
  start: number;
  end: number;
}

export interface ParseWarning {
  code: string;
  /** Vietnamese, shown to the reviewer. */
  message: string;
  messageEn: string;
  span?: Span;
}

export interface ParseResult {
  extract: PlanExtract;
  warnings: ParseWarning[];
  /** Key: JSON path of the field in the extract, e.g. "goals.1.indicators.0.targets.0". */
  spans: Record<string, Span>;
  /** The NFC-normalised text every span indexes. */
  text: string;
}

/** A value found in the text together with where it was found. */
export interface Located<T> {
  value: T;
  span: Span;
}
