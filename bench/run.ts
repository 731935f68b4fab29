// `npm run bench`: each figure beside a baseline measured in the same process, so the ratio
// holds on a noisy machine. Prints a table and writes bench/results.json. Asserts nothing.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildWalkthrough } from '../src/core/derivation';
import { parseInput } from '../src/core/parse';
import type { LossOptions, Walkthrough } from '../src/core/types';
import { allEquations, naiveRenderer } from './naive-mathjax';
import { cliPageBench } from './cli-page';
import { measureSizes, type SizeFigures } from './size';
import { benchHover, type HoverBenchFigure } from './hover';
import { benchWorkbench, type WorkbenchFigure } from './workbench';
import { benchMillionCli } from './million';
import { benchGrowth, growthRows, htmlPerLabelMs, type GrowthSeries } from './growth';
import { softmaxCliPageBench, softmaxComputeBench, type SoftmaxFigure } from './softmax';

interface Figure {
  readonly name: string;
  readonly ms: number;
  readonly baseline: string;
  readonly baselineMs: number;
  /** ms / baselineMs, or for goals stated as a speed, baselineMs / ms. */
  readonly ratio: number;
  readonly goal: string;
  readonly met: boolean | null;
}

const figures: Figure[] = [];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/** Median time of `runs` calls, after `warmup` unmeasured ones; runs alternate with the baseline's. */
function timePair(a: () => unknown, b: () => unknown, runs: number, warmup = 2): [number, number] {
  for (let i = 0; i < warmup; i++) {
    a();
    b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    a();
    ta.push(performance.now() - t);
    t = performance.now();
    b();
    tb.push(performance.now() - t);
  }
  return [median(ta), median(tb)];
}

function record(f: Omit<Figure, 'met'> & { goalRatio?: number; higherIsBetter?: boolean }): void {
  const met = f.goalRatio === undefined ? null : f.higherIsBetter ? f.ratio >= f.goalRatio : f.ratio <= f.goalRatio;
  figures.push({ name: f.name, ms: f.ms, baseline: f.baseline, baselineMs: f.baselineMs, ratio: f.ratio, goal: f.goal, met });
}

// A seeded generator, so every run measures the same numbers.
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type LossModule = typeof import('../src/core/loss');

/**
 * The loss engine bundled by esbuild as it ships (one scope, no module getters), rather than
 * src/core/loss through tsx, whose CommonJS modules read every imported binding through a getter.
 */
