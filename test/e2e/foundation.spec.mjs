// The web shell: sign-in, the unit tree and search, a unit's agencies, renaming
// with history, the language switch, and axe on each kind of screen.

import { readFileSync } from "node:fs";
import { request } from "playwright-core";
import { DEMO_PASSWORD, expect, expectAccessible, signIn, test } from "./harness.mjs";

test("sign-in page: recognisable, accessible, shows the server's error", async ({ page, shot }) => {
  const response = await page.goto("/");
  expect(response?.ok(), `GET / answered ${response?.status()}`);
  await page.getByRole("heading", { name: "Đăng nhập" }).waitFor();
  expect((await page.title()).includes("Đăng nhập"), "title mentions Đăng nhập");
  await expectAccessible(page, "sign-in page");
  await shot("sign-in");

  await page.getByLabel("Tên đăng nhập").fill("demo.planner");
  await page.locator('input[name="password"]').fill("wrong password");
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await page.getByRole("alert").getByText("Tên đăng nhập hoặc mật khẩu không đúng.").waitFor();
  await shot("sign-in-error");
});

test("planner: search Cần Thơ, rename an agency, see it in the history, switch language", async ({ page, shot }) => {
  await signIn(page, "demo.planner");
  await page.getByRole("heading", { name: "Đơn vị hành chính", level: 1 }).waitFor();
  await page
    .getByRole("button", { name: "Mở Cộng hòa xã hội chủ nghĩa Việt Nam" })
    .or(page.getByRole("button", { name: /^Thu gọn/ }))
    .first()
    .waitFor();
  await shot("tree");
  await expectAccessible(page, "unit tree page");

  await page.getByLabel("Tìm đơn vị").fill("can tho");
  const results = page.getByRole("list", { name: "Kết quả tìm kiếm" });
  await results.getByRole("link", { name: "Thành phố Cần Thơ" }).click();
  await page.getByRole("heading", { name: "Thành phố Cần Thơ", level: 1 }).waitFor();
  await page.getByRole("link", { name: "Phường Ninh Kiều" }).waitFor();
  await shot("unit-can-tho");
  await expectAccessible(page, "unit page");

  await page.getByRole("tab", { name: "Cơ quan" }).click();
  await page.getByRole("link", { name: "Sở Y tế", exact: true }).waitFor();
  await shot("agencies");
  await expectAccessible(page, "agency list");

  const newName = "Sở Y tế thành phố Cần Thơ";
  await page.getByRole("button", { name: "Sửa Sở Y tế", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Tên cơ quan").fill(newName);
  await shot("agency-edit");
  await expectAccessible(page, "agency editor");
  await dialog.getByRole("button", { name: "Lưu" }).click();
  await page.getByRole("link", { name: newName, exact: true }).waitFor();

  await page.getByRole("link", { name: `Lịch sử của ${newName}` }).click();
  const row = page.getByTestId("audit-row").filter({ hasText: "Sửa" }).first();
  await row.waitFor();
  expect((await row.locator("del").first().textContent()) === "Sở Y tế", "old name shown struck out");
  expect((await row.locator("ins").first().textContent()) === newName, "new name shown inserted");
  expect(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/.test(await row.locator("td").first().textContent()), "dd/mm/yyyy HH:mm");
  await shot("agency-history");
  await expectAccessible(page, "history page");

  await page.getByText("EN", { exact: true }).click();
  await page
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "Administrative units" })
    .waitFor();
  await page.getByRole("columnheader", { name: "When" }).waitFor();
  await page.getByRole("heading", { name: `Change history: ${newName}` }).waitFor();
  await shot("history-english");
  await page.getByText("VI", { exact: true }).click();
  await page
    .getByRole("navigation", { name: "Điều hướng chính" })
    .getByRole("link", { name: "Đơn vị hành chính" })
    .waitFor();
});

