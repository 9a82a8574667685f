import type { ConfirmTargetInput } from "../../contract/catalogue";
import { AppError } from "../../core/errors";
import type { Db } from "../db/client";
import { insertAudit } from "../db/repos/audit.repo";
import {
  type CatalogueGoalRow,
  type CatalogueIndicatorRow,
  type CatalogueTargetRow,
  findCatalogueTarget,
  findStrategy,
  findStrategyByCode,
  insertCatalogueGoal,
  insertCatalogueIndicator,
  insertCatalogueTargets,
  insertStrategy,
  listCatalogueGoals,
  listCatalogueIndicators,
  listCatalogueTargetsOf,
  listStrategies,
  type StrategyRow,
  updateCatalogueTarget,
} from "../db/repos/catalogue.repo";
import { readReferenceJson } from "../reference/reference-files";
import { assertCan } from "./access.service";
import { type Actor, auditActor } from "./context";

// The national catalogue ships in reference-data/ and is loaded once. Targets
// not read in the official text stay `verified: false` — shown as "cần đối
// chiếu văn bản gốc" — until an administrator confirms or corrects them.

interface StrategyFile {
  code: string;
  title: string;
  issuedBy: { number: string; date: string; type: string; issuer: string };
  periodFrom: number;
  periodTo: number;
  generalObjective?: string;
  note?: string;
  goals: {
    number: number;
    domain: string | null;
    title: string;
    indicators: {
      code: string;
      number: number;
      text: string;
      kind: string;
      targets: {
        year: number;
        comparator: string;
        value: number | null;
        unit: string | null;
        verified: boolean;
        subject?: string;
        note?: string;
      }[];
    }[];
  }[];
}

export const STRATEGY_FILES = ["strategy-2021-2030.json"];

/** Loads the strategies shipped with the app that are not in the database yet; returns how many were added. */
export async function loadStrategyCatalogue(db: Db, actor: Actor, files = STRATEGY_FILES): Promise<number> {
  let added = 0;
  for (const file of files) {
    const data = readReferenceJson<StrategyFile>(file);
    if (await findStrategyByCode(db, data.code)) continue;
    await db.transaction(async (tx) => {
      const strategy = await insertStrategy(tx, {
        code: data.code,
        title: data.title.normalize("NFC"),
        issuedBy: data.issuedBy,
        periodFrom: data.periodFrom,
        periodTo: data.periodTo,
        generalObjective: data.generalObjective?.normalize("NFC") ?? null,
        note: data.note ?? null,
      });
      for (const g of data.goals) {
        const goal = await insertCatalogueGoal(tx, {
          strategyId: strategy.id,
          number: g.number,
          domain: g.domain,
          title: g.title.normalize("NFC"),
        });
        for (const i of g.indicators) {
          const indicator = await insertCatalogueIndicator(tx, {
            strategyId: strategy.id,
            goalId: goal.id,
            code: i.code,
            number: i.number,
            text: i.text.normalize("NFC"),
            kind: i.kind,
          });
          await insertCatalogueTargets(
            tx,
            i.targets.map((t) => ({
              indicatorId: indicator.id,
              year: t.year,
              comparator: t.comparator,
              value: t.value,
              unit: t.unit,
              subject: t.subject?.normalize("NFC") ?? null,
              note: t.note ?? null,
              verified: t.verified,
            })),
          );
        }
      }
      await insertAudit(tx, {
        ...auditActor(actor),
        action: "catalogue.load",
        objectType: "strategy",
        objectId: strategy.id,
        old: null,
        new: { code: data.code, file },
      });
    });
    added++;
  }
  return added;
}

export interface StrategyTree {
  strategy: StrategyRow;
  goals: CatalogueGoalRow[];
  indicators: CatalogueIndicatorRow[];
  targets: CatalogueTargetRow[];
}

/** The national catalogue is public reference data: every signed-in user reads it. */
export async function listCatalogueStrategies(db: Db, actor: Actor): Promise<StrategyRow[]> {
  assertCan(actor, "catalogue.read");
  return listStrategies(db);
}

export async function getStrategyTree(db: Db, actor: Actor, id: number): Promise<StrategyTree> {
  assertCan(actor, "catalogue.read");
  const strategy = await findStrategy(db, id);
  if (!strategy) throw new AppError("NOT_FOUND");
  const [goals, indicators] = await Promise.all([listCatalogueGoals(db, id), listCatalogueIndicators(db, id)]);
  const targets = await listCatalogueTargetsOf(
    db,
    indicators.map((i) => i.id),
  );
  return { strategy, goals, indicators, targets };
}

/** An administrator confirms (or corrects) a target against the official text. */
export async function confirmCatalogueTarget(
  db: Db,
  actor: Actor,
  targetId: number,
  input: ConfirmTargetInput,
): Promise<CatalogueTargetRow> {
  assertCan(actor, "catalogue.manage");
  return db.transaction(async (tx) => {
    const before = await findCatalogueTarget(tx, targetId);
    if (!before) throw new AppError("NOT_FOUND");
    const after = await updateCatalogueTarget(tx, targetId, {
      comparator: input.comparator,
      value: input.value,
      unit: input.unit,
      note: input.note === undefined ? before.note : input.note,
      verified: true,
      confirmedBy: actor.principal.id === 0 ? null : actor.principal.id,
      confirmedAt: new Date().toISOString(),
    });
    await insertAudit(tx, {
      ...auditActor(actor),
      action: "catalogue.target.confirm",
      objectType: "catalogue_target",
      objectId: targetId,
      old: before,
      new: after,
    });
    return after;
  });
}
