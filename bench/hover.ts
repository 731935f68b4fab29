/// <reference types="node" />
// Hover timing: what the provider does on each pointer rest (read the bounded window, find the
// array and its partner, compute the loss, write the Markdown with the cached formula image),
// beside the command's path on the same arrays (the paragraph locator, the full parse, the
// panel's walkthrough). p50 and p95 over alternating runs. Asserts nothing. Both sides run the
// shipped bundle's code (bench/hover-engine.ts, bundled here as esbuild.js bundles the extension).
// Standalone: `node --import tsx bench/hover.ts`; `benchHover()` is for bench/run.ts.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { ShownHover } from '../src/extension/hover/plan';
import type { HoverMemo } from '../src/extension/hover/memo';
import type { EffectiveOptions } from '../src/extension/walkthrough/explain';
import type { LineSource, LineSpan } from '../src/extension/walkthrough/locateInput';
import type { HoverImage } from '../src/render/hover';

type HoverEngine = typeof import('./hover-engine');
const require = createRequire(import.meta.url);
const { mathjaxFromTypeScript } = require('../esbuild.js') as { mathjaxFromTypeScript: (o?: { onlyFrom?: string }) => import('esbuild').Plugin };
let engine: HoverEngine | undefined;

/** The hover's code bundled as it ships (production build settings of esbuild.js), loaded once. */
async function shippedHover(): Promise<HoverEngine> {
  if (engine) return engine;
  const outfile = join(process.cwd(), 'dist', 'bench', 'hover-engine.cjs');
  await build({
    entryPoints: [join('bench', 'hover-engine.ts')],
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    target: 'es2022',
    outfile,
    logLevel: 'warning',
    plugins: [mathjaxFromTypeScript()],
  });
  engine = require(outfile) as HoverEngine;
  return engine;
}

export interface HoverBenchFigure {
  readonly name: string;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly baseline: string;
  readonly baselineP50Ms: number;
  readonly baselineP95Ms: number;
  readonly goal: string;
  readonly met: boolean;
}

const OPTIONS: EffectiveOptions = { preset: 'pytorch', inputKind: 'auto', reduction: 'mean', logBase: 'e', precision: 6 };
/** The panel's first render: 50 derivations (the default setting) and up to 20,000 table rows (panel.ts). */
const PANEL_EXTENT = { maxDerivations: 50, maxTableRows: 20_000 };
const GOAL_P95_MS = 20;

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}

function linesOf(text: string): LineSource {
  const all = text.split('\n');
  return { lineCount: all.length, lineText: (i) => all[i] ?? '' };
}

/**
 * 5,000 lines of code with no blank line (one paragraph, the worst case for a paragraph rule),
 * holding in the middle 20 lines of targets and 20 of predictions, 10 numbers a line.
 */
function fiveThousandLines(): { text: string; line: number; character: number } {
  const rand = random(7);
  const lines: string[] = [];
  for (let i = 0; i < 2480; i++) lines.push(`value_${i} = compute(${i}, scale=${(rand() * 10).toFixed(3)})  # step ${i}`);
  const block = (name: string, make: () => string) => {
    lines.push(`${name} = [`);
    for (let r = 0; r < 20; r++) lines.push(`    ${Array.from({ length: 10 }, make).join(', ')},`);
    lines.push(']');
  };
  block('targets', () => (rand() < 0.5 ? '0' : '1'));
  const predictionsLine = lines.length + 10;
  block('predictions', () => (0.01 + 0.98 * rand()).toFixed(4));
  while (lines.length < 5000) lines.push(`value_${lines.length} = compute(${lines.length})`);
  return { text: lines.join('\n'), line: predictionsLine, character: 8 };
}

/** Two lines of 100,000 numbers each; the pointer on the predictions. */
function hundredThousandOnALine(): { text: string; line: number; character: number } {
  const rand = random(11);
  const n = 100_000;
  const ys = Array.from({ length: n }, () => (rand() < 0.5 ? '0' : '1'));
  const ps = Array.from({ length: n }, () => (0.001 + 0.998 * rand()).toFixed(6));
  return { text: `targets = [${ys.join(', ')}]\npredictions = [${ps.join(', ')}]`, line: 1, character: 500_000 };
}

async function formulaImage(e: HoverEngine): Promise<HoverImage> {
  const { getMathRenderer, hoverFormulaTex, svgDataUri, formulaColor } = e;
  const math = await getMathRenderer();
  const svg = math.toSvg(hoverFormulaTex({ reduction: 'mean', logBase: 'e', input: 'probabilities' }), { color: formulaColor('dark') });
  return { uri: svgDataUri(svg), alt: 'Binary cross entropy' };
}

