// `npm run bench`: national-scale figures on PGlite and PostgreSQL 15 (see BENCHMARKS.md).
//   BENCH_SCALE=full|small|tiny   dataset of the main figures (default full); the growth
//                                 ratio compares it with the next smaller one (full → small)
//   BENCH_DB=both|pglite|pg       (default both)
//   BENCH_N=200                   dashboard requests per unit and scale
//   BENCH_SURGE_S=60              deadline-day surge length (10 unless full)
//   BENCH_CLIENTS=16              concurrent surge clients (and pgbench clients)
// Every figure is printed beside a reference measured in the same run. Staleness and
// lost/duplicated forms are assertions: the process exits 1 when one fails.
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { CATALOGUE_DATA_ELEMENTS } from "../src/core/catalogue-formulas";
import { createDatabase, queryRows } from "../src/server/db/client";
import { vietnamDay } from "../src/server/services/reporting.service";
import { parsePlanText } from "../src/vn-parser";
import { type DatasetMeta, figure, generate, hash01, type LiveForm, SCALES, type ScaleName } from "./generate";
import {
  adminSession,
  freePort,
  type PgServer,
  ROOT,
  request,
  type Session,
  scratchDir,
  startApp,
  startPostgres,
  summary,
} from "./lib";

type Backend = "pglite" | "pg";

interface Figure {
  value: number;
  unit: string;
  reference?: { name: string; value: number; unit: string };
  note?: string;
}

const env = process.env;
const MAIN: ScaleName = (env.BENCH_SCALE as ScaleName) in SCALES ? (env.BENCH_SCALE as ScaleName) : "full";
const SAMPLE: ScaleName = MAIN === "full" ? "small" : "tiny";
const BACKENDS: Backend[] = env.BENCH_DB === "pg" ? ["pg"] : env.BENCH_DB === "pglite" ? ["pglite"] : ["pglite", "pg"];
const N = Number(env.BENCH_N ?? 200);
const SURGE_S = Number(env.BENCH_SURGE_S ?? (MAIN === "full" ? 60 : 10));
const CLIENTS = Number(env.BENCH_CLIENTS ?? 16);
/** Upper bound of one dashboard loop: the run must end within 20 minutes even when reads are slow. */
const DASH_BUDGET_S = Number(env.BENCH_DASH_BUDGET_S ?? (MAIN === "full" ? 75 : 60));
const TODAY = vietnamDay(new Date().toISOString());

