// A million numbers from a terminal: `node dist/cli.js --format json` on a file of 500,000
// targets and 500,000 predictions (the parser's default limit), as a whole process. The JSON
// lists every element, so this is the path a user takes for the full data of an input too big
// for the panel's table. dist/cli.js must be built first.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { timeProcess } from './cli-page';

const HALF = 500_000;

/** Every element is y = 1, ŷ = 0.8 or y = 0, ŷ = 0.2, so every loss is −ln 0.8. */
export function millionNumbersText(): string {
  const targets = Array.from({ length: HALF }, (_, i) => (i % 2 ? '0' : '1')).join(', ');
  const predictions = Array.from({ length: HALF }, (_, i) => (i % 2 ? '0.2' : '0.8')).join(', ');
  return `targets = [${targets}]\npredictions = [${predictions}]\n`;
}

/**
 * The baseline: a script written for this one input, as a first attempt would be (JSON.parse of
 * the two lists, the textbook loss and gradients, JSON.stringify of the same fields), with none
 * of the CLI's parsing, checking, presets or notes.
 */
const NAIVE_SCRIPT = `
const text = require('fs').readFileSync(process.argv[2], 'utf8');
const list = (name) => JSON.parse(text.slice(text.indexOf('[', text.indexOf(name)), text.indexOf(']', text.indexOf(name)) + 1));
const y = list('targets'), p = list('predictions'), n = y.length;
const elements = [];
let sum = 0;
for (let i = 0; i < n; i++) {
  const loss = -(y[i] * Math.log(p[i]) + (1 - y[i]) * Math.log(1 - p[i]));
  sum += loss;
  elements.push({ index: [i], label: null, target: y[i], prediction: p[i], logit: null, loss,
    gradPrediction: (p[i] - y[i]) / (p[i] * (1 - p[i])) / n, gradLogit: (p[i] - y[i]) / n, clamped: false });
}
process.stdout.write(JSON.stringify({ loss: sum / n, elements }, null, 2));
`;

export interface MillionFigure {
  /** Median CPU time (user + system) of the whole process, ms. */
  readonly ms: number;
  /** Median CPU time of the naive script on the same file, ms (runs alternate with ours). */
  readonly baselineMs: number;
  /** Median wall time of the whole process, ms (includes waiting for a core on a busy machine). */
  readonly wallMs: number;
  readonly inputBytes: number;
  readonly jsonBytes: number;
}

export function benchMillionCli(runs = 3): MillionFigure {
  const dir = mkdtempSync(join(tmpdir(), 'lw-bench-million-'));
  try {
    const input = join(dir, 'million.py');
    const text = millionNumbersText();
    writeFileSync(input, text);
    const naive = join(dir, 'naive.cjs');
    writeFileSync(naive, NAIVE_SCRIPT);
    const cpu: number[] = [];
    const base: number[] = [];
    const wall: number[] = [];
    let jsonBytes = 0;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const { ms, stdout } = timeProcess(dir, [join('dist', 'cli.js'), '--format', 'json', input], 'node dist/cli.js --format json');
      wall.push(performance.now() - started);
      cpu.push(ms);
      // A report without every element would be fast for the wrong reason.
      const listed = stdout.split('"index":').length - 1;
      if (listed !== HALF) throw new Error(`the JSON lists ${listed} elements, expected ${HALF}`);
      jsonBytes = Buffer.byteLength(stdout);
      base.push(timeProcess(dir, [naive, input], 'naive million script').ms);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
    return { ms: median(cpu), baselineMs: median(base), wallMs: median(wall), inputBytes: Buffer.byteLength(text), jsonBytes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('million.ts')) {
  const f = benchMillionCli();
  console.log(`node dist/cli.js --format json, 1,000,000 numbers (${(f.inputBytes / 1e6).toFixed(1)} MB in, ${(f.jsonBytes / 1e6).toFixed(1)} MB out): ${Math.round(f.ms)} ms CPU, ${Math.round(f.wallMs)} ms wall; naive script ${Math.round(f.baselineMs)} ms CPU (medians of 3)`);
}
