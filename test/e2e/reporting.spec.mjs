// Collecting one round end to end (the 2024 annual round of Cần Thơ's plan): the
// ward fills its form in the browser, meets a negative figure and a part larger
// than its whole, fixes both and submits; Sở Y tế fills its Excel template offline
// (here: exceljs), first with a bad cell (nothing written, the cell is named),
// then correctly, and submits; the city planner approves both and reads the
// consolidated values, which must equal what this test computes by hand from the
// numbers it entered and the indicators' formulas (read from the API).
//
// One test, three users in turn (cookies cleared between them): the later steps
// depend on the earlier ones, so splitting them would only hide the dependency.

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { expect, expectAccessible, signIn, test } from "./harness.mjs";

const resultsDir = new URL("../../test-results/", import.meta.url).pathname;
const NAV = { name: "Điều hướng chính" };

/** What the ward types: a part (TC_PHOBIEN_CAMKET) first larger than its whole (TC_TONGSO). */
const WARD = { TC_TONGSO: { total: 24 }, TC_PHOBIEN_CAMKET: { total: 18 } };
const WARD_DEFAULT = 3;
/** News items per quarter: the third quarter jumps from the second's 5 (a warning that needs a comment). */
const WARD_BY_PERIOD = { "TIN_BAI_BDG|2024Q3": 40, "TIN_BAI_BDG|2024Q4": 40 };
/** What Sở Y tế puts in its workbook. */
const HEALTH = {
  NNMB_CANHOTRO: { nu: 7, nam: 2 },
  NNMB_DUOCHOTRO: { nu: 6, nam: 2 },
  CSTGXH_BLG: { total: 4 },
  CSTGXH_CONGLAP: { total: 5 },
  TRE_SINHSONG: { nu: 9000, nam: 9540 },
  TUVONG_ME: { total: 2 },
  PN_15_19: { total: 48000 },
  SINH_ME_15_19: { total: 360 },
};

async function openMyForm(page, period) {
  await page.getByRole("navigation", NAV).getByRole("link", { name: "Báo cáo số liệu" }).click();
  await page.getByRole("heading", { name: "Số liệu cần báo cáo" }).waitFor();
  await page.getByRole("link", { name: `Mở biểu mẫu ${period}`, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: new RegExp(`— ${period}$`) }).waitFor();
  const [, roundId, key] = /\/reporting\/rounds\/(\d+)\/([a-z]+-\d+)/.exec(page.url()) ?? [];
  const form = await (await page.request.get(`/api/rounds/${roundId}/forms/${key}`)).json();
  return { roundId: Number(roundId), key, form };
}

const cellId = (element, option, period) => `cell-${element}-${option}-${period}`;

/** "7,5/1.000" → 7.5; "75%" → 75; "1.713" → 1713 */
function parseVi(text) {
  const m = /-?\d[\d.]*(,\d+)?/.exec(text ?? "");
  return m ? Number(m[0].replace(/\./g, "").replace(",", ".")) : Number.NaN;
}

/** The sum an expression "#{CODE}" or "#{CODE.nu}" reads from what was entered. */
function readRef(expr, entered) {
  const m = /^#\{([A-Z0-9_]+)(?:\.(nu|nam|total))?\}$/.exec(expr.trim());
  expect(m, `simple reference expected, got ${expr}`);
  const byOption = entered[m[1]] ?? {};
  if (m[2]) return byOption[m[2]] ?? 0;
  return Object.values(byOption).reduce((a, b) => a + b, 0);
}

async function expectedValue(page, indicatorId, entered) {
  const { items } = await (await page.request.get(`/api/plan-indicators/${indicatorId}/formula`)).json();
  const f = items[0].formula;
  expect(f.kind === "ratio" || f.kind === "rate", `formula kind ${f.kind}`);
  const numerator = readRef(f.numerator, entered);
  const denominator = readRef(f.denominator, entered);
  return { numerator, denominator, value: (numerator / denominator) * (f.scale ?? f.per ?? 1) };
}

test("a form's typing survives a reload on a slow line, and can be discarded", async ({ page, shot }) => {
  await signIn(page, "demo.ward.reporter");
  await openMyForm(page, "Năm 2024");
  const total = page.getByTestId(cellId("TC_TONGSO", "total", "2024"));
  const before = await total.inputValue();
  await total.fill("77");
  await page.getByTestId("save-status").getByText("Có thay đổi chưa lưu.").waitFor();
  page.once("dialog", (dialog) => dialog.accept()); // "leave the page?" — yes, as after a power cut
  await page.reload();
  const notice = page.getByTestId("draft-restored");
  await notice.getByText("Đã khôi phục số liệu chưa lưu").waitFor();
  expect((await total.inputValue()) === "77", `restored cell shows ${await total.inputValue()}`);
  await expectAccessible(page, "form with restored typing");
  await shot("form-restored");
  await notice.getByRole("button", { name: "Bỏ số liệu chưa lưu" }).click();
  await notice.waitFor({ state: "detached" });
  expect((await total.inputValue()) === before, `after discarding the cell shows ${await total.inputValue()}`);
  await page.reload();
  await total.waitFor();
  expect((await page.getByTestId("draft-restored").count()) === 0, "nothing restored after discarding");
});

