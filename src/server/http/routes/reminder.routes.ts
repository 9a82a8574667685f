import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ZIdParams } from "../../../contract/common";
import { ZReminderList, ZSendReminderInput, ZSendReminderResult } from "../../../contract/reminder";
import { ZRoundReporterParams } from "../../../contract/reporting";
import { listReminders, sendReminders } from "../../services/reminder.service";
import type { RouteContext } from "../app";
import { actorOf } from "../auth";
import { presentReminder, presentSentReminders } from "../presenters/reminder.presenters";

export async function reminderRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["reporting"];

  r.post(
    "/rounds/:id/reminders",
    {
      schema: {
        tags,
        summary: "Nhắc báo cáo: các nơi chưa gửi, hoặc một nơi",
        description:
          "Ghi lời nhắc (trong ứng dụng) cho mọi cơ quan, đơn vị chưa gửi báo cáo của kỳ, hoặc chỉ reporterKey. Mỗi nơi nhiều nhất một lần trong 24 giờ: nơi vừa được nhắc bị bỏ qua (skipped); không còn ai để nhắc thì trả 409 và không ghi gì.",
        params: ZIdParams,
        body: ZSendReminderInput,
        response: { 200: ZSendReminderResult },
      },
    },
    async (req) => presentSentReminders(await sendReminders(ctx.db, actorOf(req), req.params.id, req.body)),
  );

  r.get(
    "/rounds/:id/forms/:reporterKey/reminders",
    {
      schema: {
        tags,
        summary: "Các lời nhắc cấp trên đã gửi cho một nơi báo cáo trong kỳ",
        params: ZRoundReporterParams,
        response: { 200: ZReminderList },
      },
    },
    async (req) => ({
      items: (await listReminders(ctx.db, actorOf(req), req.params.id, req.params.reporterKey)).map(presentReminder),
    }),
  );
}
