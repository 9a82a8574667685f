import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ZIdParams } from "../../../contract/common";
import {
  ZAsOfQuery,
  ZCrosswalkList,
  ZUnit,
  ZUnitCodeParams,
  ZUnitList,
  ZUnitSearchQuery,
  ZUnitSearchResult,
  ZUnitWithAncestors,
} from "../../../contract/unit";
import type { UnitType } from "../../../core/units";
import {
  findUnits,
  getChildren,
  getCrosswalk,
  getRoot,
  getUnitByCode,
  getUnitWithAncestors,
  todayIso,
} from "../../services/unit.service";
import type { RouteContext } from "../app";
import { actorOf } from "../auth";
import { presentUnit } from "../presenters/presenters";

export async function unitRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["units"];

  r.get(
    "/units/root",
    { schema: { tags, summary: "Gốc cây đơn vị hành chính", querystring: ZAsOfQuery, response: { 200: ZUnit } } },
    async (req) => presentUnit(await getRoot(ctx.db, actorOf(req), req.query.asOf ?? todayIso())),
  );

  r.get(
    "/units/search",
    {
      schema: {
        tags,
        summary: "Tìm đơn vị (không cần dấu)",
        querystring: ZUnitSearchQuery,
        response: { 200: ZUnitSearchResult },
      },
    },
    async (req) => {
      const hits = await findUnits(ctx.db, actorOf(req), req.query.q, req.query.asOf ?? todayIso(), req.query.limit);
      return { items: hits.map((h) => ({ ...presentUnit(h.unit), path: h.path })) };
    },
  );

  r.get(
    "/units/code/:code",
    {
      schema: {
        tags,
        summary: "Tra đơn vị theo mã chính thức",
        params: ZUnitCodeParams,
        querystring: ZAsOfQuery,
        response: { 200: ZUnit },
      },
    },
    async (req) =>
      presentUnit(await getUnitByCode(ctx.db, actorOf(req), req.params.code, req.query.asOf ?? todayIso())),
  );

  r.get(
    "/units/:id",
    {
      schema: {
        tags,
        summary: "Một đơn vị và các cấp trên",
        params: ZIdParams,
        querystring: ZAsOfQuery,
        response: { 200: ZUnitWithAncestors },
      },
    },
    async (req) => {
      const { unit, ancestors, revisions } = await getUnitWithAncestors(
        ctx.db,
        actorOf(req),
        req.params.id,
        req.query.asOf ?? todayIso(),
      );
      return {
        unit: presentUnit(unit),
        ancestors: ancestors.map(presentUnit),
        revisions: revisions.map((r) => ({
          validFrom: r.valid_from,
          validTo: r.valid_to,
          fullName: r.full_name,
          type: r.type as UnitType,
          legalBasis: r.legal_basis,
        })),
      };
    },
  );

  r.get(
    "/units/:id/children",
    {
      schema: {
        tags,
        summary: "Các đơn vị trực thuộc",
        params: ZIdParams,
        querystring: ZAsOfQuery,
        response: { 200: ZUnitList },
      },
    },
    async (req) => ({
      items: (await getChildren(ctx.db, actorOf(req), req.params.id, req.query.asOf ?? todayIso())).map(presentUnit),
    }),
  );

  r.get(
    "/units/:id/crosswalk",
    {
      schema: {
        tags,
        summary: "Chuyển đổi đơn vị cũ → mới (2025)",
        params: ZIdParams,
        response: { 200: ZCrosswalkList },
      },
    },
    async (req) => ({
      items: (await getCrosswalk(ctx.db, actorOf(req), req.params.id)).map(({ row, oldUnit, newUnit }) => ({
        oldUnit: presentUnit(oldUnit),
        newUnit: presentUnit(newUnit),
        relation: row.relation,
        note: row.note,
      })),
    }),
  );
}