test("a round: ward form with a fixed error, department Excel, planner approves, city values", async ({
  page,
  context,
  shot,
}) => {
  // --- 1. The ward reporter fills the form in the browser -------------------------
  await signIn(page, "demo.ward.reporter");
  await page.getByRole("navigation", NAV).getByRole("link", { name: "Báo cáo số liệu" }).click();
  await page.getByRole("heading", { name: "Số liệu cần báo cáo" }).waitFor();
  await page.getByText("Chưa nhập").first().waitFor();
  await shot("ward-my-forms");
  await expectAccessible(page, "my forms");

  const ward = await openMyForm(page, "Năm 2024");
  const wardEntered = {};
  for (const row of ward.form.rows) {
    for (const c of row.cells) {
      if (c.lockedBy !== null) continue;
      const value = WARD[row.element]?.[c.option] ?? WARD_BY_PERIOD[`${row.element}|${row.period}`] ?? WARD_DEFAULT;
      if (row.period === ward.form.round.period) {
        wardEntered[row.element] = { ...(wardEntered[row.element] ?? {}), [c.option]: value };
      }
      await page.getByTestId(cellId(row.element, c.option, row.period)).fill(String(value));
    }
  }
  // A negative figure is refused on the spot, before any request.
  const leaders = page.getByTestId(cellId("LD_CHUCHOT", "nu", "2024"));
  await leaders.fill("-1");
  await page
    .getByText(/không được âm/)
    .first()
    .waitFor();
  expect(await page.getByRole("button", { name: "Lưu nháp" }).isDisabled(), "save is disabled while a cell is red");
  await shot("ward-negative");
  await leaders.fill(String(WARD_DEFAULT));
  // A part larger than its whole comes back from the server on save, the input kept.
  const part = page.getByTestId(cellId("TC_PHOBIEN_CAMKET", "total", "2024"));
  await part.fill("30");
  await page.getByRole("button", { name: "Lưu nháp" }).click();
  await page
    .getByTestId("save-status")
    .getByText(/Đã lưu lúc/)
    .waitFor();
  await page
    .getByText(/không được lớn hơn/)
    .first()
    .waitFor();
  expect((await part.inputValue()) === "30", "the typed figure stays");
  // A large jump from the previous quarter is a warning: it needs a comment, not a change.
  const jump = cellId("TIN_BAI_BDG", "total", "2024Q3");
  await page
    .getByTestId(`${jump}-warning`)
    .getByText(/thay đổi nhiều so với kỳ trước: 5 → 40/)
    .waitFor();
  await shot("ward-part-exceeds-whole");
  await page.getByTestId(`${jump}-comment`).fill("Quý III có đợt truyền thông lớn, phường đăng nhiều tin bài hơn.");
  await part.fill(String(WARD.TC_PHOBIEN_CAMKET.total));
  await page.getByLabel(/^Mục tiêu 6:/).fill("Đã phổ biến thông tin về bình đẳng giới tới các tổ chức trên địa bàn.");
  await page.getByRole("button", { name: "Lưu nháp" }).click();
  await page
    .getByText(/không được lớn hơn/)
    .first()
    .waitFor({ state: "detached" });
  await page.getByTestId(`${jump}-warning`).waitFor({ state: "detached" });
  // Evidence: any PNG will do (the first screenshot of this run).
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser"),
    page.getByRole("button", { name: "Đính kèm minh chứng" }).click(),
  ]);
  await chooser.setFiles(join(resultsDir, "reporting--ward-my-forms.png"));
  await page.getByRole("link", { name: "reporting--ward-my-forms.png" }).waitFor();
  await expectAccessible(page, "ward form");
  await page.getByRole("button", { name: "Gửi báo cáo" }).click();
  await page.getByTestId("form-state").getByText("Đã gửi").waitFor();
  await shot("ward-submitted");

  // --- 2. Sở Y tế fills its Excel template offline and uploads it -----------------
  await context.clearCookies();
  await signIn(page, "demo.reporter");
  const health = await openMyForm(page, "Năm 2024");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Tải mẫu Excel" }).click(),
  ]);
  const templatePath = join(resultsDir, "reporting--template.xlsx");
  await download.saveAs(templatePath);

  const fill = async (path, override) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(templatePath);
    const ws = wb.getWorksheet("Số liệu");
    const keys = ws.getRow(6);
    let target = null;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === health.key) target = n;
    });
    expect(target !== null, `a row for ${health.key}`);
    keys.eachCell((cell, col) => {
      const key = String(cell.value ?? "");
      if (!key.includes("|") || key.startsWith("prev:")) return;
      const [element, option] = key.split("|");
      const value = override?.[element]?.[option] ?? HEALTH[element]?.[option];
      expect(value !== undefined, `a figure for ${key}`);
      ws.getRow(target).getCell(col).value = value;
    });
    writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  };
  const upload = async (path) => {
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      page.getByRole("button", { name: "Tải lên tệp Excel" }).click(),
    ]);
    await chooser.setFiles(path);
  };

  const badPath = join(resultsDir, "reporting--health-bad.xlsx");
  await fill(badPath, { SINH_ME_15_19: { total: -5 } });
  await upload(badPath);
  const failed = page.getByTestId("import-failed");
  await failed.getByText("Chưa ghi số liệu nào").waitFor();
  await failed
    .getByTestId("import-errors")
    .getByText(/không được âm/)
    .waitFor();
  await shot("health-excel-errors");

  const goodPath = join(resultsDir, "reporting--health.xlsx");
  await fill(goodPath);
  await upload(goodPath);
  await page
    .getByTestId("import-done")
    .getByText(/Đã nhập \d+ số liệu/)
    .waitFor();
  await page
    .getByTestId(cellId("SINH_ME_15_19", "total", "2024C"))
    .and(page.locator('[value="360"]'))
    .waitFor();
  await page.getByRole("button", { name: "Gửi báo cáo" }).click();
  await page.getByTestId("form-state").getByText("Đã gửi").waitFor();
  await shot("health-submitted");

  // --- 3. The city planner approves both and reads the consolidated values -------
  await context.clearCookies();
  await signIn(page, "demo.planner");
  await page.getByRole("navigation", NAV).getByRole("link", { name: "Báo cáo số liệu" }).click();
  await page.getByRole("link", { name: /thành phố Cần Thơ năm 2024/ }).click();
  await page.getByRole("heading", { name: "Kỳ báo cáo", level: 1 }).waitFor();
  await page.getByTestId("completeness-total").waitFor();
  await shot("planner-round-status");
  for (const [key, name] of [
    [ward.key, "Phường Ninh Kiều"],
    [health.key, "Sở Y tế"],
  ]) {
    const row = page.getByTestId(`reporter-${key}`);
    await row.getByText("Đã gửi").waitFor();
    await row.getByRole("link", { name }).click();
    await page.getByRole("button", { name: "Duyệt", exact: true }).click();
    await page.getByText("Đã duyệt — số liệu đã khóa").waitFor();
    await shot(`approved-${key}`);
    await page.getByRole("link", { name: "← Tình hình báo cáo của kỳ" }).click();
    await page.getByTestId(`reporter-${key}`).getByText("Đã duyệt").waitFor();
  }
  await page.getByRole("link", { name: "Số liệu tổng hợp" }).click();
  await page.getByRole("heading", { name: "Số liệu tổng hợp các chỉ tiêu" }).waitFor();

  const checks = [
    { code: "6.2", form: ward.form, entered: wardEntered },
    { code: "4.3", form: health.form, entered: HEALTH },
  ];
  for (const check of checks) {
    const indicator = check.form.indicators.find((i) => i.code === check.code);
    expect(indicator, `indicator ${check.code} on the form`);
    const want = await expectedValue(page, indicator.id, check.entered);
    const row = page.getByTestId(`indicator-${check.code}`);
    const shown = parseVi(await row.getByTestId(`indicator-${check.code}-value`).textContent());
    expect(
      Math.abs(shown - want.value) < 0.005,
      `indicator ${check.code}: the page shows ${shown}, computed by hand ${want.value} (${want.numerator}/${want.denominator})`,
    );
    const cells = await row.locator("td").allInnerTexts();
    expect(
      cells.some((t) => parseVi(t) === want.numerator),
      `numerator ${want.numerator} in ${cells.join(" | ")}`,
    );
    expect(
      cells.some((t) => parseVi(t) === want.denominator),
      `denominator ${want.denominator} in ${cells.join(" | ")}`,
    );
  }
  await shot("city-indicators");
  await expectAccessible(page, "indicator values");

  // Reopening an approved report needs a reason (audited); the figures leave the totals.
  await page.getByRole("link", { name: "← Kỳ báo cáo của kế hoạch" }).click();
  await page.getByTestId(`reporter-${ward.key}`).getByRole("link", { name: "Phường Ninh Kiều" }).click();
  await page.getByRole("button", { name: "Mở lại" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Mở lại" }).click();
  await dialog.getByText("Hãy ghi lý do.").waitFor();
  await dialog.getByLabel(/Ý kiến/).fill("Phường đề nghị sửa số tổ chức được phổ biến.");
  await shot("planner-reopen");
  await dialog.getByRole("button", { name: "Mở lại" }).click();
  await dialog.waitFor({ state: "hidden" });
  await page.getByTestId("form-state").getByText("Bị trả lại").waitFor();
});
