import { parseArgs } from "node:util";
import { ZCreateUserInput } from "../../contract/user";
import { findUnitByCode } from "../db/repos/unit.repo";
import { systemActor } from "../services/context";
import { todayIso } from "../services/unit.service";
import { createUser } from "../services/user.service";
import { withDatabase } from "./with-database";

const USAGE =
  'Cách dùng / usage: binhdang user add --username U --name "Họ tên" --role admin|planner|reporter|viewer [--unit MÃ_ĐƠN_VỊ] [--agency ID] [--password P]  (không có --password: mật khẩu dùng một lần)';

export async function run(args: string[]): Promise<number> {
  if (args[0] !== "add") {
    console.error(USAGE);
    return 2;
  }
  const { values } = parseArgs({
    args: args.slice(1),
    options: {
      username: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      unit: { type: "string" },
      agency: { type: "string" },
      password: { type: "string" },
    },
  });
  return withDatabase(async ({ db }) => {
    const unit = values.unit ? await findUnitByCode(db, values.unit, todayIso()) : undefined;
    if (values.unit && !unit) {
      console.error(`Không tìm thấy đơn vị mã ${values.unit} / unknown unit code`);
      return 1;
    }
    const parsed = ZCreateUserInput.safeParse({
      username: values.username,
      displayName: values.name ?? values.username,
      role: values.role,
      unitId: unit?.id ?? null,
      agencyId: values.agency ? Number(values.agency) : null,
      password: values.password,
    });
    if (!parsed.success) {
      console.error(
        `Dữ liệu không hợp lệ / invalid input:\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}\n${USAGE}`,
      );
      return 2;
    }
    const user = await createUser(db, systemActor("binhdang user add"), parsed.data);
    console.log(`Đã tạo người dùng ${user.username} (${user.role}).`);
    if (user.oneTimePassword) {
      console.log(
        `Mật khẩu dùng một lần / one-time password: ${user.oneTimePassword}  (phải đổi khi đăng nhập lần đầu)`,
      );
    }
    return 0;
  });
}
