// The tiny browser-test harness shared by every spec (no test framework on purpose).
//
// A spec is a module that calls `test(name, fn)` at top level:
//   import { signIn, test } from "./harness.mjs";
//   test("planner sees plans", async ({ page, shot }) => { await signIn(page, "demo.planner"); ... });
// Each test gets a fresh browser context (own cookies and localStorage), so tests
// never depend on each other. `shot(name)` saves test-results/<spec>--<name>.png.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export const DEMO_PASSWORD = "binhdang-demo";

/** @type {{ name: string, file: string, fn: (ctx: TestContext) => Promise<void> }[]} */
export const registry = [];
let currentFile = "";

export function setCurrentFile(file) {
  currentFile = file;
}

/**
 * @typedef {{ page: import("playwright-core").Page, context: import("playwright-core").BrowserContext,
 *   baseURL: string, shot: (name: string) => Promise<void> }} TestContext
 */

/** Registers a test; `fn` receives a fresh page already pointed at nothing. */
export function test(name, fn) {
  registry.push({ name, file: currentFile, fn });
}

export function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** Signs in through the real form (Vietnamese UI) and waits for the signed-in layout. */
export async function signIn(page, username, password = DEMO_PASSWORD) {
  await page.goto("/");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await page.getByRole("navigation", { name: "Điều hướng chính" }).waitFor();
}

const require = createRequire(import.meta.url);
let axeSource = null;

/**
 * Runs axe-core in the page and returns the serious and critical violations.
 * The CSP forbids inline scripts, so axe is evaluated through the DevTools
 * protocol (page.evaluate), which the CSP does not govern.
 */
export async function seriousA11yViolations(page) {
  // A dialog fading in has translucent text; judge contrast once it has settled.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== "running" || a.effect?.getComputedTiming().endTime === Number.POSITIVE_INFINITY),
  );
  axeSource ??= readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await /** @type {any} */ (window).axe.run(document, {
      resultTypes: ["violations"],
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

export async function expectAccessible(page, what) {
  const violations = await seriousA11yViolations(page);
  expect(
    violations.length === 0,
    `${what}: ${violations.length} serious/critical axe violations:\n${violations
      .map((v) => `  [${v.impact}] ${v.id}: ${v.help} @ ${v.nodes.join(", ")}`)
      .join("\n")}`,
  );
}
