import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ZIdParams, ZOk } from "../../../contract/common";
import {
  ZAddGoalInput,
  ZAddIndicatorInput,
  ZCreatePlanFromInput,
  ZIssuePlanInput,
  ZPlan,
  ZPlanChecks,
  ZPlanDiff,
  ZPlanDiffQuery,
  ZPlanGoalParams,
  ZPlanIndicatorParams,
  ZPlanList,
  ZPlanListQuery,
  ZPlanSources,
  ZSetResponsibilitiesInput,
  ZSetTargetsInput,
  ZUpdateGoalInput,
  ZUpdateIndicatorInput,
  ZUpdatePlanInput,
} from "../../../contract/plan";
import {
  addGoal,
  addLocalIndicator,
  createNewVersion,
  deleteDraftPlan,
  diffPlanVersions,
  getPlan,
  getPlanChecks,
  issuePlan,
  listPlanSources,
  listPlans,
  listPlanVersions,
  removeLocalIndicator,
  renameGoal,
  setIndicatorTargets,
  setResponsibilities,
  unitNamesOf,
  updateIndicatorFields,
  updatePlanHeader,
} from "../../services/plan.service";
import { createPlanFrom } from "../../services/plan-cascade.service";
import { renderPlanDocument } from "../../services/plan-document.service";
import { loadPlanAggregate } from "../../services/plan-view.service";
import type { RouteContext } from "../app";
import { actorOf } from "../auth";
import { presentChecks, presentPlan, presentPlanSummary } from "../presenters/plan.presenters";