async function shippedLoss(): Promise<LossModule> {
  const outfile = join(process.cwd(), 'dist', 'bench', 'loss.cjs');
  await build({ entryPoints: [join('src', 'core', 'loss', 'index.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'es2022', outfile, logLevel: 'warning' });
  return require(outfile) as LossModule;
}

async function computeBench(): Promise<void> {
  const { computeLoss } = await shippedLoss();
  const n = 1_000_000;
  const rand = random(1);
  const y = new Float64Array(n);
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = rand() < 0.5 ? 0 : 1;
    p[i] = 0.001 + 0.998 * rand();
  }
  let sink = 0;
  const bare = () => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const yi = y[i] as number;
      const pi = p[i] as number;
      s -= yi * Math.log(pi) + (1 - yi) * Math.log(1 - pi);
    }
    sink += s / n;
  };
  // The same loop writing each loss into a new array: the baseline for a reader of every element,
  // for whom computeLoss builds its elementLosses array on that first read (a second pass).
  const storing = () => {
    const out = new Float64Array(n);
    let s = 0;
    for (let i = 0; i < n; i++) {
      const yi = y[i] as number;
      const pi = p[i] as number;
      const loss = -(yi * Math.log(pi) + (1 - yi) * Math.log(1 - pi));
      out[i] = loss;
      s += loss;
    }
    sink += s / n + (out[n - 1] as number);
  };
  for (const dtype of ['float64', 'float32'] as const) {
    const options: LossOptions = { preset: 'pytorch', reduction: 'mean', input: 'probabilities', logBase: 'e', dtype };
    const ours = () => {
      const r = computeLoss(y, p, [n], options);
      if (r.ok) sink += r.value.loss;
    };
    const [ms, baseMs] = timePair(ours, bare, 9);
    record({
      name: `compute 1e6 elements (pytorch, ${dtype}), bundled computeLoss`,
      ms,
      baseline: 'bare loop, two Math.log',
      baselineMs: baseMs,
      ratio: ms / baseMs,
      goal: dtype === 'float64' ? '≤ 1.5×' : 'float32 emulation, no goal',
      ...(dtype === 'float64' ? { goalRatio: 1.5 } : {}),
    });
    if (dtype === 'float64') {
      const oursEveryElement = () => {
        const r = computeLoss(y, p, [n], options);
        if (r.ok) sink += r.value.loss + (r.value.elementLosses[n - 1] as number);
      };
      const [oursAgain, storingMs] = timePair(oursEveryElement, storing, 9);
      record({
        name: "compute 1e6 elements (pytorch, float64), bundled computeLoss, then every element's loss read",
        ms: oursAgain,
        baseline: 'bare loop, two Math.log, each loss stored in a new Float64Array',
        baselineMs: storingMs,
        ratio: oursAgain / storingMs,
        goal: 'no goal (reported: what a reader of every element pays)',
      });
    }
  }
  if (sink === 42) console.log('');
}

function parseBench(): void {
  const n = 500_000; // two arrays: a million numbers in all, the default limit
  const rand = random(2);
  const ys: string[] = [];
  const ps: string[] = [];
  for (let i = 0; i < n; i++) {
    ys.push(rand() < 0.5 ? '0' : '1');
    ps.push(String(Math.round(rand() * 1e6) / 1e6));
  }
  const text = `targets = [${ys.join(', ')}]\npredictions = [${ps.join(', ')}]\n`;
  const json = `{"targets": [${ys.join(', ')}], "predictions": [${ps.join(', ')}]}`;
  let sink = 0;
  const ours = () => {
    const r = parseInput(text, { inputKind: 'probabilities' });
    if (r.ok) sink += r.value.predictions.values.length;
  };
  const base = () => {
    sink += (JSON.parse(json) as { predictions: number[] }).predictions.length;
  };
  const [ms, baseMs] = timePair(ours, base, 7);
  record({
    name: 'parse 1e6 numbers (Python text)',
    ms,
    baseline: 'JSON.parse of the same arrays',
    baselineMs: baseMs,
    ratio: baseMs / ms,
    goal: '≥ 0.5× its speed',
    goalRatio: 0.5,
    higherIsBetter: true,
  });
  if (sink === 42) console.log('');
}

const require = createRequire(import.meta.url);
const { mathjaxFromTypeScript } = require('../esbuild.js') as { mathjaxFromTypeScript: (o?: { onlyFrom?: string }) => import('esbuild').Plugin };
/** Only our sources get the shipped MathJax build; the naive baseline keeps the published one. */
const shippedMathJax = mathjaxFromTypeScript({ onlyFrom: join(process.cwd(), 'src') });

type RenderModule = typeof import('../src/render');
let engine: RenderModule | undefined;

/**
 * The render layer bundled as it ships (esbuild.js builds MathJax from its TypeScript sources),
 * rather than src/render through tsx, which would run the published ES5 build of MathJax.
 */
async function shippedRender(): Promise<RenderModule> {
  if (engine) return engine;
  const outfile = join(process.cwd(), 'dist', 'bench', 'render.cjs');
  await build({ entryPoints: [join('src', 'render', 'index.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'es2022', outfile, logLevel: 'warning', plugins: [shippedMathJax] });
  engine = require(outfile) as RenderModule;
  return engine;
}

/** A 20-label walkthrough with fresh numbers, so a warm cache only helps where a page really repeats itself. */
function twentyLabels(seed: number): Walkthrough {
  const rand = random(seed);
  const labels = Array.from({ length: 20 }, (_, i) => `label${i + 1}`);
  const targets = labels.map(() => (rand() < 0.5 ? 0 : 1));
  const preds = labels.map(() => (Math.round(rand() * 98) + 1) / 100);
  const text = `labels = [${labels.join(', ')}]\ntargets = [${targets.join(', ')}]\npredictions = [${preds.join(', ')}]`;
  const parsed = parseInput(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const w = buildWalkthrough(parsed.value, { preset: 'pytorch', reduction: 'mean', logBase: 'e', dtype: 'float64' });
  if (!w.ok) throw new Error(w.error.message);
  return w.value;
}

async function renderBench(): Promise<void> {
  const { getMathRenderer, renderHtmlFragment } = await shippedRender();
  const math = await getMathRenderer();
  const naive = naiveRenderer();
  let seed = 100;
  let sink = 0;
  const ours = () => {
    sink += renderHtmlFragment(twentyLabels(seed++), math).length;
  };
  const base = () => {
    for (const tex of allEquations(twentyLabels(seed++))) sink += naive(tex).length;
  };
  const [ms, baseMs] = timePair(ours, base, 9);
  record({
    name: 'render 20-label walkthrough, warm',
    ms,
    baseline: 'naive MathJax (AllPackages, no cache, one convert per equation)',
    baselineMs: baseMs,
    ratio: ms / baseMs,
    goal: '≤ 1/3 of its time',
    goalRatio: 1 / 3,
  });
  if (sink === 42) console.log('');
}

/** The same page again (a refresh, or a setting toggled and back): where the renderer's cache applies. */
async function samePageBench(): Promise<void> {
  const { getMathRenderer, renderHtmlFragment } = await shippedRender();
  const math = await getMathRenderer();
  const naive = naiveRenderer();
  const w = twentyLabels(99);
  let sink = 0;
  const ours = () => {
    sink += renderHtmlFragment(w, math).length;
  };
  const base = () => {
    for (const tex of allEquations(w)) sink += naive(tex).length;
  };
  const [ms, baseMs] = timePair(ours, base, 9);
  record({
    name: 'render 20-label walkthrough, warm, same page again (a refresh or a setting toggle)',
    ms,
    baseline: 'naive MathJax, the same equations again',
    baselineMs: baseMs,
    ratio: ms / baseMs,
    goal: 'no goal (reported)',
  });
  if (sink === 42) console.log('');
}

/**
 * Cold: a fresh process each time, import + create + render the page; median of several. The
 * script is bundled by esbuild first, as the extension and the CLI are, so loading is measured
 * as users meet it rather than through tsx's on-the-fly compilation.
 */
async function buildColdRenderScript(): Promise<string> {
  const bundle = join('dist', 'bench', 'cold-render.js');
  await build({ entryPoints: [join('bench', 'cold-render.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'es2022', outfile: bundle, logLevel: 'warning', plugins: [shippedMathJax] });
  return bundle;
}

async function coldRenderBench(): Promise<void> {
  const bundle = await buildColdRenderScript();
  const child = (which: string): number => {
    const r = spawnSync(process.execPath, [bundle, which], { encoding: 'utf8' });
    const last = r.stdout.trim().split('\n').pop() ?? '';
    const ms = Number(last);
    if (last === '' || !Number.isFinite(ms)) throw new Error(`cold render (${which}) failed: ${r.stderr}`);
    return ms;
  };
  const ours: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < 5; i++) {
    ours.push(child('ours'));
    base.push(child('naive'));
  }
  const ms = median(ours);
  const baseMs = median(base);
  record({
    name: 'render 20-label walkthrough, cold (new process: load, init, render)',
    ms,
    baseline: 'naive MathJax, cold',
    baselineMs: baseMs,
    ratio: ms / baseMs,
    goal: 'no goal (reported)',
  });
}

/** The page from `node dist/cli.js --format html` against the naive script, each a whole process. */
async function cliPage(): Promise<void> {
  const { ms, baselineMs, pageBytes } = cliPageBench(await buildColdRenderScript());
  record({
    name: `20-label page from the CLI, whole process, CPU time (${(pageBytes / 1024).toFixed(0)} KB of HTML)`,
    ms,
    baseline: 'naive MathJax script, whole process, CPU time',
    baselineMs,
    ratio: ms / baselineMs,
    goal: '≤ 0.6× its time',
    goalRatio: 0.6,
  });
}

/** The CLI on a million numbers (dist/cli.js from the packaging step), whole process, CPU time. */
function millionCli(): void {
  const f = benchMillionCli();
  record({
    name: `CLI --format json on 1,000,000 numbers (${(f.jsonBytes / 1e6).toFixed(0)} MB out; wall ${(f.wallMs / 1000).toFixed(1)} s)`,
    ms: f.ms,
    baseline: 'naive one-off script, same input and fields',
    baselineMs: f.baselineMs,
    ratio: f.ms / f.baselineMs,
    goal: 'seconds (reported)',
  });
}

/** A growth row with its cells under the right decade (an `all` series stops before 10^6). */
function padGrowthRow(row: string[]): string[] {
  const [name, ...rest] = row;
  const cells = new Array<string>(5).fill('');
  const last = rest.pop() ?? '';
  for (const cell of rest) {
    const decade = Number(/^10\^(\d)/.exec(cell)?.[1]);
    if (decade >= 2 && decade <= 6) cells[decade - 2] = cell.replace(/^10\^\d: /, '');
  }
  return [name ?? '', ...cells, last];
}

/**
 * A full HTML derivation, per label: the CLI's marginal CPU time per card (`--format html
 * --max-derivations all`, between its two largest runs) beside the naive MathJax script's time
 * for every equation of one card, warm, in this process.
 */
async function htmlPerLabel(growth: readonly GrowthSeries[]): Promise<void> {
  const labels = 100;
  const rand = random(7);
  const text = `targets = [${Array.from({ length: labels }, () => (rand() < 0.5 ? 0 : 1)).join(', ')}]\npredictions = [${Array.from({ length: labels }, () => (Math.round(rand() * 98) + 1) / 100).join(', ')}]`;
  const parsed = parseInput(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const w = buildWalkthrough(parsed.value, { preset: 'pytorch', reduction: 'mean', logBase: 'e', dtype: 'float64' });
  if (!w.ok) throw new Error(w.error.message);
  const naive = naiveRenderer();
  const equations = allEquations({ ...w.value, reductionSteps: [] });
  for (const tex of equations.slice(0, 10)) naive(tex);
  let sink = 0;
  const started = performance.now();
  for (const tex of equations) sink += naive(tex).length;
  const naiveMs = (performance.now() - started) / labels;
  const ms = htmlPerLabelMs(growth);
  record({
    name: 'full HTML derivation, per label (CLI --format html --max-derivations all, marginal CPU time)',
    ms,
    baseline: 'naive MathJax, every equation of one card, warm, in process',
    baselineMs: naiveMs,
    ratio: ms / naiveMs,
    goal: 'no goal (reported)',
  });
  if (sink === 42) console.log('');
}

function recordSoftmax(f: SoftmaxFigure): void {
  const { goalRatio, ...rest } = f;
  record({ ...rest, ...(goalRatio !== null ? { goalRatio } : {}) });
}

function sizeRows(s: SizeFigures): string[][] {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  return [
    ['.vsix', kb(s.vsixBytes), `≤ ${kb(s.vsixBudgetBytes)}`, s.vsixBytes <= s.vsixBudgetBytes ? 'met' : 'MISSED'],
    ['bundle dist/extension.js (desktop and web)', kb(s.bundleBytes), 'no goal (reported)', ''],
    ['bundle, gzip -9', kb(s.bundleGzipBytes), 'no goal (reported)', ''],
    ['packaging warnings', String(s.warnings.length), 'none', s.warnings.length === 0 ? 'met' : 'MISSED'],
  ];
}

function hoverRows(figures: readonly HoverBenchFigure[]): string[][] {
  return figures.map((h) => [h.name, `${fmt(h.p50Ms)} / ${fmt(h.p95Ms)} ms`, `${fmt(h.baselineP50Ms)} / ${fmt(h.baselineP95Ms)} ms`, h.baseline, `${(h.p95Ms / h.baselineP95Ms).toFixed(2)}×`, h.goal, h.met ? 'met' : 'MISSED']);
}

function workbenchRows(figures: readonly WorkbenchFigure[]): string[][] {
  return figures.map((w) => [w.name, `${fmt(w.ms)} ms`, `${fmt(w.baselineMs)} ms`, w.baseline, `${w.ratio.toFixed(2)}×`, w.goal, w.met ? 'met' : 'MISSED']);
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) => r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
}

function fmt(x: number): string {
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

function printFigures(): void {
  const rows = figures.map((f) => [f.name, `${fmt(f.ms)} ms`, `${fmt(f.baselineMs)} ms`, f.baseline, `${f.ratio.toFixed(2)}×`, f.goal, f.met === null ? '' : f.met ? 'met' : 'MISSED']);
  printTable(['figure', 'ours', 'baseline', 'baseline is', 'ratio', 'goal', ''], rows);
}

async function main(): Promise<void> {
  await computeBench();
  // `npm run bench -- compute`: only the compute figures, printed, bench/results.json left as it is.
  if (process.argv[2] === 'compute') {
    printFigures();
    return;
  }
  parseBench();
  await renderBench();
  await samePageBench();
  await coldRenderBench();
  // Packaging builds the production bundles, which the CLI page bench then runs.
  const sizes = measureSizes();
  await cliPage();
  (await softmaxComputeBench()).forEach(recordSoftmax);
  recordSoftmax(await softmaxCliPageBench());
  millionCli();
  console.log('growth of the CLI with its input (whole process, dist/cli.js):');
  const growth = benchGrowth(undefined, console.log);
  await htmlPerLabel(growth);
  const hover = await benchHover();
  const workbench = await benchWorkbench();
  printFigures();
  console.log('');
  printTable(['size', 'measured', 'goal', ''], sizeRows(sizes));
  console.log('');
  printTable(['CLI growth (CPU time, peak RSS)', '10^2', '10^3', '10^4', '10^5', '10^6', 'growth exponent'], growthRows(growth).map(padGrowthRow));
  console.log('');
  printTable(['hover', 'p50 / p95', 'baseline p50 / p95', 'baseline is', 'p95 ratio', 'goal', ''], hoverRows(hover));
  console.log('');
  printTable(['in the web workbench', 'ours', 'baseline', 'baseline is', 'ratio', 'goal', ''], workbenchRows(workbench.rows));
  writeFileSync(join('bench', 'results.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, figures, sizes, growth, hover, workbench }, null, 2) + '\n');
  console.log('\nwritten: bench/results.json');
  // At a breakpoint, in code-server with Debian's debugpy: its own process, its own table (and
  // a line saying why it skipped, where the Python packages are missing).
  // The page's own layout in Chromium, apart from VS Code (dist/cli.js writes the page).
  console.log('\nthe panel page in Chromium (bench/page-paint.mjs):');
  spawnSync(process.execPath, [join('bench', 'page-paint.mjs')], { stdio: 'inherit' });
  console.log('\nat a breakpoint (scripts/bench-live.mjs):');
  spawnSync(process.execPath, [join('scripts', 'bench-live.mjs')], { stdio: 'inherit' });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
