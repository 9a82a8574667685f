// The city planner imports Cần Thơ's 2024 plan from its text: sees the 6 goals
// and 19 indicators read from it, each linked to a national indicator, the
// source span of the field she edits highlighted; corrects one target, saves
// the draft and lands in the plan editor, where the checks apply.

import { join } from "node:path";
import { expect, expectAccessible, signIn, test } from "./harness.mjs";

const resultsDir = new URL("../../test-results/", import.meta.url).pathname;
const SAMPLE = join(new URL("../fixtures/import/", import.meta.url).pathname, "cantho-2024.txt");

test("planner: import a plan document, review, correct a target, save as draft", async ({ page, shot }) => {
  await signIn(page, "demo.planner");
  await page
    .getByRole("navigation", { name: "Điều hướng chính" })
    .getByRole("link", { name: "Nhập từ văn bản" })
    .click();
  await page.getByRole("heading", { name: "Nhập kế hoạch từ văn bản", level: 1 }).waitFor();
  await page.getByText("Kéo và thả tệp kế hoạch vào đây").waitFor();
  await shot("upload");
  await expectAccessible(page, "import upload");

  await page.locator('input[type="file"]').setInputFiles(SAMPLE);
  await page
    .getByTestId("import-summary")
    .getByText("6 mục tiêu, 19 chỉ tiêu, 19 đã liên kết")
    .waitFor({ timeout: 30_000 });
  const goals = await page.getByTestId("import-goal").count();
  const indicators = await page.locator('[data-testid^="import-indicator-"]').count();
  expect(goals === 6, `goals on the review screen: ${goals}`);
  expect(indicators === 19, `indicators on the review screen: ${indicators}`);

  const wage = page.getByTestId("import-indicator-2.1");
  const match = wage.getByLabel("Chỉ tiêu cấp trên / quốc gia mà chỉ tiêu 2.1 thực hiện");
  const chosen = (await match.locator("option:checked").textContent()) ?? "";
  expect(chosen.startsWith("Quốc gia 2.1:"), `2.1 is matched to national 2.1, got “${chosen}”`);
  await shot("review");

  // Editing a target highlights where it was read, then the officer corrects it.
  const value = wage.getByLabel("Giá trị 2.1 (1)", { exact: true });
  await value.click();
  await page
    .getByTestId("source-highlight")
    .getByText(/60% trở lên/)
    .waitFor();
  await value.fill("62");
  // What the officer sees at once: the source span beside the field (a full-page shot hides the sticky text).
  await page.screenshot({ path: join(resultsDir, "plan-import--review-viewport.png") });
  await shot("target-corrected");
  await expectAccessible(page, "import review");

  await page.getByRole("button", { name: "Lưu thành dự thảo kế hoạch" }).first().click();
  await page
    .getByRole("heading", {
      name: "Thực hiện Chiến lược quốc gia về bình đẳng giới thành phố Cần Thơ năm 2024",
      level: 1,
    })
    .waitFor();
  await page.getByText("Dự thảo").first().waitFor();
  const saved = page.getByTestId("indicator-2.1");
  const stored = await saved.getByLabel("Giá trị 2.1 (2024)", { exact: true }).inputValue();
  expect(stored === "62", `the corrected target is saved: ${stored}`);
  await page.getByText("Kiểm tra kế hoạch").first().waitFor();
  await shot("plan-editor");
});
