import type { IndicatorMatches, LinkCandidate, PlanImportQuery, PlanImportResult } from "../../contract/plan-import";
import type { AgencyType } from "../../core/agencies";
import { AppError, type ErrorCode } from "../../core/errors";
import {
  ACCEPT_THRESHOLD,
  describeMatch,
  type MatchCandidate,
  matchTokens,
  rankIndicatorMatches,
} from "../../core/indicator-match";
import type { GoalDomain, TargetUnit } from "../../core/plan";
import { foldVietnamese } from "../../core/text";
import { parsePlanText } from "../../vn-parser/index";
import type { Db, Executor } from "../db/client";
import { listAgenciesOfUnit } from "../db/repos/agency.repo";
import {
  listCatalogueGoals,
  listCatalogueIndicators,
  listCatalogueTargetsOf,
  listStrategies,
  type StrategyRow,
} from "../db/repos/catalogue.repo";
import { listGoals, listIndicators, listTargetsOfPlans, type PlanRow } from "../db/repos/plan.repo";
import { type ImportErrorCode, isImportError } from "../importer/import-error";
import { MAX_BYTES, readDocument } from "../importer/read-document";
import { assertCan, unitTarget } from "./access.service";
import type { Actor } from "./context";
import { planTarget, requirePlan } from "./plan-view.service";

// "Nhập kế hoạch": a plan document is read, parsed and matched against the
// indicators it may implement. Reading writes nothing: the officer reviews
// the result and only then saves (plan-import-save.service.ts).

export const MAX_IMPORT_BYTES = MAX_BYTES;

/** An indicator one may link to, with what the matcher compares. */
export interface LinkableIndicator extends LinkCandidate {
  domain: GoalDomain | null;
  units: (TargetUnit | null)[];
  /** For an upper-plan indicator: the national indicator it implements. */
  catalogueIndicatorId: number | null;
  goalId: number;
}

export function tooLargeImport(): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", {
    userMessage: {
      vi: `Tệp quá lớn; giới hạn là ${MAX_IMPORT_BYTES / 1048576} MB. Không có gì được ghi.`,
      en: `The file is too large; the limit is ${MAX_IMPORT_BYTES / 1048576} MB. Nothing was saved.`,
    },
  });
}

/** plan.write on the unit, plan.read on the upper plan: checked before the file is even read. */
export async function assertCanImport(db: Executor, actor: Actor, query: PlanImportQuery): Promise<PlanRow | null> {
  assertCan(actor, "plan.write", await unitTarget(db, query.unitId));
  if (!query.upperPlanId) return null;
  const upper = await requirePlan(db, query.upperPlanId);
  assertCan(actor, "plan.read", await planTarget(db, upper));
  return upper;
}

const STATUS_OF_IMPORT_ERROR: Record<ImportErrorCode, ErrorCode> = {
  TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNSUPPORTED_FORMAT: "UNSUPPORTED_MEDIA",
  MALFORMED_FILE: "BAD_FILE",
  NO_TEXT_LAYER: "BAD_FILE",
};

async function readFileText(fileName: string, bytes: Uint8Array) {
  try {
    // A plain Uint8Array copy: pdfjs refuses a Node Buffer (which multipart hands us).
    return await readDocument(Buffer.isBuffer(bytes) ? new Uint8Array(bytes) : bytes, fileName);
  } catch (e) {
    if (!isImportError(e)) throw e;
    throw new AppError(STATUS_OF_IMPORT_ERROR[e.code], {
      userMessage: { vi: e.message, en: e.messageEn },
      logMessage: `${e.code}: ${e.messageEn}`,
      cause: e,
    });
  }
}

export interface ReadPlanImportInput {
  unitId: number;
  upperPlanId?: number | undefined;
  fileName: string;
  bytes: Uint8Array;
}

/** Reads an uploaded plan: text, extract, spans, warnings, and for each indicator its likely upper indicator. */
export async function readPlanImport(db: Db, actor: Actor, input: ReadPlanImportInput): Promise<PlanImportResult> {
  const upper = await assertCanImport(db, actor, input);
  if (input.bytes.byteLength > MAX_IMPORT_BYTES) throw tooLargeImport();
  const file = await readFileText(input.fileName, input.bytes);
  const parsed = parsePlanText(file.text);
  const { extract } = parsed;
  const year = extract.document.periodTo ?? extract.document.periodFrom ?? Number(new Date().getUTCFullYear());
  const [catalogue, upperIndicators, agencies] = await Promise.all([
    loadCatalogueCandidates(db, year),
    upper ? loadUpperCandidates(db, upper) : Promise.resolve([]),
    listAgenciesOfUnit(db, input.unitId, false),
  ]);
  const matches: IndicatorMatches[] = [];
  extract.goals.forEach((g, gi) => {
    g.indicators.forEach((ind, ii) => {
      const subject = { text: ind.text, domain: g.domain, units: ind.targets.map((t) => t.unit) };
      const fromUpper = rankAgainst(subject, upperIndicators);
      const fromCatalogue = rankAgainst(subject, catalogue);
      const best = [fromUpper[0], fromCatalogue[0]].find((m) => m && m.score >= ACCEPT_THRESHOLD);
      matches.push({
        path: `goals.${gi}.indicators.${ii}`,
        candidates: [...fromUpper, ...fromCatalogue],
        suggested: best ? { kind: best.kind, id: best.id } : null,
      });
    });
  });
  const open = agencies.map((a) => ({ id: a.id, name: a.name }));
  const names = [...new Set(extract.assignments.map((a) => a.agency))];
  return {
    fileName: input.fileName,
    format: file.format,
    text: parsed.text,
    extract,
    warnings: parsed.warnings,
    spans: parsed.spans,
    matches,
    candidates: [...upperIndicators, ...catalogue].map(({ kind, id, code, text }) => ({ kind, id, code, text })),
    agencies: open,
    agencySuggestions: names.map((name) => ({
      name,
      agencyId: findAgencyByName(open, name)?.id ?? null,
      type: guessAgencyType(name),
    })),
  };
}

