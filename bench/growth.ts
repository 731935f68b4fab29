// How the CLI grows with its input: for every format, `node dist/cli.js` as a whole process on
// 10² … 10⁶ elements, its CPU time and peak memory (max RSS), and the growth exponent (the slope
// of log time against log N). With the default caps the documents are bounded, so past the
// parsing their time should grow no faster than the input; with `all` they are written element by
// element and should grow linearly, in flat memory. dist/cli.js must be built first.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FORMATS = ['text', 'markdown', 'latex', 'html', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export interface GrowthPoint {
  readonly elements: number;
  /** CPU time (user + system, every thread) of the whole process, ms. */
  readonly cpuMs: number;
  readonly wallMs: number;
  /** Peak resident memory of the process, bytes. */
  readonly maxRssBytes: number;
  readonly outputBytes: number;
}

export interface GrowthSeries {
  readonly format: Format;
  /** 'default caps' or 'all' (--max-derivations all --max-rows all). */
  readonly mode: 'default caps' | 'all';
  readonly points: readonly GrowthPoint[];
  /** Least-squares slope of log CPU time against log N over all points. */
  readonly exponent: number;
  /** The same slope over the last decade measured (start-up weighs least there). */
  readonly lastDecadeExponent: number;
  /** CPU time of the same command on one element: start-up, loading, MathJax's set-up. */
  readonly fixedMs: number;
  /** The slope of log (time − fixedMs) against log N: how the work that depends on N grows. */
  readonly netExponent: number;
}

// Loaded with --require into each child: at exit it writes the CPU time and the peak RSS.
const REPORTER = `process.on('exit', () => {
  const u = process.resourceUsage();
  require('node:fs').writeFileSync(process.env.LW_GROWTH_REPORT, JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssKb: u.maxRSS }));
});
`;

// A seeded generator, so every run measures the same numbers.
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** `targets = [...]` and `predictions = [...]` with n random elements, written without holding lists of strings. */
function inputText(n: number): string {
  const rand = random(n);
  const targets = new Array<string>(n);
  const predictions = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    targets[i] = rand() < 0.5 ? '0' : '1';
    predictions[i] = String(Math.round((0.001 + 0.998 * rand()) * 1e4) / 1e4);
  }
  return `targets = [${targets.join(', ')}]\npredictions = [${predictions.join(', ')}]\n`;
}

function slope(points: readonly GrowthPoint[], fixedMs = 0): number {
  const xs = points.map((p) => Math.log10(p.elements));
  // Never below 1 ms: on a busy machine a small run can measure under the fixed cost.
  const ys = points.map((p) => Math.log10(Math.max(1, p.cpuMs - fixedMs)));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += ((xs[i] ?? 0) - mx) * ((ys[i] ?? 0) - my);
    den += ((xs[i] ?? 0) - mx) ** 2;
  }
  return den === 0 ? NaN : num / den;
}

function runOnce(dir: string, input: string, args: readonly string[]): Omit<GrowthPoint, 'elements'> {
  const reporter = join(dir, 'growth-reporter.cjs');
  const report = join(dir, 'growth-report.json');
  const output = join(dir, 'growth-output');
  writeFileSync(reporter, REPORTER);
  rmSync(report, { force: true });
  // Standard output goes to a file, not through this process: a document can be hundreds of MB.
  const out = openSync(output, 'w');
  const started = performance.now();
  let r;
  try {
    r = spawnSync(process.execPath, ['--require', reporter, join('dist', 'cli.js'), ...args, input], {
      stdio: ['ignore', out, 'pipe'],
      encoding: 'utf8',
      env: { ...process.env, LW_GROWTH_REPORT: report },
    });
  } finally {
    closeSync(out);
  }
  const wallMs = performance.now() - started;
  if (r.status !== 0) throw new Error(`node dist/cli.js ${args.join(' ')} failed (exit ${r.status ?? r.signal}): ${r.stderr}`);
  const { cpuMs, maxRssKb } = JSON.parse(readFileSync(report, 'utf8')) as { cpuMs: number; maxRssKb: number };
  const outputBytes = statSync(output).size;
  rmSync(output, { force: true });
  return { cpuMs, wallMs, maxRssBytes: maxRssKb * 1024, outputBytes };
}

