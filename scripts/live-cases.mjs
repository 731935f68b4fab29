// The fixtures of `npm run test:live` (test/live/fixtures): which launch configuration runs each,
// what the debug console is asked, what the panel must name, and how close the walkthrough's
// loss must come to the program's own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './vscode-web.mjs';

export const FIXTURES_DIR = join(REPO_ROOT, 'test', 'live', 'fixtures');

/**
 * `config`: the launch configuration's name in fixtures/.vscode/launch.json. `result`: the name
 * the fixture writes its results under. `consoleChecks`: expressions for the debug console and
 * the array of the results file each must show. `expressions`: what the panel must name as the
 * source of the numbers (the call's arguments).
 */
export const LIVE_CASES = [
  {
    name: 'PyTorch BCEWithLogitsLoss(pos_weight)',
    config: 'PyTorch: BCEWithLogitsLoss(pos_weight)',
    file: 'bce_with_logits.py',
    result: 'bce_with_logits',
    consoleChecks: [
      { expression: 'outputs.detach().flatten().tolist()', array: 'outputs' },
      { expression: 'labels.flatten().tolist()', array: 'labels' },
    ],
    expressions: ['outputs', 'labels', 'pos_weight'],
  },
  {
    name: 'PyTorch F.binary_cross_entropy(weight) float64',
    config: 'PyTorch: F.binary_cross_entropy(weight), float64',
    file: 'binary_cross_entropy_weight.py',
    result: 'binary_cross_entropy_weight',
    consoleChecks: [{ expression: 'probabilities.detach().tolist()', array: 'probabilities' }],
    expressions: ['probabilities', 'targets', 'weights'],
  },
  {
    name: 'scikit-learn log_loss(sample_weight) on NumPy',
    config: 'scikit-learn: log_loss(sample_weight) on NumPy arrays',
    file: 'log_loss.py',
    result: 'log_loss',
    consoleChecks: [{ expression: 'y_prob.tolist()', array: 'y_prob' }],
    expressions: ['y_true', 'y_prob', 'sample_weight'],
  },
  {
    name: 'Node tf.metrics.binaryCrossentropy on typed arrays',
    config: 'Node: tf.metrics.binaryCrossentropy-style typed arrays',
    file: 'tfjs_style.mjs',
    result: 'tfjs_style',
    consoleChecks: [{ expression: 'JSON.stringify(Array.from(predictions))', array: 'predictions' }],
    expressions: ['labels', 'predictions'],
  },
];

/** 1-based lines: the breakpoint (marked `live: breakpoint`) and the loss call (`loss = ...`). */
export function fixtureLines(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const breakpoint = lines.findIndex((l) => /[#/] live: breakpoint\s*$/.test(l)) + 1;
  const loss = lines.findIndex((l) => /^\s*(?:const\s+)?loss = /.test(l)) + 1;
  if (!breakpoint || !loss) throw new Error(`${file}: no 'live: breakpoint' marker or no 'loss = ' line`);
  return { breakpoint, loss };
}

/** What the fixture wrote: `{ loss: <repr of the float>, dtype, arrays: { name: number[] } }`. */
export function readProgramResult(dir, name) {
  const result = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
  if (!Number.isFinite(Number(result.loss))) throw new Error(`${name}.json: loss '${result.loss}' is not a number`);
  return result;
}

const MACHINE_EPSILON = { float16: 2 ** -10, bfloat16: 2 ** -7, float32: 2 ** -23, float64: 2 ** -52 };
/**
 * How far the walkthrough's loss may be from the program's: 16 units in the last place of the
 * dtype, at the loss's magnitude. A few roundings differ between two correct evaluations of the
 * same formula (log1p or log, the order of a sum); a different rule or option is far beyond this.
 */
export const LOSS_ULPS = 16;
export function lossTolerance({ loss, dtype }) {
  const epsilon = MACHINE_EPSILON[dtype];
  if (!epsilon) throw new Error(`unknown dtype '${dtype}'`);
  const magnitude = Math.abs(Number(loss));
  const ulp = epsilon * 2 ** Math.floor(Math.log2(Math.max(magnitude, Number.MIN_VALUE)));
  return { ulp, absolute: LOSS_ULPS * ulp, describe: `${LOSS_ULPS} ulp` };
}