test("tree before the reform: Cần Thơ has districts, loaded on expand", async ({ page, shot }) => {
  await signIn(page, "demo.planner");
  await page.getByRole("button", { name: "Trước 01/07/2025 (30/06/2025)" }).click();
  await page.getByText("Đang xem cây đơn vị ngày 30/06/2025").waitFor();
  const tree = page.getByRole("list", { name: "Cây đơn vị hành chính" });
  await tree.getByRole("button", { name: "Mở Thành phố Cần Thơ" }).click();
  await tree.getByRole("link", { name: "Quận Ninh Kiều" }).waitFor();
  await tree.getByRole("button", { name: "Mở Quận Ninh Kiều" }).click();
  await tree.getByRole("link", { name: "Phường Cái Khế" }).waitFor();
  await shot("tree-before-reform");
  await expectAccessible(page, "old tree");

  await tree.getByRole("link", { name: "Quận Ninh Kiều" }).click();
  await page.getByRole("heading", { name: "Quận Ninh Kiều", level: 1 }).waitFor();
  await page.getByText("Đến hết 30/06/2025").waitFor();
  await page.getByRole("link", { name: "Thành phố Cần Thơ" }).click();
  await page.getByRole("heading", { name: "Thành phố Cần Thơ", level: 1 }).waitFor();
  await page.getByText("Quận Ninh Kiều").waitFor();
  await page.getByRole("tab", { name: "Chuyển đổi 2025" }).click();
  await page.getByRole("heading", { name: "Chuyển thành (đơn vị này → mới)" }).waitFor();
  await page.getByRole("table").getByText("Toàn bộ").first().waitFor();
  await shot("crosswalk");
  await expectAccessible(page, "crosswalk");
});

