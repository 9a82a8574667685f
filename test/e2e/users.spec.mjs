// Accounts in the app: the administrator adds a ward officer, passes on the one-time password,
// locks and unlocks the account; the officer must change the password at the first sign-in.

import { expect, expectAccessible, signIn, test } from "./harness.mjs";

async function signOut(page) {
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "Đăng xuất", exact: true }).click();
  await page.getByRole("heading", { name: "Đăng nhập" }).waitFor();
}

async function accountAction(page, row, name, action) {
  await row.getByRole("button", { name: `Thao tác với tài khoản ${name}` }).click();
  await page.getByRole("menuitem", { name: action }).click();
  await page.getByRole("dialog").getByRole("button", { name: action }).click();
}

test("admin adds a ward officer with a one-time password, locks and unlocks the account", async ({ page, shot }) => {
  await signIn(page, "demo.admin");
  await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Người dùng" }).click();
  await page.getByRole("heading", { name: "Người dùng", level: 1 }).waitFor();
  await page.getByTestId("user-demo.planner").waitFor();
  await expectAccessible(page, "users page");

  await page.getByRole("button", { name: "Thêm người dùng" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Tạo tài khoản" }).click();
  await dialog.getByText("Vui lòng nhập họ và tên.").waitFor(); // nothing sent before the form is whole
  await dialog.getByLabel(/^Tên đăng nhập/).fill("ninhkieu.an");
  await dialog.getByLabel(/^Họ và tên/).fill("Lê Thị An");
  await dialog.getByRole("combobox", { name: "Đơn vị hành chính" }).fill("ninh kieu");
  await page
    .getByRole("option", { name: /^Phường Ninh Kiều/ })
    .first()
    .click();
  await expectAccessible(page, "add user dialog");
  await shot("user-add");
  await dialog.getByRole("button", { name: "Tạo tài khoản" }).click();

  const shown = page.getByTestId("one-time-password");
  await shown.waitFor();
  const oneTime = (await shown.textContent())?.trim() ?? "";
  expect(oneTime.length >= 12, `one-time password shown: "${oneTime}"`);
  await shot("user-one-time-password");
  await page.getByRole("button", { name: "Xong" }).click();
  const row = page.getByTestId("user-ninhkieu.an");
  await row.getByText("Chưa đổi mật khẩu lần đầu").waitFor();
  await row.getByText("Phường Ninh Kiều").waitFor();

  await accountAction(page, row, "Lê Thị An", "Khóa tài khoản");
  await row.getByText("Đã khóa").waitFor();
  await signOut(page);
  await page.getByLabel("Tên đăng nhập").fill("ninhkieu.an");
  await page.locator('input[name="password"]').fill(oneTime);
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await page.getByRole("alert").getByText("Tên đăng nhập hoặc mật khẩu không đúng.").waitFor();

  await signIn(page, "demo.admin");
  await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Người dùng" }).click();
  await accountAction(page, page.getByTestId("user-ninhkieu.an"), "Lê Thị An", "Mở khóa tài khoản");
  await page.getByTestId("user-ninhkieu.an").getByText("Chưa đổi mật khẩu lần đầu").waitFor();
  // The same dialog edits an account: here the officer becomes a viewer of the ward.
  await page.getByTestId("user-ninhkieu.an").getByRole("button", { name: "Thao tác với tài khoản Lê Thị An" }).click();
  await page.getByRole("menuitem", { name: "Sửa vai trò, đơn vị" }).click();
  const edit = page.getByRole("dialog", { name: "Sửa tài khoản Lê Thị An" });
  await edit.getByLabel("Vai trò").selectOption({ label: "Người xem" });
  await edit.getByRole("button", { name: "Lưu" }).click();
  await edit.waitFor({ state: "hidden" });
  await page.getByTestId("user-ninhkieu.an").getByText("Người xem").waitFor();
  await signOut(page);
  await page.getByLabel("Tên đăng nhập").fill("ninhkieu.an");
  await page.locator('input[name="password"]').fill(oneTime);
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await page.getByRole("heading", { name: "Đổi mật khẩu" }).waitFor();
});

test("a city planner manages the accounts of the city and its wards, never an administrator", async ({ page }) => {
  await signIn(page, "demo.planner");
  await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Người dùng" }).click();
  await page.getByText("Tài khoản của Thành phố Cần Thơ và các đơn vị trực thuộc.").waitFor();
  await page.getByTestId("user-demo.ward.reporter").waitFor();
  expect((await page.getByTestId("user-demo.admin").count()) === 0, "no administrator in a planner's list");
  await expectAccessible(page, "users page (planner)");
  await page.getByRole("button", { name: "Thêm người dùng" }).click();
  const roles = await page.getByRole("dialog").getByLabel("Vai trò").locator("option").allTextContents();
  expect(
    JSON.stringify(roles) === JSON.stringify(["Cán bộ kế hoạch", "Người báo cáo", "Người xem"]),
    `roles a planner may give: ${roles.join(", ")}`,
  );
});
