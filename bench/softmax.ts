// Softmax cross entropy benches, each beside a baseline in the same process or run the same way:
// the computation against a bare loop, and the 20-sample page from the CLI against a naive
// MathJax script that typesets the same equations. Run alone with `node --import tsx
// bench/softmax.ts` (it builds dist/cli.js first when asked with --build), or from bench/run.ts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import type { SoftmaxOptions } from '../src/core/softmax/types';
import { timeProcess } from './cli-page';

export interface SoftmaxFigure {
  readonly name: string;
  readonly ms: number;
  readonly baseline: string;
  readonly baselineMs: number;
  readonly ratio: number;
  readonly goal: string;
  readonly goalRatio: number | null;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * What a person would write for the mean alone: max, log-sum-exp, pick, average. A function of
 * its arrays and sizes, as the engine is, so neither is compiled for one fixed class count.
 */
function bareMean(y: Float64Array, z: Float64Array, samples: number, classes: number): number {
  let total = 0;
  for (let n = 0, base = 0; n < samples; n++, base += classes) {
    let m = -Infinity;
    for (let c = 0; c < classes; c++) if ((z[base + c] as number) > m) m = z[base + c] as number;
    let s = 0;
    for (let c = 0; c < classes; c++) s += Math.exp((z[base + c] as number) - m);
    total += Math.log(s) - ((z[base + (y[n] as number)] as number) - m);
  }
  return total / samples;
}

type SoftmaxEngine = typeof import('../src/core/softmax');

/** The softmax engine bundled by esbuild as it ships, not through tsx's on-the-fly CommonJS. */
async function shippedEngine(): Promise<SoftmaxEngine> {
  const outfile = join(process.cwd(), 'dist', 'bench', 'softmax-engine.cjs');
  await build({ entryPoints: [join('src', 'core', 'softmax', 'index.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'es2022', outfile, logLevel: 'warning' });
  return createRequire(import.meta.url)(outfile) as SoftmaxEngine;
}

/** 200,000 samples × 5 classes of logits with class-index targets: a million logits. */
export async function softmaxComputeBench(runs = 15): Promise<SoftmaxFigure[]> {
  const { computeSoftmaxLoss } = await shippedEngine();
  const samples = 200_000;
  const classes = 5;
  const rand = random(7);
  const y = new Float64Array(samples);
  const z = new Float64Array(samples * classes);
  for (let n = 0; n < samples; n++) y[n] = Math.floor(rand() * classes);
  for (let i = 0; i < z.length; i++) z[i] = (rand() - 0.5) * 8;
  let sink = 0;
  const bare = () => {
    sink += bareMean(y, z, samples, classes);
  };
  const figures: SoftmaxFigure[] = [];
  for (const dtype of ['float64', 'float32'] as const) {
    const options: SoftmaxOptions = { preset: dtype === 'float64' ? 'exact' : 'pytorch', reduction: 'mean', input: 'logits', dtype };
    const ours = () => {
      const r = computeSoftmaxLoss(y, z, [samples, classes], 'indices', options);
      if (r.ok) sink += r.value.loss;
    };
    // Warm both well: the first calls compile the checks, the kernel and the reduction.
    for (let i = 0; i < 5; i++) {
      ours();
      bare();
    }
    const ta: number[] = [];
    const tb: number[] = [];
    for (let i = 0; i < runs; i++) {
      let t = performance.now();
      ours();
      ta.push(performance.now() - t);
      t = performance.now();
      bare();
      tb.push(performance.now() - t);
    }
    const ms = median(ta);
    const baselineMs = median(tb);
    figures.push({
      name: `softmax CE compute 200,000 × 5 logits (${options.preset}, ${dtype}; the per-class softmax, ∂L/∂z and, for float64, the per-sample losses are built when first read${dtype === 'float32' ? ', here at once' : ''})`,
      ms,
      baseline: 'bare loop: max, log-sum-exp, pick',
      baselineMs,
      ratio: ms / baselineMs,
      goal: dtype === 'float64' ? '≤ 1.5×' : 'float32 emulation, no goal',
      goalRatio: dtype === 'float64' ? 1.5 : null,
    });
  }
  if (sink === 42) console.log('');
  return figures;
}

/** 20 samples × 4 classes, class indices and logits, fixed so both sides render the same page. */
export const TWENTY_SAMPLE_TEXT = (() => {
  const rows = Array.from({ length: 20 }, (_, n) => `[${[0, 1, 2, 3].map((c) => (((n * 7 + c * 13) % 29) / 5 - 2.5).toFixed(1)).join(', ')}]`);
  const targets = Array.from({ length: 20 }, (_, n) => (n * 3) % 4);
  return `classes = [cat, dog, bird, fish]\ny = [${targets.join(', ')}]\nlogits = [${rows.join(', ')}]\n`;
})();

const NAIVE_SCRIPT = String.raw`
// The naive page a first script would write: the same walkthrough's equations, each converted by
// MathJax with every TeX package and no cache.
const { parseSoftmaxInput, buildSoftmaxWalkthrough } = require('./engine.cjs');
const { mathjax } = require('mathjax-full/js/mathjax.js');
const { TeX } = require('mathjax-full/js/input/tex.js');
const { SVG } = require('mathjax-full/js/output/svg.js');
const { liteAdaptor } = require('mathjax-full/js/adaptors/liteAdaptor.js');
const { RegisterHTMLHandler } = require('mathjax-full/js/handlers/html.js');
const { AllPackages } = require('mathjax-full/js/input/tex/AllPackages.js');
const text = require('node:fs').readFileSync(process.argv[2], 'utf8');
const p = parseSoftmaxInput(text);
const w = buildSoftmaxWalkthrough(p.value, { preset: 'pytorch', reduction: 'mean', input: p.value.inputKind, dtype: 'float32' });
const adaptor = liteAdaptor();
RegisterHTMLHandler(adaptor);
const doc = mathjax.document('', { InputJax: new TeX({ packages: AllPackages }), OutputJax: new SVG({ fontCache: 'local' }) });
const d = w.value.document;
const steps = [...d.cards.flatMap((c) => [...c.steps, ...c.gradient]), ...d.reduction];
let html = '';
for (const s of steps) html += '<div>' + adaptor.outerHTML(doc.convert(s.tex, { display: true })) + '<p>' + s.text + '</p></div>';
process.stdout.write(html);
`;

/** `node dist/cli.js --loss softmax-ce --format html` on 20 samples against the naive script, whole processes, CPU time. */
export async function softmaxCliPageBench(runs = 5): Promise<SoftmaxFigure> {
  const dir = mkdtempSync(join(tmpdir(), 'lw-bench-softmax-'));
  try {
    const input = join(dir, 'twenty.py');
    writeFileSync(input, TWENTY_SAMPLE_TEXT);
    // The naive script gets the engine (not the renderer) bundled, and MathJax as published.
    await build({ entryPoints: [join('src', 'core', 'softmax', 'index.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'es2022', outfile: join(dir, 'engine.cjs'), logLevel: 'warning' });
    const script = join(dir, 'naive.cjs');
    writeFileSync(script, NAIVE_SCRIPT);
    // The naive script lives in a temporary folder: it finds mathjax-full through NODE_PATH.
    process.env.NODE_PATH = join(process.cwd(), 'node_modules');
    const ours: number[] = [];
    const naive: number[] = [];
    for (let i = 0; i < runs; i++) {
      const page = timeProcess(dir, [join('dist', 'cli.js'), '--loss', 'softmax-ce', '--format', 'html', input], 'node dist/cli.js --loss softmax-ce --format html');
      const cards = page.stdout.match(/class="lw-card"/g)?.length ?? 0;
      if (cards !== 20) throw new Error(`the softmax CLI page holds ${cards} cards, expected 20`);
      ours.push(page.ms);
      naive.push(timeProcess(dir, [script, input], 'naive softmax MathJax script').ms);
    }
    const ms = median(ours);
    const baselineMs = median(naive);
    return {
      name: '20-sample softmax CE page from the CLI, whole process, CPU time',
      ms,
      baseline: 'naive MathJax script on the same equations, whole process, CPU time',
      baselineMs,
      ratio: ms / baselineMs,
      goal: '≤ 0.6× its time',
      goalRatio: 0.6,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('softmax.ts')) {
  const withPage = process.argv.includes('--page');
  softmaxComputeBench()
    .then(async (figures) => (withPage ? [...figures, await softmaxCliPageBench()] : figures))
    .then(
    (all) => {
      for (const f of all) console.log(`${f.name}: ${f.ms.toFixed(2)} ms vs ${f.baselineMs.toFixed(2)} ms (${f.baseline}) = ${f.ratio.toFixed(2)}× [goal ${f.goal}${f.goalRatio === null ? '' : f.ratio <= f.goalRatio ? ', met' : ', MISSED'}]`);
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