const figures: Record<string, Figure> = {};
const failures: string[] = [];
const started = performance.now();
const log = (m: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${m}`);

function put(name: string, f: Figure): void {
  figures[name] = f;
  const ref = f.reference ? `   (reference: ${f.reference.name} = ${f.reference.value} ${f.reference.unit})` : "";
  console.log(
    `FIGURE ${name.padEnd(34)} ${String(f.value).padStart(10)} ${f.unit}${ref}${f.note ? `  — ${f.note}` : ""}`,
  );
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

// ---------------------------------------------------------------------------
// Dataset

interface Dataset {
  backend: Backend;
  meta: DatasetMeta;
  /** BINHDANG_DATA_DIR or DATABASE_URL for the app process. */
  appEnv: Record<string, string>;
  openDb: () => ReturnType<typeof createDatabase>;
}

async function buildDataset(
  backend: Backend,
  scale: ScaleName,
  pgServer: PgServer | null,
  tmp: string,
): Promise<Dataset> {
  log(`generating ${scale} dataset on ${backend}`);
  let appEnv: Record<string, string>;
  let open: () => ReturnType<typeof createDatabase>;
  if (backend === "pg") {
    if (!pgServer) throw new Error("no PostgreSQL server");
    const name = `bench_${scale}`;
    pgServer.psql("postgres", `DROP DATABASE IF EXISTS ${name}`);
    pgServer.psql("postgres", `CREATE DATABASE ${name}`);
    const url = pgServer.url(name);
    appEnv = { DATABASE_URL: url };
    open = () => createDatabase({ databaseUrl: url, dataDir: "" });
  } else {
    const dir = join(tmp, `pglite-${scale}`);
    rmSync(dir, { recursive: true, force: true });
    appEnv = { BINHDANG_DATA_DIR: dir };
    open = () => createDatabase({ databaseUrl: null, dataDir: dir });
  }
  const database = await open();
  const meta = await generate(database, SCALES[scale], { today: TODAY, tmpDir: tmp, log });
  await database.close();
  log(
    `  ${scale}/${backend}: ${meta.counts.data_values} data values, ${meta.counts.value_rollups} rollup rows, ${meta.counts.submissions} submissions, ${meta.counts.plans} plans`,
  );
  return { backend, meta, appEnv, openDb: open };
}

// ---------------------------------------------------------------------------
// Forms

const OPTIONS = new Map(CATALOGUE_DATA_ELEMENTS.map((d) => [d.code, d.options]));
const COMMENT = "Số liệu kiểm tra tải (bench)";

function formValues(form: LiveForm, bump: number) {
  return form.cells.flatMap((c) =>
    (OPTIONS.get(c.element) ?? []).map((option) => ({
      element: c.element,
      period: c.period,
      option: option as "nu" | "nam" | "total",
      value: figure(form.unitId, 2, c.element, option, c.period) + (c.element.startsWith("TC_") ? bump : 0),
      comment: COMMENT,
    })),
  );
}

const sumOf = (values: ReturnType<typeof formValues>, element: string) =>
  values.filter((v) => v.element === element).reduce((a, v) => a + v.value, 0);

function formPath(form: LiveForm, action = ""): string {
  return `/api/rounds/${form.roundId}/forms/${form.reporterKey}${action ? `/${action}` : ""}`;
}

async function expectOk<T extends { status: number; body: string }>(p: Promise<T>, what: string): Promise<T> {
  const r = await p;
  if (r.status !== 200) throw new Error(`${what}: HTTP ${r.status} ${r.body.slice(0, 400)}`);
  return r;
}

// ---------------------------------------------------------------------------
// (a) dashboard right after an approval, with the staleness assertion

interface DashIndicator {
  code: string;
  numerator: number | null;
  denominator: number | null;
}

async function dashboardAfterApprovals(
  session: Session,
  label: string,
  unitId: number,
  planId: number,
  period: string,
  forms: LiveForm[],
  n: number,
  approved: Map<string, ReturnType<typeof formValues>>,
): Promise<{ latencies: number[]; stale: number }> {
  const url = `/api/dashboard?unitId=${unitId}&planId=${planId}&period=${period}`;
  const read = async () => {
    const r = await expectOk(request(session, "GET", url), `dashboard ${label}`);
    const view = JSON.parse(r.body) as { indicators: DashIndicator[] };
    const row = view.indicators.find((i) => i.code === "6.2");
    if (!row) throw new Error(`dashboard ${label}: indicator 6.2 missing`);
    return { ms: r.ms, num: row.numerator ?? 0, den: row.denominator ?? 0 };
  };
  const base = await read();
  let num = base.num;
  let den = base.den;
  const latencies: number[] = [];
  let stale = 0;
  const stopAt = performance.now() + DASH_BUDGET_S * 1000;
  for (let i = 0; i < n && performance.now() < stopAt; i++) {
    const form = forms[i % forms.length] as LiveForm;
    const key = `${form.roundId}|${form.reporterKey}`;
    const before = approved.get(key);
    if (before) {
      await expectOk(
        request(session, "POST", formPath(form, "reopen"), { comment: "Mở lại để kiểm tra tải" }),
        "reopen",
      );
      num -= sumOf(before, "TC_PHOBIEN_CAMKET");
      den -= sumOf(before, "TC_TONGSO");
    }
    // Each approval carries figures the dashboard has not seen yet (TC_* moved by a counter).
    const values = formValues(form, 1 + (approvals++ % 7));
    await expectOk(request(session, "POST", formPath(form, "submit"), { values }), "submit");
    await expectOk(request(session, "POST", formPath(form, "approve"), {}), "approve");
    approved.set(key, values);
    num += sumOf(values, "TC_PHOBIEN_CAMKET");
    den += sumOf(values, "TC_TONGSO");
    const got = await read();
    latencies.push(got.ms);
    if (Math.abs(got.num - num) > 1e-6 || Math.abs(got.den - den) > 1e-6) {
      stale++;
      if (stale <= 3) log(`  STALE ${label} #${i}: 6.2 = ${got.num}/${got.den}, expected ${num}/${den}`);
    }
  }
  return { latencies, stale };
}