test("agencies: add, close with a date, delete; a referenced agency cannot be deleted", async ({ page, shot }) => {
  await signIn(page, "demo.planner");
  await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Cơ quan" }).click();
  await page.getByRole("heading", { name: "Cơ quan của Thành phố Cần Thơ" }).waitFor();

  const add = async (name, type) => {
    await page.getByRole("button", { name: "Thêm cơ quan" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Tên cơ quan").fill(name);
    await dialog.getByLabel("Loại").selectOption({ label: type });
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await page.getByRole("link", { name, exact: true }).waitFor();
  };
  await add("Trung tâm Công tác xã hội thành phố", "Trung tâm");
  await add("Ban Dân tộc (tạo nhầm)", "Ban");

  await page.getByRole("button", { name: "Thao tác khác với Trung tâm Công tác xã hội thành phố" }).click();
  await page.getByRole("menuitem", { name: "Đóng cơ quan" }).click();
  const closeDialog = page.getByRole("dialog");
  await closeDialog.getByLabel("Ngày đóng").fill("31/12/2026");
  await closeDialog.getByRole("button", { name: "Đóng cơ quan" }).click();
  await closeDialog.waitFor({ state: "hidden" });
  await page
    .getByRole("link", { name: "Trung tâm Công tác xã hội thành phố", exact: true })
    .waitFor({ state: "detached" });
  await page.getByLabel("Hiện cả cơ quan đã đóng").check();
  await page.getByText("Đóng từ 31/12/2026").waitFor();

  await page.getByRole("button", { name: "Thao tác khác với Ban Dân tộc (tạo nhầm)" }).click();
  await page.getByRole("menuitem", { name: "Xóa" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Xóa" }).click();
  await page.getByRole("link", { name: "Ban Dân tộc (tạo nhầm)", exact: true }).waitFor({ state: "detached" });
  await page.getByText("Đã xóa cơ quan.").waitFor();

  await page.getByRole("button", { name: "Thao tác khác với Sở Y tế" }).click();
  await page.getByRole("menuitem", { name: "Xóa" }).click();
  const refused = page.getByRole("dialog");
  await refused.getByRole("button", { name: "Xóa" }).click();
  await refused.getByText("Cơ quan đã có dữ liệu liên quan nên không thể xóa").waitFor();
  await shot("agency-delete-refused");
  await expectAccessible(page, "delete dialog with error");
});

test("a stale edit is refused with the server's message (optimistic lock)", async ({ page, baseURL }) => {
  await signIn(page, "demo.planner");
  await page.goto("/units/97?tab=agencies");
  await page.getByRole("button", { name: "Sửa Sở Tư pháp", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Tên cơ quan").fill("Sở Tư pháp (bản của tôi)");

  // Meanwhile a colleague renames the same agency from another session.
  const colleague = await request.newContext({ baseURL });
  const session = await (
    await colleague.post("/api/auth/sign-in", { data: { username: "demo.planner", password: DEMO_PASSWORD } })
  ).json();
  const agencies = await (await colleague.get("/api/agencies?unitId=97")).json();
  const target = agencies.items.find((a) => a.name === "Sở Tư pháp");
  const patched = await colleague.patch(`/api/agencies/${target.id}`, {
    data: { name: "Sở Tư pháp thành phố", expectedUpdatedAt: target.updatedAt },
    headers: { "x-csrf-token": session.csrfToken },
  });
  expect(patched.ok(), `colleague's edit answered ${patched.status()}`);
  await colleague.dispose();

  await dialog.getByRole("button", { name: "Lưu" }).click();
  await dialog.getByText("Cơ quan vừa được người khác sửa.").waitFor();
  await page.getByRole("link", { name: "Sở Tư pháp thành phố", exact: true }).waitFor();
});

test("sign out, and sign out on every device", async ({ page, shot }) => {
  await signIn(page, "demo.viewer");
  await page.getByTestId("user-menu").click();
  await shot("user-menu");
  await page.getByRole("menuitem", { name: "Đăng xuất", exact: true }).click();
  await page.getByRole("heading", { name: "Đăng nhập" }).waitFor();

  await signIn(page, "demo.viewer");
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "Đăng xuất mọi thiết bị" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Đăng xuất mọi thiết bị" }).click();
  await page.getByRole("heading", { name: "Đăng nhập" }).waitFor();
  const session = await page.request.get("/api/auth/session");
  expect(session.status() === 401, `session after sign-out everywhere: ${session.status()}`);
});

test("first administrator: one-time password from the start log, a new password before anything else", async ({
  page,
  shot,
}) => {
  // The server of this run started on an empty data directory and printed the first admin's account.
  const log = readFileSync(new URL("../../test-results/server.log", import.meta.url), "utf8");
  const username = /user name: (\S+)/.exec(log)?.[1];
  const oneTime = /one-time password: (\S+)/.exec(log)?.[1];
  expect(username && oneTime, "the start log shows the first admin's user name and one-time password");
  await page.goto("/");
  await page.getByLabel("Tên đăng nhập").fill(String(username));
  await page.locator('input[name="password"]').fill(String(oneTime));
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await page.getByRole("heading", { name: "Đổi mật khẩu" }).waitFor();
  // Nothing else is reachable until the password is changed.
  const blocked = await page.request.get("/api/units/root");
  expect(blocked.status() === 403, `GET /api/units/root before the change answered ${blocked.status()}`);
  await expectAccessible(page, "change password page");
  await shot("first-admin-change-password");
  const newPassword = "mat-khau-moi-2026";
  await page.getByLabel("Mật khẩu hiện tại").fill(String(oneTime));
  await page.getByLabel(/^Mật khẩu mới/).fill(newPassword);
  await page.getByLabel("Nhập lại mật khẩu mới").fill("khac-hoan-toan-1");
  await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await page.getByText("Hai mật khẩu mới không khớp.").waitFor();
  await page.getByLabel("Nhập lại mật khẩu mới").fill(newPassword);
  await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await page.getByRole("navigation", { name: "Điều hướng chính" }).waitFor();

  // The one-time password no longer works; the new one does.
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "Đăng xuất", exact: true }).click();
  await page.getByRole("heading", { name: "Đăng nhập" }).waitFor();
  await page.getByLabel("Tên đăng nhập").fill(String(username));
  await page.locator('input[name="password"]').fill(String(oneTime));
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await page.getByRole("alert").getByText("Tên đăng nhập hoặc mật khẩu không đúng.").waitFor();
  await signIn(page, String(username), newPassword);
});