export interface GrowthPlan {
  /** Element counts for the default caps (every format). */
  readonly capped: readonly number[];
  /** Element counts with 'all', per format (json has no caps: it always lists every element). */
  readonly all: Readonly<Partial<Record<Format, readonly number[]>>>;
}

/**
 * The default plan keeps the bench's time reasonable on two busy cores: 10⁶ only with the default
 * caps; `all` up to 10⁴ for text, Markdown and LaTeX (a derivation each, about 0.3 ms) and 10³
 * for HTML (its equations typeset, about 10 ms a derivation).
 */
export const DEFAULT_PLAN: GrowthPlan = {
  capped: [1e2, 1e3, 1e4, 1e5, 1e6],
  all: { text: [1e2, 1e3, 1e4], markdown: [1e2, 1e3, 1e4], latex: [1e2, 1e3, 1e4], html: [1e2, 1e3] },
};

export function benchGrowth(plan: GrowthPlan = DEFAULT_PLAN, log: (line: string) => void = () => {}): GrowthSeries[] {
  const dir = mkdtempSync(join(tmpdir(), 'lw-bench-growth-'));
  try {
    const sizes = [...new Set([1, ...plan.capped, ...Object.values(plan.all).flat()])].sort((a, b) => a - b);
    const files = new Map<number, string>();
    for (const n of sizes) {
      const file = join(dir, `input-${n}.py`);
      writeFileSync(file, inputText(n));
      files.set(n, file);
    }
    const series: GrowthSeries[] = [];
    const measure = (format: Format, mode: GrowthSeries['mode'], counts: readonly number[]): void => {
      const points: GrowthPoint[] = [];
      const argsFor = (n: number): string[] => {
        const args = ['--format', format, '--max-numbers', String(Math.max(2 * n, 1_000_000))];
        if (mode === 'all') args.push('--max-derivations', 'all', '--max-rows', 'all');
        return args;
      };
      const fixedMs = runOnce(dir, files.get(1) as string, argsFor(1)).cpuMs;
      for (const n of counts) {
        const point = { elements: n, ...runOnce(dir, files.get(n) as string, argsFor(n)) };
        log(`  ${format} (${mode}) ${n.toLocaleString('en-US')} elements: ${Math.round(point.cpuMs)} ms CPU, ${(point.maxRssBytes / 2 ** 20).toFixed(0)} MB peak, ${(point.outputBytes / 1e6).toFixed(1)} MB out`);
        points.push(point);
      }
      series.push({ format, mode, points, exponent: slope(points), lastDecadeExponent: slope(points.slice(-2)), fixedMs, netExponent: slope(points, fixedMs) });
    };
    for (const format of FORMATS) measure(format, 'default caps', plan.capped);
    for (const format of FORMATS) {
      const counts = plan.all[format];
      if (counts !== undefined && counts.length > 0) measure(format, 'all', counts);
    }
    return series;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** CPU ms per element of a full HTML derivation: the marginal cost between the two largest `all` runs. */
export function htmlPerLabelMs(series: readonly GrowthSeries[]): number {
  const html = series.find((s) => s.format === 'html' && s.mode === 'all');
  const [a, b] = html?.points.slice(-2) ?? [];
  if (a === undefined || b === undefined) return NaN;
  return (b.cpuMs - a.cpuMs) / (b.elements - a.elements);
}

export function growthRows(series: readonly GrowthSeries[]): string[][] {
  const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
  return series.map((s) => [
    `${s.format}, ${s.mode}`,
    ...s.points.map((p) => `10^${Math.round(Math.log10(p.elements))}: ${ms(p.cpuMs)} ms, ${(p.maxRssBytes / 2 ** 20).toFixed(0)} MB`),
    `slope ${s.exponent.toFixed(2)}, last decade ${s.lastDecadeExponent.toFixed(2)}; net of the ${ms(s.fixedMs)} ms fixed cost ${s.netExponent.toFixed(2)}`,
  ]);
}

if (process.argv[1]?.endsWith('growth.ts')) {
  const series = benchGrowth(DEFAULT_PLAN, console.log);
  for (const row of growthRows(series)) console.log(row.join(' | '));
  console.log(`HTML, full derivation: ${htmlPerLabelMs(series).toFixed(2)} ms CPU per label (whole process, marginal)`);
}
