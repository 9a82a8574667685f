import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ZIdParams } from "../../../contract/common";
import { ZForm, ZSaveFormInput } from "../../../contract/data-value";
import {
  ZDecisionInput,
  ZMyForms,
  ZOpenRoundInput,
  ZPlanIdParams,
  ZRound,
  ZRoundList,
  ZRoundReporterParams,
  ZRoundStatus,
  ZSubmissionState,
} from "../../../contract/reporting";
import { countRoundStates } from "../../../core/reporting";
import type { Actor } from "../../services/context";
import { type FormPage, getForm, saveForm, submitForm } from "../../services/data-value.service";
import { lastRemindersOfRound, listMyFormsWithReminders } from "../../services/reminder.service";
import {
  decideSubmission,
  getRoundStatus,
  listRounds,
  openRound,
  roundCounts,
  submissionUserNames,
} from "../../services/reporting.service";
import { todayIso } from "../../services/unit.service";
import type { RouteContext } from "../app";
import { actorOf } from "../auth";
import {
  presentForm,
  presentMyForm,
  presentRound,
  presentRoundStatus,
  presentSubmissionState,
} from "../presenters/reporting.presenters";

export async function reportingRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["reporting"];
  /** A form with the names of who submitted and decided it (at most one primary-key lookup). */
  const present = async (form: FormPage, actor: Actor) =>
    presentForm(
      form,
      await submissionUserNames(ctx.db, [form.submission], new Map([[actor.principal.id, actor.displayName]])),
    );

  r.post(
    "/plans/:id/rounds",
    {
      schema: {
        tags,
        summary: "Mở kỳ báo cáo của kế hoạch đã ban hành",
        description:
          "Tạo kỳ báo cáo (6 tháng, năm, quý) với khung thời gian số liệu theo NĐ 09/2019 và hạn nộp theo chế độ báo cáo của kế hoạch; xác định các cơ quan, đơn vị phải báo cáo và biểu mẫu của từng nơi.",
        params: ZPlanIdParams,
        body: ZOpenRoundInput,
        response: { 200: ZRound },
      },
    },
    async (req) => {
      const round = await openRound(ctx.db, actorOf(req), req.params.id, req.body);
      return presentRound(round, await roundCounts(ctx.db, round.id));
    },
  );

  r.get(
    "/plans/:id/rounds",
    { schema: { tags, summary: "Các kỳ báo cáo của kế hoạch", params: ZPlanIdParams, response: { 200: ZRoundList } } },
    async (req) => ({
      items: (await listRounds(ctx.db, actorOf(req), req.params.id)).map((x) =>
        presentRound(x.round, countRoundStates(x.submissions)),
      ),
    }),
  );

  r.get(
    "/forms/mine",
    {
      schema: {
        tags,
        summary: "Các biểu mẫu tôi phải báo cáo (theo cơ quan hoặc đơn vị của tôi)",
        description:
          "Biểu mẫu chưa gửi đứng trước, hạn gần nhất (quá hạn lâu nhất) trước; kèm thời gian còn lại theo giờ Việt Nam và lời nhắc gần nhất của cấp trên.",
        response: { 200: ZMyForms },
      },
    },
    async (req) => {
      const mine = await listMyFormsWithReminders(ctx.db, actorOf(req));
      return { items: mine.items.map((item) => presentMyForm(item, mine.today)) };
    },
  );

  r.get(
    "/rounds/:id/status",
    {
      schema: {
        tags,
        summary: "Tình hình báo cáo: đầy đủ, đúng hạn, theo cơ quan và đơn vị cấp dưới",
        params: ZIdParams,
        response: { 200: ZRoundStatus },
      },
    },
    async (req) => {
      const status = await getRoundStatus(ctx.db, actorOf(req), req.params.id, todayIso());
      return presentRoundStatus(status, await lastRemindersOfRound(ctx.db, status.round.id));
    },
  );

  r.get(
    "/rounds/:id/forms/:reporterKey",
    {
      schema: {
        tags,
        summary: "Biểu mẫu báo cáo của một cơ quan/đơn vị",
        description:
          "Đúng các chỉ tiêu dữ liệu của nơi báo cáo, theo giới tính, kèm số liệu kỳ trước và lời văn theo mục tiêu.",
        params: ZRoundReporterParams,
        response: { 200: ZForm },
      },
    },
    async (req) => present(await getForm(ctx.db, actorOf(req), req.params.id, req.params.reporterKey), actorOf(req)),
  );

  r.put(
    "/rounds/:id/forms/:reporterKey",
    {
      schema: {
        tags,
        summary: "Lưu nháp số liệu và lời văn",
        description:
          "Số liệu sai kiểu (âm, lẻ với số người) bị từ chối ngay, không lưu gì; lỗi chéo (tử số > mẫu số) trả về trong issues.",
        params: ZRoundReporterParams,
        body: ZSaveFormInput,
        response: { 200: ZForm },
      },
    },
    async (req) =>
      present(await saveForm(ctx.db, actorOf(req), req.params.id, req.params.reporterKey, req.body), actorOf(req)),
  );

  r.post(
    "/rounds/:id/forms/:reporterKey/submit",
    {
      schema: {
        tags,
        summary: "Gửi báo cáo để cấp trên duyệt",
        description:
          "Có thể kèm số liệu như khi lưu nháp. Còn ô trống, lỗi, hoặc biến động lớn chưa ghi chú thì không gửi được.",
        params: ZRoundReporterParams,
        body: ZSaveFormInput,
        response: { 200: ZForm },
      },
    },
    async (req) =>
      present(await submitForm(ctx.db, actorOf(req), req.params.id, req.params.reporterKey, req.body), actorOf(req)),
  );

  for (const decision of ["approve", "return", "reopen"] as const) {
    const summary = {
      approve: "Duyệt báo cáo (khóa số liệu, tổng hợp ngay lên các cấp)",
      return: "Trả lại báo cáo kèm ý kiến",
      reopen: "Mở lại báo cáo đã duyệt (cán bộ kế hoạch; ghi nhật ký)",
    }[decision];
    r.post(
      `/rounds/:id/forms/:reporterKey/${decision}`,
      {
        schema: {
          tags,
          summary,
          params: ZRoundReporterParams,
          body: ZDecisionInput,
          response: { 200: ZSubmissionState },
        },
      },
      async (req) =>
        presentSubmissionState(
          await decideSubmission(ctx.db, actorOf(req), req.params.id, req.params.reporterKey, decision, req.body),
        ),
    );
  }
}
