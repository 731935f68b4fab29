// The 20-label walkthrough page as a user gets it from a terminal, measured as a whole process
// (start Node, load the bundle, parse, derive, render, write the page), beside a naive MathJax
// script run the same way on the same input.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TWENTY_LABEL_TEXT } from './twenty-labels';

const CLI = join('dist', 'cli.js');
// The naive script renders the float64 pytorch walkthrough; the CLI is asked for the same page.
const CLI_ARGS = ['--format', 'html', '--preset', 'pytorch', '--dtype', 'float64'];

// Loaded with --require into each child: at exit it writes the CPU time (user + system, every
// thread, from process start) the whole process used. CPU time, not wall time, because the
// machines this runs on are often busy, and waiting for a core is not work either process did.
const CPU_REPORTER = `process.on('exit', () => {
  const u = process.resourceUsage();
  require('node:fs').writeFileSync(process.env.LW_CPU_REPORT, String((u.userCPUTime + u.systemCPUTime) / 1000));
});
`;

/** CPU time of one child process, in ms; throws with its stderr when it fails. */
export function timeProcess(dir: string, args: readonly string[], what: string): { ms: number; stdout: string } {
  const reporter = join(dir, 'cpu-reporter.cjs');
  const report = join(dir, 'cpu-ms.txt');
  writeFileSync(reporter, CPU_REPORTER);
  rmSync(report, { force: true });
  const r = spawnSync(process.execPath, ['--require', reporter, ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024, // the million-number JSON of bench/million.ts is about 150 MB
    env: { ...process.env, LW_CPU_REPORT: report },
  });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status ?? r.signal}): ${r.stderr}`);
  const ms = Number(readFileSync(report, 'utf8'));
  if (!Number.isFinite(ms) || ms <= 0) throw new Error(`${what}: no CPU time reported`);
  return { ms, stdout: r.stdout };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/**
 * Median CPU times of `runs` alternating runs of `node dist/cli.js --format html` and of the naive
 * script (`naiveScript`, the esbuild bundle of bench/cold-render.ts, run with `naive`).
 * dist/cli.js must be built first (production, as published).
 */
export function cliPageBench(naiveScript: string, runs = 5): { ms: number; baselineMs: number; pageBytes: number } {
  const dir = mkdtempSync(join(tmpdir(), 'lw-bench-cli-'));
  try {
    const input = join(dir, 'twenty-labels.py');
    writeFileSync(input, TWENTY_LABEL_TEXT);
    const ours: number[] = [];
    const naive: number[] = [];
    let pageBytes = 0;
    for (let i = 0; i < runs; i++) {
      const page = timeProcess(dir, [CLI, ...CLI_ARGS, input], 'node dist/cli.js --format html');
      // A page without its 20 cards would be fast for the wrong reason.
      const cards = page.stdout.match(/class="lw-card"/g)?.length ?? 0;
      if (cards !== 20) throw new Error(`the CLI page holds ${cards} cards, expected 20`);
      pageBytes = Buffer.byteLength(page.stdout);
      ours.push(page.ms);
      naive.push(timeProcess(dir, [naiveScript, 'naive'], 'naive MathJax script').ms);
    }
    return { ms: median(ours), baselineMs: median(naive), pageBytes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