function rankAgainst(subject: Parameters<typeof rankIndicatorMatches>[0], list: readonly LinkableIndicator[]) {
  const byKey = new Map(list.map((c) => [`${c.kind}:${c.id}`, c]));
  const candidates: MatchCandidate[] = list.map((c) => ({
    key: `${c.kind}:${c.id}`,
    text: c.text,
    domain: c.domain,
    units: c.units,
  }));
  return rankIndicatorMatches(subject, candidates).flatMap((m) => {
    const c = byKey.get(m.key);
    return c
      ? [
          {
            kind: c.kind,
            id: c.id,
            code: c.code,
            text: c.text,
            score: m.score,
            reason: describeMatch(m.reason, c.text),
          },
        ]
      : [];
  });
}

/** The strategy whose period covers the plan's year; else the latest one. */
export function strategyFor(strategies: readonly StrategyRow[], year: number): StrategyRow | undefined {
  return strategies.find((s) => s.periodFrom <= year && year <= s.periodTo) ?? strategies[strategies.length - 1];
}

export async function loadCatalogueCandidates(db: Executor, year: number): Promise<LinkableIndicator[]> {
  const strategy = strategyFor(await listStrategies(db), year);
  if (!strategy) return [];
  const [goals, indicators] = await Promise.all([
    listCatalogueGoals(db, strategy.id),
    listCatalogueIndicators(db, strategy.id),
  ]);
  const targets = await listCatalogueTargetsOf(
    db,
    indicators.map((i) => i.id),
  );
  return indicators.map((i) => ({
    kind: "catalogue" as const,
    id: i.id,
    code: i.code,
    text: i.text,
    domain: (goals.find((g) => g.id === i.goalId)?.domain ?? null) as GoalDomain | null,
    units: targets.filter((t) => t.indicatorId === i.id).map((t) => t.unit as TargetUnit | null),
    catalogueIndicatorId: i.id,
    goalId: i.goalId,
  }));
}

export async function loadUpperCandidates(db: Executor, upper: PlanRow): Promise<LinkableIndicator[]> {
  const [goals, indicators, targets] = await Promise.all([
    listGoals(db, upper.id),
    listIndicators(db, upper.id),
    listTargetsOfPlans(db, [upper.id]),
  ]);
  return indicators
    .filter((i) => !i.dropped)
    .map((i) => {
      const goal = goals.find((g) => g.id === i.goalId);
      return {
        kind: "upper" as const,
        id: i.id,
        code: `${goal?.number ?? "?"}.${i.number}`,
        text: i.text,
        domain: (goal?.domain ?? null) as GoalDomain | null,
        units: targets.filter((t) => t.indicatorId === i.id).map((t) => t.unit as TargetUnit | null),
        catalogueIndicatorId: i.catalogueIndicatorId,
        goalId: i.goalId,
      };
    });
}

/** Same agency when the folded names are equal, or share all their telling words. */
export function findAgencyByName<T extends { name: string }>(agencies: readonly T[], name: string): T | undefined {
  const folded = foldVietnamese(name)
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const exact = agencies.find(
    (a) =>
      foldVietnamese(a.name)
        .replace(/[^a-z0-9 ]+/g, " ")
        .replace(/\s+/g, " ")
        .trim() === folded,
  );
  if (exact) return exact;
  const words = new Set(matchTokens(name));
  return agencies.find((a) => {
    const other = new Set(matchTokens(a.name));
    return other.size > 1 && other.size === words.size && [...other].every((w) => words.has(w));
  });
}

// Matched on folded text, so "Ủy ban" and "Uỷ ban" (two tone placements) agree.
const TYPE_BY_PREFIX: [RegExp, AgencyType][] = [
  [/^so\b/, "so"],
  [/^phong\b/, "phong"],
  [/^(trung tam|tram|benh vien)\b/, "trung_tam"],
  [/^cong an\b/, "cong_an"],
  [/^dai\b/, "dai"],
  [/^((chi )?cuc )?thong ke\b/, "thong_ke"],
  [/^(uy ban )?mat tran\b/, "mat_tran"],
  [/^(uy ban nhan dan|ubnd)\b/, "uy_ban"],
  [/^(hoi|lien doan|doan|lien minh)\b/, "hoi"],
  [/^ban\b/, "ban"],
];

/** The type a new agency gets from its name: "Sở Y tế" → so, "Hội Liên hiệp Phụ nữ" → hoi. */
export function guessAgencyType(name: string): AgencyType {
  const folded = foldVietnamese(name);
  return TYPE_BY_PREFIX.find(([re]) => re.test(folded))?.[1] ?? "khac";
}