let approvals = 0;

async function healthLatencies(base: string, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await expectOk(request({ base }, "GET", "/api/health"), "health")).ms);
  return out;
}

// ---------------------------------------------------------------------------
// (b) deadline-day surge: N clients submit whole commune forms, as the web form does:
// one POST …/submit carrying every figure (saved and submitted in one transaction).

async function surge(session: Session, forms: LiveForm[], clients: number, seconds: number) {
  const acked: LiveForm[] = [];
  const failed: { form: LiveForm; error: string }[] = [];
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end && next < forms.length) {
      const form = forms[next++] as LiveForm;
      const s = performance.now();
      try {
        const values = formValues(form, 0);
        await expectOk(request(session, "POST", formPath(form, "submit"), { values, narrative: {} }), "submit");
        latencies.push(performance.now() - s);
        acked.push(form);
      } catch (error) {
        failed.push({ form, error: error instanceof Error ? error.message : String(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  const elapsed = (performance.now() - t0) / 1000;
  return { acked, failed, latencies, elapsed, exhausted: next >= forms.length };
}

/** Forms stored (submitted, with every value) against those acknowledged. */
async function countStored(dataset: Dataset, attempted: LiveForm[], acked: LiveForm[]) {
  const database = await dataset.openDb();
  try {
    const roundIds = [...new Set(attempted.map((f) => f.roundId))];
    if (roundIds.length === 0) return { stored: 0, lost: 0, duplicated: 0 };
    const rows = await queryRows<{ round_id: number; reporter_key: string; state: string; n: number }>(
      database.db,
      sql`SELECT s.round_id, s.reporter_key, s.state,
            (SELECT count(*)::int FROM data_values v WHERE v.submission_id = s.id) AS n
          FROM submissions s WHERE s.round_id IN (${sql.join(
            roundIds.map((id) => sql`${id}`),
            sql`, `,
          )})`,
    );
    const byKey = new Map(rows.map((r) => [`${r.round_id}|${r.reporter_key}`, r]));
    const expected = (f: LiveForm) => formValues(f, 0).length;
    const ackedKeys = new Set(acked.map((f) => `${f.roundId}|${f.reporterKey}`));
    let stored = 0;
    let lost = 0;
    let duplicated = 0;
    for (const f of attempted) {
      const k = `${f.roundId}|${f.reporterKey}`;
      const r = byKey.get(k);
      const complete = r !== undefined && r.state === "submitted" && r.n === expected(f);
      if (complete) stored++;
      if (ackedKeys.has(k) && !complete) lost++;
      if (r && r.n > expected(f)) duplicated += r.n - expected(f);
      if (!ackedKeys.has(k) && r && r.state === "submitted") duplicated++;
    }
    // One form acknowledged twice would show as two acknowledgements of one key.
    duplicated += acked.length - ackedKeys.size;
    return { stored, lost, duplicated };
  } finally {
    await database.close();
  }
}

function pgbench(server: PgServer, clients: number, seconds: number): number {
  server.psql("postgres", "DROP DATABASE IF EXISTS pgbench");
  server.psql("postgres", "CREATE DATABASE pgbench");
  const bin = "/usr/bin/pgbench";
  const conn = ["-h", "127.0.0.1", "-p", String(server.port), "-U", "postgres"];
  execFileSync(bin, ["-i", "-q", "-s", "10", ...conn, "pgbench"], { stdio: "ignore" });
  const out = execFileSync(
    bin,
    ["-N", "-n", "-c", String(clients), "-j", "2", "-T", String(seconds), ...conn, "pgbench"],
    { encoding: "utf8" },
  );
  const m = /tps = ([\d.]+) \(without initial connection time\)/.exec(out) ?? /tps = ([\d.]+)/.exec(out);
  if (!m) throw new Error(`pgbench output not understood:\n${out}`);
  return Number(m[1]);
}

// ---------------------------------------------------------------------------
// (d) cold and warm start of `npm start`

async function timeStart(dataDir: string): Promise<{ seconds: number; webBuilt: boolean; steps: string[] }> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn("npm", ["start", "--silent"], {
    cwd: ROOT,
    env: { ...process.env, BINHDANG_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "ignore"],
    detached: true,
  });
  // What the start prints, with when: where the time goes (web build, unit load, demo).
  const steps: string[] = [];
  let webBuilt = false;
  child.stdout?.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) {
      if (!line.trim() || line.startsWith(" ") || line.startsWith("=")) continue;
      if (line.includes("building the web app")) webBuilt = true;
      steps.push(`${((performance.now() - t0) / 1000).toFixed(1)} s ${line.trim().slice(0, 60)}`);
    }
  });
  try {
    const deadline = t0 + 180_000;
    while (performance.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.status === 200) return { seconds: (performance.now() - t0) / 1000, webBuilt, steps };
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("npm start: no 200 from /api/health within 180 s");
  } finally {
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.pid === undefined) return resolve();
      child.once("exit", () => resolve());
      process.kill(-child.pid, "SIGTERM");
      setTimeout(() => {
        if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      }, 20_000).unref();
    });
  }
}

