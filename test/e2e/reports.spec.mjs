// The reports page: the city planner opens "Báo cáo", sees whether the figures of
// the round are complete, and downloads the report (DOCX) and the public annex (XLSX).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, expectAccessible, signIn, test } from "./harness.mjs";

const resultsDir = new URL("../../test-results/", import.meta.url).pathname;

async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
  const path = join(resultsDir, `reports--${file.suggestedFilename()}`);
  await file.saveAs(path);
  const bytes = readFileSync(path);
  expect(bytes.length > 2000 && bytes.subarray(0, 2).toString() === "PK", `${name}: ${bytes.length} bytes`);
  return file.suggestedFilename();
}

test("city planner: reports page, readiness of the round, report DOCX and public XLSX", async ({ page, shot }) => {
  await signIn(page, "demo.planner");
  await page
    .getByRole("navigation", { name: "Điều hướng chính" })
    .getByRole("link", { name: "Báo cáo", exact: true })
    .click();
  await page.getByRole("heading", { name: "Báo cáo 6 tháng và năm", level: 1 }).waitFor();
  const readiness = page.getByTestId("report-readiness");
  await readiness.getByText(/^Thành phố Cần Thơ — /).waitFor();
  await readiness.getByText(/Phải báo cáo: .* Đã duyệt: /).waitFor();
  await readiness.getByText(/chỉ tiêu đã có số liệu/).waitFor();
  await shot("readiness");
  await expectAccessible(page, "reports");

  const docx = await download(page, "Tải báo cáo (Word)");
  expect(docx.endsWith(".docx"), `docx name ${docx}`);
  const xlsx = await download(page, "Tải phụ lục công khai (Excel)");
  expect(xlsx.endsWith(".xlsx"), `xlsx name ${xlsx}`);
});
