// The ward planner cascades her plan from Cần Thơ's: weakens a target and sees
// the warning naming both values, leaves an indicator without a lead and is
// refused issuing, fixes it, issues, downloads the official DOCX.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, expectAccessible, signIn, test } from "./harness.mjs";

const resultsDir = new URL("../../test-results/", import.meta.url).pathname;
const LEAD_AGENCY = "Phòng Văn hóa - Xã hội";

test("ward planner: create from the city plan, checks, refused issue, issue, DOCX", async ({ page, shot }) => {
  await signIn(page, "demo.ward");
  await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Kế hoạch" }).click();
  await page.getByRole("heading", { name: "Kế hoạch", level: 1 }).waitFor();
  await page.getByRole("link", { name: /phường Ninh Kiều năm 2025/ }).waitFor();
  await shot("list");
  await expectAccessible(page, "plan list");

  await page.getByRole("button", { name: "Tạo kế hoạch từ…" }).click();
  const create = page.getByRole("dialog");
  await create
    .getByLabel("Nguồn")
    .selectOption({ label: /Kế hoạch cấp trên số 20\/KH-UBND/ })
    .catch(async () => {
      const value = await create.getByLabel("Nguồn").locator("option", { hasText: "20/KH-UBND" }).getAttribute("value");
      await create.getByLabel("Nguồn").selectOption(value ?? "");
    });
  await create.getByLabel("Từ năm").fill("2024");
  await create.getByLabel("Đến năm").fill("2025");
  await create
    .getByLabel("Trích yếu (để trống: tự đặt)")
    .fill("Thực hiện công tác bình đẳng giới phường Ninh Kiều giai đoạn 2024 - 2025");
  await shot("create-dialog");
  await create.getByRole("button", { name: "Tạo dự thảo" }).click();

  // The draft: indicators linked to the city's, its targets beside the local ones.
  await page.getByRole("heading", { name: /phường Ninh Kiều giai đoạn 2024 - 2025/, level: 1 }).waitFor();
  const wage = page.getByTestId("indicator-2.1");
  await wage.getByText("Mục tiêu cấp trên (chỉ tiêu 2.1)").waitFor();
  await wage.getByText("mốc gần nhất 2024, để tham khảo").first().waitFor();
  await shot("draft");

  await wage.getByLabel("Giá trị 2.1 (2024)", { exact: true }).fill("45");
  await wage.getByRole("button", { name: "Lưu mục tiêu chỉ tiêu 2.1" }).click();
  const warning = "Chỉ tiêu 2.1: mục tiêu địa phương ≥ 45% (2024) thấp hơn mục tiêu cấp trên ≥ 60% (2024).";
  await page.getByTestId("checks-warning").getByText(warning).waitFor();
  await shot("weaker-target-warning");

  // Responsibilities: a lead for every indicator but the first.
  await page.getByRole("tab", { name: "Tổ chức thực hiện" }).click();
  const codes = await page.locator('table th[scope="row"]').allInnerTexts();
  expect(codes.length > 10, `grid rows: ${codes.length}`);
  for (const code of codes.slice(1)) {
    await page.getByLabel(`Vai trò của ${LEAD_AGENCY} với chỉ tiêu ${code}`, { exact: true }).selectOption("lead");
  }
  await page.getByRole("button", { name: "Lưu phân công" }).click();
  await page.getByTestId("checks-error").getByText(`Chỉ tiêu ${codes[0]}: chưa có cơ quan chủ trì.`).waitFor();
  await shot("grid");
  await expectAccessible(page, "responsibility grid");

  await page.getByRole("button", { name: "Ban hành", exact: true }).click();
  const issue = page.getByRole("dialog");
  await issue.getByLabel("Số văn bản").fill("21");
  await issue.getByRole("button", { name: "Ban hành", exact: true }).click();
  await issue
    .getByRole("alert")
    .getByText(/Chưa thể ban hành kế hoạch/)
    .waitFor();
  await issue.getByText(`Chỉ tiêu ${codes[0]}: chưa có cơ quan chủ trì.`).waitFor();
  await shot("issue-refused");
  await page.keyboard.press("Escape");
  await issue.waitFor({ state: "hidden" });

  await page.getByLabel(`Vai trò của ${LEAD_AGENCY} với chỉ tiêu ${codes[0]}`, { exact: true }).selectOption("lead");
  await page.getByRole("button", { name: "Lưu phân công" }).click();
  await page.getByTestId("checks-error").waitFor({ state: "detached" });

  await page.getByRole("button", { name: "Ban hành", exact: true }).click();
  const again = page.getByRole("dialog");
  await again.getByLabel("Số văn bản").fill("21");
  await again.getByRole("button", { name: "Ban hành", exact: true }).click();
  await again.waitFor({ state: "hidden" });
  await page.getByText("Đã ban hành").first().waitFor();
  await page.getByText("21/KH-UBND").first().waitFor();
  await shot("issued");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Tải văn bản (DOCX)" }).click(),
  ]);
  expect(download.suggestedFilename().endsWith(".docx"), `file name ${download.suggestedFilename()}`);
  const path = join(resultsDir, "plans--ward-plan.docx");
  await download.saveAs(path);
  expect(readFileSync(path).subarray(0, 2).toString() === "PK", "a DOCX (zip) file");
});

test("admin confirms a catalogue target that was not checked against the official text", async ({ page, shot }) => {
  await signIn(page, "demo.admin");
  await page
    .getByRole("navigation", { name: "Điều hướng chính" })
    .getByRole("link", { name: "Danh mục quốc gia" })
    .click();
  await page.getByRole("heading", { name: "Chiến lược quốc gia về bình đẳng giới giai đoạn 2021 - 2030" }).waitFor();
  const srb = page
    .getByRole("listitem")
    .filter({ hasText: "ở mức" })
    .or(page.getByRole("listitem").filter({ hasText: "≤ 111/100 (2025)" }))
    .first();
  await srb.getByText("cần đối chiếu văn bản gốc").waitFor();
  await shot("catalogue");
  await expectAccessible(page, "catalogue");
  await srb.getByRole("button", { name: "Xác nhận" }).click();
  const form = page.getByRole("form", { name: "Xác nhận mục tiêu 4.1 năm 2025" });
  await form.getByLabel("Ghi chú (đối chiếu văn bản nào)").fill("Đã đối chiếu Nghị quyết 28/NQ-CP");
  await form.getByRole("button", { name: "Xác nhận" }).click();
  await page
    .getByRole("listitem")
    .filter({ hasText: "≤ 111/100 (2025)" })
    .getByText("đã đối chiếu", { exact: true })
    .waitFor();
  await shot("catalogue-confirmed");
});
