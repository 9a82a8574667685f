// The progress dashboard: the city planner opens Cần Thơ's dashboard, hovers a
// trend point and a status badge to see the status inputs, compares the lower
// units, downloads the annual report (DOCX) and its annex (XLSX); the national
// admin sees the 34 provinces on the map.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, expectAccessible, signIn, test } from "./harness.mjs";

const resultsDir = new URL("../../test-results/", import.meta.url).pathname;

async function pickPeriod(page, label) {
  await page.getByRole("combobox", { name: "Kỳ báo cáo" }).click();
  await page.getByRole("option", { name: label, exact: true }).click();
}

async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
  const path = join(resultsDir, `dashboard--${file.suggestedFilename()}`);
  await file.saveAs(path);
  const bytes = readFileSync(path);
  expect(bytes.length > 2000 && bytes.subarray(0, 2).toString() === "PK", `${name}: ${bytes.length} bytes`);
  return file.suggestedFilename();
}

test("city planner: dashboard, status inputs on hover, lower units, annual report DOCX and XLSX", async ({
  page,
  shot,
}) => {
  await signIn(page, "demo.planner");
  await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Tổng hợp" }).click();
  await page.getByRole("heading", { name: "Bảng điều khiển tiến độ", level: 1 }).waitFor();
  await page.getByText("Thành phố Cần Thơ — Năm 2025").waitFor();
  const table = page.getByTestId("indicator-table");
  await table.waitFor();
  await page.getByTestId("goal-card-1").waitFor();
  await page
    .getByTestId("action-month")
    .getByText(/15\/11\/2025 – 15\/12\/2025/)
    .waitFor();
  await shot("overview");
  await expectAccessible(page, "dashboard");

  // The 6-month report is a mid-year check against the year-end target: statuses come from rates.
  await pickPeriod(page, "6 tháng đầu năm 2025");
  await page.getByText("Thành phố Cần Thơ — 6 tháng đầu năm 2025").waitFor();

  // An indicator assessed by its rates (not already achieved): show its trend.
  const assessed = table
    .locator("tbody tr")
    .filter({ hasText: /Đúng tiến độ|Có nguy cơ|Chậm tiến độ/ })
    .first();
  const code = ((await assessed.locator("td").first().textContent()) ?? "").trim();
  await assessed.getByRole("button", { name: `Xem xu hướng chỉ tiêu ${code}` }).click();
  await page.getByRole("heading", { name: `Xu hướng chỉ tiêu ${code}` }).waitFor();
  const chart = page.getByTestId("trend-chart");
  await chart.locator("svg").waitFor();

  // Hover the latest point (the right end of the plot): the tooltip gives the inputs behind the status.
  await chart.scrollIntoViewIfNeeded();
  const b = await chart.boundingBox();
  expect(b !== null, "trend chart has a box");
  await page.mouse.move(b.x + b.width - 40, b.y + b.height / 2);
  const tooltip = chart.getByText(/Tốc độ thực tế/);
  await tooltip.waitFor();
  await chart.getByText(/Tỷ số thực tế \/ cần đạt/).waitFor();
  await chart.getByText(/Ngưỡng: ≥ 0,95 đúng tiến độ/).waitFor();
  await shot("trend-tooltip");

  // The same inputs on the status badge.
  await assessed.locator(".mantine-Badge-root").hover();
  await page.getByTestId("status-explain").getByText("Căn cứ đánh giá").waitFor();
  await shot("status-badge-explain");
  await page.mouse.move(0, 0);

  // Lower units side by side.
  const lower = page.getByTestId("lower-units");
  await lower.scrollIntoViewIfNeeded();
  await lower.getByTestId("lower-units-chart").locator("svg").waitFor();
  await lower
    .getByText(/Ninh Kiều|Phong Điền/)
    .first()
    .waitFor();
  await shot("lower-units");

  await page
    .getByTestId("round-panel")
    .getByText(/Đã báo cáo:/)
    .waitFor();

  await pickPeriod(page, "Năm 2025");
  await page.getByText("Thành phố Cần Thơ — Năm 2025").waitFor();
  const docx = await download(page, "Báo cáo (Word)");
  expect(docx.endsWith("2025.docx"), `docx name ${docx}`);
  const xlsx = await download(page, "Phụ lục (Excel)");
  expect(xlsx.endsWith("2025.xlsx"), `xlsx name ${xlsx}`);
});

test("national admin: the 34 provinces on the map", async ({ page, shot }) => {
  await signIn(page, "demo.admin");
  await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Tổng hợp" }).click();
  await page.getByRole("heading", { name: "Bảng điều khiển tiến độ", level: 1 }).waitFor();
  // An administrator has no unit of their own: pick the nation.
  await page.getByRole("combobox", { name: "Đơn vị" }).fill("cong hoa xa hoi");
  await page
    .getByRole("option", { name: /Cộng hòa xã hội chủ nghĩa Việt Nam/ })
    .first()
    .click();
  await page.getByText("Cộng hòa xã hội chủ nghĩa Việt Nam — Năm 2025").waitFor();
  await page.getByTestId("indicator-table").waitFor();
  const map = page.getByTestId("province-map");
  await map.scrollIntoViewIfNeeded();
  await map.locator("svg path").nth(33).waitFor();
  const count = await map.locator("svg path").count();
  expect(count >= 34, `map paths: ${count}`);
  await shot("national-map");
  await map.screenshot({ path: join(resultsDir, "dashboard--national-map-detail.png") });
  await page.getByTestId("lower-units").getByText("Biểu đồ cột", { exact: true }).click();
  await page.getByTestId("lower-units-chart").locator("svg").waitFor();
  await shot("national-bars");
});