const MEMO_KEY = { uri: 'untitled:bench', version: 1, context: JSON.stringify(OPTIONS) };

/**
 * The provider's synchronous work for one hover, minus vscode's own marshalling: with `memo`,
 * as when the pointer moves along an array already hovered; without, a first hover.
 */
function hover(e: HoverEngine, lines: LineSource, line: number, character: number, image: HoverImage, memo?: HoverMemo<ShownHover>): number {
  const { planHover, showHover, commandUri, pairHoverMarkdown, HOVER_EXPLAIN_COMMAND } = e;
  let shown = memo?.get(MEMO_KEY, { line, character });
  if (!shown) {
    const plan = planHover(lines, { line, character, wholeCell: false, inputKind: OPTIONS.inputKind });
    if (plan === null || plan.kind === 'notice') throw new Error(`bench: expected an array at ${line}:${character}, got ${plan?.kind ?? 'nothing'}`);
    const computed = showHover(plan, OPTIONS);
    if (computed?.kind !== 'pair') throw new Error('bench: expected a pair');
    memo?.set(MEMO_KEY, computed.plan.range, computed);
    shown = computed;
  }
  if (shown.kind !== 'pair') throw new Error('bench: expected a pair');
  const link = { title: 'Open walkthrough', uri: commandUri(HOVER_EXPLAIN_COMMAND, [{ uri: MEMO_KEY.uri, version: 1, spans: shown.plan.source.spans, options: OPTIONS }]) };
  return pairHoverMarkdown(shown.walkthrough, image, link).length;
}

/** What "Explain Binary Cross Entropy" does with the cursor at the same place, up to the panel's data. */
function command(e: HoverEngine, lines: LineSource, line: number): number {
  const { locateAroundCursor, explainSource } = e;
  const text = (span: LineSpan) => Array.from({ length: span.endLine - span.startLine + 1 }, (_, i) => lines.lineText(span.startLine + i)).join('\n');
  const found = locateAroundCursor(lines, line, (span) => explainSource(text(span), OPTIONS, PANEL_EXTENT));
  if (!found.result.ok) throw new Error(found.result.error.message);
  return found.result.value.elementCount;
}

function measure(e: HoverEngine, name: string, fixture: { text: string; line: number; character: number }, image: HoverImage, runs: number, memo?: HoverMemo<ShownHover>): HoverBenchFigure {
  const lines = linesOf(fixture.text);
  let sink = 0;
  for (let i = 0; i < 3; i++) {
    sink += hover(e, lines, fixture.line, fixture.character, image, memo);
    sink += command(e, lines, fixture.line);
  }
  const ours: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    sink += hover(e, lines, fixture.line, fixture.character + (i % 7), image, memo);
    ours.push(performance.now() - t);
    t = performance.now();
    sink += command(e, lines, fixture.line);
    base.push(performance.now() - t);
  }
  if (sink === 42) console.log('');
  const p95 = percentile(ours, 95);
  return {
    name,
    p50Ms: percentile(ours, 50),
    p95Ms: p95,
    baseline: "the command's locate + full parse + panel walkthrough of the same arrays",
    baselineP50Ms: percentile(base, 50),
    baselineP95Ms: percentile(base, 95),
    goal: `p95 ≤ ${GOAL_P95_MS} ms`,
    met: p95 <= GOAL_P95_MS,
  };
}

/** Hover p50/p95 on a 5,000-line file and on a 100,000-element line, each beside the command's path. */
export async function benchHover(runs = 40): Promise<HoverBenchFigure[]> {
  const e = await shippedHover();
  const image = await formulaImage(e);
  const big = hundredThousandOnALine();
  return [
    measure(e, 'hover, 5,000-line file (arrays of 200 in the middle)', fiveThousandLines(), image, runs),
    measure(e, 'hover, 100,000-element array on one line (and its partner), first rest', big, image, Math.max(10, Math.floor(runs / 2))),
    measure(e, 'hover, 100,000-element array, the pointer moving along it (memo)', big, image, Math.max(10, Math.floor(runs / 2)), new e.HoverMemo<ShownHover>()),
  ];
}

if (process.argv[1]?.replace(/\\/g, '/').endsWith('bench/hover.ts')) {
  benchHover()
    .then((figures) => {
      const f = (x: number) => `${x.toFixed(2)} ms`;
      for (const x of figures) {
        console.log(`${x.name}: p50 ${f(x.p50Ms)}, p95 ${f(x.p95Ms)} (${x.goal}: ${x.met ? 'met' : 'MISSED'}); baseline p50 ${f(x.baselineP50Ms)}, p95 ${f(x.baselineP95Ms)} — ${x.baseline}`);
      }
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    });
}