export async function planRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["plans"];
  const db = ctx.db;

  r.get(
    "/plans",
    { schema: { tags, summary: "Kế hoạch của một đơn vị", querystring: ZPlanListQuery, response: { 200: ZPlanList } } },
    async (req) => {
      const plans = await listPlans(db, actorOf(req), req.query.unitId);
      const names = await unitNamesOf(db, plans);
      return { items: plans.map((p) => presentPlanSummary(p, names.get(p.unitId))) };
    },
  );

  r.get(
    "/plans/sources",
    {
      schema: {
        tags,
        summary: "Nguồn để tạo kế hoạch: chiến lược quốc gia, kế hoạch cấp trên đã ban hành",
        querystring: ZPlanListQuery,
        response: { 200: ZPlanSources },
      },
    },
    async (req) => {
      const sources = await listPlanSources(db, actorOf(req), req.query.unitId);
      const names = await unitNamesOf(db, sources.plans);
      return {
        strategies: sources.strategies.map((s) => ({
          id: s.id,
          title: s.title,
          periodFrom: s.periodFrom,
          periodTo: s.periodTo,
        })),
        plans: sources.plans.map((p) => presentPlanSummary(p, names.get(p.unitId))),
      };
    },
  );

  r.post(
    "/plans/create-from",
    {
      schema: {
        tags,
        summary: "Tạo kế hoạch từ chiến lược hoặc kế hoạch cấp trên",
        body: ZCreatePlanFromInput,
        response: { 200: ZPlan },
      },
    },
    async (req) => presentPlan(await loadPlanAggregate(db, await createPlanFrom(db, actorOf(req), req.body))),
  );

  r.get(
    "/plans/:id",
    { schema: { tags, summary: "Một kế hoạch", params: ZIdParams, response: { 200: ZPlan } } },
    async (req) => presentPlan(await getPlan(db, actorOf(req), req.params.id)),
  );

  r.patch(
    "/plans/:id",
    {
      schema: {
        tags,
        summary: "Sửa thông tin chung và các phần của kế hoạch",
        params: ZIdParams,
        body: ZUpdatePlanInput,
        response: { 200: ZPlan },
      },
    },
    async (req) => presentPlan(await updatePlanHeader(db, actorOf(req), req.params.id, req.body)),
  );

  r.delete(
    "/plans/:id",
    { schema: { tags, summary: "Xóa bản dự thảo", params: ZIdParams, response: { 200: ZOk } } },
    async (req) => {
      await deleteDraftPlan(db, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  r.post(
    "/plans/:id/goals",
    { schema: { tags, summary: "Thêm mục tiêu", params: ZIdParams, body: ZAddGoalInput, response: { 200: ZPlan } } },
    async (req) => presentPlan(await addGoal(db, actorOf(req), req.params.id, req.body)),
  );

  r.patch(
    "/plans/:id/goals/:goalId",
    {
      schema: {
        tags,
        summary: "Sửa tên mục tiêu",
        params: ZPlanGoalParams,
        body: ZUpdateGoalInput,
        response: { 200: ZPlan },
      },
    },
    async (req) => presentPlan(await renameGoal(db, actorOf(req), req.params.id, req.params.goalId, req.body)),
  );

  r.post(
    "/plans/:id/indicators",
    {
      schema: {
        tags,
        summary: "Thêm chỉ tiêu của địa phương",
        params: ZIdParams,
        body: ZAddIndicatorInput,
        response: { 200: ZPlan },
      },
    },
    async (req) => presentPlan(await addLocalIndicator(db, actorOf(req), req.params.id, req.body)),
  );

  r.patch(
    "/plans/:id/indicators/:indicatorId",
    {
      schema: {
        tags,
        summary: "Sửa chỉ tiêu; bỏ chỉ tiêu cấp trên (kèm lý do)",
        params: ZPlanIndicatorParams,
        body: ZUpdateIndicatorInput,
        response: { 200: ZPlan },
      },
    },
    async (req) =>
      presentPlan(await updateIndicatorFields(db, actorOf(req), req.params.id, req.params.indicatorId, req.body)),
  );

  r.delete(
    "/plans/:id/indicators/:indicatorId",
    {
      schema: { tags, summary: "Xóa chỉ tiêu của địa phương", params: ZPlanIndicatorParams, response: { 200: ZPlan } },
    },
    async (req) => presentPlan(await removeLocalIndicator(db, actorOf(req), req.params.id, req.params.indicatorId)),
  );

  r.put(
    "/plans/:id/indicators/:indicatorId/targets",
    {
      schema: {
        tags,
        summary: "Đặt mục tiêu (giá trị) của chỉ tiêu",
        params: ZPlanIndicatorParams,
        body: ZSetTargetsInput,
        response: { 200: ZPlan },
      },
    },
    async (req) =>
      presentPlan(await setIndicatorTargets(db, actorOf(req), req.params.id, req.params.indicatorId, req.body)),
  );

  r.put(
    "/plans/:id/responsibilities",
    {
      schema: {
        tags,
        summary: "Phân công cơ quan × chỉ tiêu (chủ trì / phối hợp / báo cáo)",
        params: ZIdParams,
        body: ZSetResponsibilitiesInput,
        response: { 200: ZPlan },
      },
    },
    async (req) => presentPlan(await setResponsibilities(db, actorOf(req), req.params.id, req.body)),
  );

  r.get(
    "/plans/:id/checks",
    { schema: { tags, summary: "Kiểm tra kế hoạch", params: ZIdParams, response: { 200: ZPlanChecks } } },
    async (req) => presentChecks(await getPlanChecks(db, actorOf(req), req.params.id)),
  );

  r.post(
    "/plans/:id/issue",
    {
      schema: {
        tags,
        summary: "Ban hành kế hoạch (cấp số)",
        params: ZIdParams,
        body: ZIssuePlanInput,
        response: { 200: ZPlan },
      },
    },
    async (req) => presentPlan(await issuePlan(db, actorOf(req), req.params.id, req.body)),
  );

  r.post(
    "/plans/:id/new-version",
    {
      schema: {
        tags,
        summary: "Tạo phiên bản mới (dự thảo) của kế hoạch đã ban hành",
        params: ZIdParams,
        response: { 200: ZPlan },
      },
    },
    async (req) => presentPlan(await createNewVersion(db, actorOf(req), req.params.id)),
  );

  r.get(
    "/plans/:id/versions",
    { schema: { tags, summary: "Các phiên bản của kế hoạch", params: ZIdParams, response: { 200: ZPlanList } } },
    async (req) => ({
      items: (await listPlanVersions(db, actorOf(req), req.params.id)).map((p) => presentPlanSummary(p)),
    }),
  );

  r.get(
    "/plans/:id/diff",
    {
      schema: {
        tags,
        summary: "Khác biệt giữa hai phiên bản",
        params: ZIdParams,
        querystring: ZPlanDiffQuery,
        response: { 200: ZPlanDiff },
      },
    },
    async (req) => diffPlanVersions(db, actorOf(req), req.params.id, req.query.against),
  );

  r.get(
    "/plans/:id/document.docx",
    {
      schema: {
        tags,
        summary: "Tải kế hoạch (DOCX, thể thức NĐ 30/2020)",
        params: ZIdParams,
        produces: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
        response: { 200: z.any().describe("DOCX file") },
      },
    },
    async (req, reply) => {
      const file = await renderPlanDocument(db, actorOf(req), req.params.id);
      return reply
        .type("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        .header(
          "content-disposition",
          `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileNameVi)}`,
        )
        .send(file.bytes);
    },
  );
}