function nodeStartSeconds(): number {
  const t0 = performance.now();
  execFileSync(process.execPath, ["-e", ""]);
  return (performance.now() - t0) / 1000;
}

// ---------------------------------------------------------------------------
// (e) a 1 MB plan text through parsePlanText

function importText(): string {
  const dirs = [join(ROOT, "test/fixtures/import"), join(ROOT, "../shared/import/samples")];
  const samples: string[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort())
      if (/\.(txt|md)$/.test(f)) samples.push(readFileSync(join(dir, f), "utf8"));
  }
  if (samples.length === 0) throw new Error("no plan text samples found");
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < 1_048_576; i++) {
    // Vary the figures deterministically so the parser never sees the same numbers twice.
    const text = (samples[i % samples.length] as string).replace(/\d+/g, (d, at: number) =>
      String(Math.floor(hash01(`${i}|${at}|${d}`) * 10 ** d.length)).padStart(d.length, "0"),
    );
    parts.push(text);
    size += Buffer.byteLength(text);
  }
  return parts.join("\n\n");
}

// ---------------------------------------------------------------------------

async function main(): Promise<void> {
  const tmp = scratchDir("binhdang-bench.");
  log(
    `scale ${MAIN} (growth sample ${SAMPLE}), backends ${BACKENDS.join("+")}, N=${N}, surge ${CLIENTS} clients × ${SURGE_S} s`,
  );
  let pgServer: PgServer | null = null;
  const cleanup = () => {
    pgServer?.stop();
    rmSync(tmp, { recursive: true, force: true });
  };
  process.on("SIGINT", () => {
    cleanup();
    process.exit(130);
  });
  try {
    if (BACKENDS.includes("pg")) {
      pgServer = await startPostgres();
      log(`PostgreSQL 15 on port ${pgServer.port} (durable: fsync on, synchronous_commit on)`);
    }
    // (e) import first: it needs no database and is quiet.
    {
      const text = importText();
      const t0 = performance.now();
      const parsed = parsePlanText(text);
      const s = (performance.now() - t0) / 1000;
      const r0 = performance.now();
      text
        .normalize("NFD")
        .normalize("NFC")
        .split(/\n/)
        .map((l) => l.trim().toLowerCase());
      const ref = (performance.now() - r0) / 1000;
      put("import_1mb_s", {
        value: round3(s),
        unit: "s",
        reference: { name: "NFD→NFC + split/trim/lower of the same text", value: round3(ref), unit: "s" },
        note: `${(Buffer.byteLength(text) / 1048576).toFixed(2)} MB, ${parsed.extract.goals.reduce((a, g) => a + g.indicators.length, 0)} indicators read`,
      });
    }

    for (const backend of BACKENDS) {
      const tag = backend === "pg" ? "pg" : "pglite";
      const p95 = new Map<string, number>();
      for (const scale of MAIN === SAMPLE ? [MAIN] : [MAIN, SAMPLE]) {
        const dataset = await buildDataset(backend, scale, pgServer, tmp);
        const { meta } = dataset;
        put(`dataset_values_${scale}_${tag}`, {
          value: meta.counts.data_values ?? 0,
          unit: "values",
          reference: {
            name: "generation time",
            value: Math.round(Object.entries(meta.seconds).reduce((a, [k, v]) => (k.startsWith(" ") ? a : a + v), 0)),
            unit: "s",
          },
          note: `${meta.counts.communes} communes, ${meta.counts.provinces} provinces, ${meta.counts.value_rollups} rollup rows, COPY+rollup ${meta.seconds["rounds, submissions, values (COPY)"]}+${meta.seconds["value_rollups (INSERT … SELECT)"]} s`,
        });
        const app = await startApp(dataset.appEnv);
        try {
          const session = await adminSession(app.base, meta.adminPassword);
          const province = [...meta.provinces].sort((a, b) => b.communes - a.communes)[0];
          if (!province) throw new Error("no province in the dataset");
          const dashForms = meta.liveForms.filter((f) => f.period === meta.livePeriod);
          const provinceForms = dashForms.filter((f) => f.planId === province.planId);
          const otherForms = dashForms.filter((f) => !provinceForms.includes(f));
          // National reads after approvals anywhere; province reads after approvals in it. A bounded
          // rotating set of forms (approve → read → reopen → resubmit → approve …) keeps every
          // scale's loop identical.
          const nationalSet = (otherForms.length >= 20 ? otherForms : provinceForms).slice(0, 20);
          const provinceSet = provinceForms.slice(-20);
          await healthLatencies(app.base, 20); // warm-up
          const health = summary(await healthLatencies(app.base, N));
          log(`  ${scale}/${backend}: dashboards, ${N} reads each after an approval`);
          const approved = new Map<string, ReturnType<typeof formValues>>();
          const nat = await dashboardAfterApprovals(
            session,
            "national",
            meta.rootId,
            meta.nationalPlanId,
            meta.livePeriod,
            nationalSet,
            N,
            approved,
          );
          const prov = await dashboardAfterApprovals(
            session,
            "province",
            province.unitId,
            province.planId,
            meta.livePeriod,
            provinceSet,
            N,
            approved,
          );
          const ns = summary(nat.latencies);
          const ps = summary(prov.latencies);
          const ref = { name: "GET /api/health (SELECT 1) p95", value: health.p95, unit: "ms" };
          put(`dashboard_p95_ms_${tag}${scale === MAIN ? "" : `_${scale}`}`, {
            value: ns.p95,
            unit: "ms",
            reference: ref,
            note: `national, p50 ${ns.p50} ms, n=${ns.n}${ns.n < N ? ` (stopped by the ${DASH_BUDGET_S} s budget)` : ""}, ${meta.counts.data_values} values`,
          });
          put(`dashboard_province_p95_ms_${tag}${scale === MAIN ? "" : `_${scale}`}`, {
            value: ps.p95,
            unit: "ms",
            reference: ref,
            note: `province ${province.unitId} (${province.communes} communes), p50 ${ps.p50} ms, n=${ps.n}${ps.n < N ? ` (stopped by the ${DASH_BUDGET_S} s budget)` : ""}`,
          });
          put(`dashboard_stale_${tag}${scale === MAIN ? "" : `_${scale}`}`, {
            value: nat.stale + prov.stale,
            unit: "stale reads",
            note: `of ${ns.n + ps.n} reads, each right after an approval`,
          });
          if (nat.stale + prov.stale > 0)
            failures.push(`${nat.stale + prov.stale} stale dashboard reads (${tag}, ${scale})`);
          p95.set(scale, ns.p95);
          p95.set(`${scale}-province`, ps.p95);

          if (scale === MAIN) {
            // (c) the national annual report: DOCX + XLSX annex.
            const base = `/api/reports/${meta.rootId}/${meta.nationalPlanId}/${meta.reportPeriod}`;
            const t0 = performance.now();
            const docx = await expectOk(request(session, "GET", `${base}.docx`), "report docx");
            const xlsx = await expectOk(request(session, "GET", `${base}.xlsx`), "report xlsx");
            const s = (performance.now() - t0) / 1000;
            const dash = await expectOk(
              request(
                session,
                "GET",
                `/api/dashboard?unitId=${meta.rootId}&planId=${meta.nationalPlanId}&period=${meta.reportPeriod}`,
              ),
              "dashboard",
            );
            put(`report_national_s${backend === "pg" ? "" : "_pglite"}`, {
              value: round3(s),
              unit: "s",
              reference: {
                name: "one national dashboard read of the same period",
                value: round3(dash.ms / 1000),
                unit: "s",
              },
              note: `DOCX ${docx.ms.toFixed(0)} ms (${docx.bytes} B) + XLSX ${xlsx.ms.toFixed(0)} ms (${xlsx.bytes} B), period ${meta.reportPeriod}`,
            });

            // (b) surge.
            const pool = meta.liveForms.filter((f) => !approved.has(`${f.roundId}|${f.reporterKey}`));
            const seconds = backend === "pg" ? SURGE_S : Math.min(SURGE_S, 30);
            log(`  ${scale}/${backend}: surge, ${CLIENTS} clients × ${seconds} s over ${pool.length} pending forms`);
            const result = await surge(session, pool, CLIENTS, seconds);
            const attempted = [...result.acked, ...result.failed.map((f) => f.form)];
            await app.stop();
            const counted = await countStored(dataset, attempted, result.acked);
            const ss = summary(result.latencies);
            const fps = round1(result.acked.length / result.elapsed);
            for (const f of result.failed.slice(0, 3)) log(`  surge failure: ${f.error}`);
            const note = `${result.acked.length} acknowledged, ${counted.stored} stored, ${result.failed.length} refused, ${result.elapsed.toFixed(1)} s${result.exhausted ? " (ran out of forms)" : ""}`;
            if (backend === "pg") {
              log("  pgbench -N on the same server");
              const tps = round1(pgbench(pgServer as PgServer, CLIENTS, seconds));
              const pgRef = { name: "pgbench -N TPS", value: tps, unit: "tps" };
              put("surge_forms_per_s", { value: fps, unit: "forms/s", reference: pgRef, note });
              put("surge_pgbench_tps", {
                value: tps,
                unit: "tps",
                note: `pgbench -i -s 10, then -N -c ${CLIENTS} -j 2 -T ${seconds}`,
              });
              put("surge_ratio", { value: round3(fps / tps), unit: "forms/s ÷ tps", reference: pgRef });
              put("surge_p99_ms", {
                value: ss.p99,
                unit: "ms",
                reference: { name: "GET /api/health p95", value: health.p95, unit: "ms" },
                note: `POST …/submit with every figure (as the web form sends it), p50 ${ss.p50} ms`,
              });
              put("surge_lost", { value: counted.lost, unit: "forms" });
              put("surge_duplicated", { value: counted.duplicated, unit: "forms" });
            } else {
              put("surge_forms_per_s_pglite", {
                value: fps,
                unit: "forms/s",
                reference: { name: "GET /api/health p95", value: health.p95, unit: "ms" },
                note: `single writer; p50 ${ss.p50} ms, p99 ${ss.p99} ms; ${note}; lost ${counted.lost}, duplicated ${counted.duplicated}`,
              });
            }
            if (counted.lost > 0 || counted.duplicated > 0)
              failures.push(`surge ${tag}: lost ${counted.lost}, duplicated ${counted.duplicated}`);
          }
        } finally {
          await app.stop();
        }
      }
      const full = p95.get(MAIN) ?? Number.NaN;
      const small = p95.get(SAMPLE) ?? Number.NaN;
      put(`dashboard_growth_ratio_${tag}`, {
        value: round3(full / small),
        unit: `p95 ${MAIN} ÷ ${SAMPLE}`,
        reference: { name: `national p95 at ${SAMPLE}`, value: small, unit: "ms" },
        note: `province ratio ${round3((p95.get(`${MAIN}-province`) ?? Number.NaN) / (p95.get(`${SAMPLE}-province`) ?? Number.NaN))}`,
      });
    }

    // (d) cold start on an empty directory, then a warm restart on the same one.
    {
      const dir = join(tmp, "start");
      mkdirSync(dir);
      const cold = await timeStart(dir);
      const warm = await timeStart(dir);
      const nodeRef = nodeStartSeconds();
      const ref = { name: "node -e '' start", value: round3(nodeRef), unit: "s" };
      for (const [name, r] of [
        ["cold", cold],
        ["warm", warm],
      ] as const)
        log(`  ${name} start: ${r.steps.join(" | ")}`);
      put("cold_start_s", {
        value: round3(cold.seconds),
        unit: "s",
        reference: ref,
        note: `npm start, PGlite, empty data dir, demo data on${cold.webBuilt ? "; INCLUDES a web build (dist/web older than src/web)" : ""}; ${cold.steps.join(" | ")}`,
      });
      put("warm_start_s", {
        value: round3(warm.seconds),
        unit: "s",
        reference: ref,
        note: `npm start again on the same data dir${warm.webBuilt ? "; INCLUDES a web build" : ""}`,
      });
    }
  } finally {
    cleanup();
  }
  writeResults();
  if (failures.length > 0) {
    console.error(`\nASSERTION FAILED:\n  ${failures.join("\n  ")}`);
    process.exit(1);
  }
  log("done");
}

function writeResults(): void {
  let commit = "unknown";
  let dirty = false;
  try {
    commit = execFileSync("git", ["rev-parse", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
    dirty = execFileSync("git", ["status", "--porcelain"], { cwd: ROOT, encoding: "utf8" }).trim().length > 0;
  } catch {
    // not a git checkout
  }
  const cpu = cpus()[0]?.model ?? "?";
  // The tree is shared and often uncommitted: a hash of src/ says which code was measured.
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else hash.update(path.slice(ROOT.length)).update(readFileSync(path));
    }
  };
  walk(join(ROOT, "src"));
  const out = {
    commit: dirty ? `${commit}+dirty` : commit,
    srcSha256: hash.digest("hex").slice(0, 16),
    date: new Date().toISOString(),
    machine: `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}, shared`,
    scale: MAIN,
    figures,
  };
  mkdirSync(join(ROOT, "bench/results"), { recursive: true });
  writeFileSync(join(ROOT, "bench/results/latest.json"), `${JSON.stringify(out, null, 2)}\n`);
  log(`wrote bench/results/latest.json (${Object.keys(figures).length} figures)`);
}

await main();
