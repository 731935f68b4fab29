// How the element losses become the one number the framework reports, written out: the general
// formula, the sum with its terms, the value. Works from the engine's own `reductionDivisor`, so
// what is shown is what was computed.
import * as l10n from '@vscode/l10n';
import type { DerivationStep, LossResult } from '../types';
import { PRESETS, averagingOf, elementLossAt } from '../loss';
import { formatNumber, formatNumberTex } from './format';

/** Up to this many terms are written out; beyond it the first 3 and the last 2 are shown. */
const MAX_TERMS = 8;
/** Terms per line before the sum is broken over several lines. */
const TERMS_PER_LINE = 4;
/** Per-sample averages shown for a batch; beyond it the first 3 and the last 2. */
const MAX_SAMPLES = 8;

export interface ReductionContext {
  readonly precision: number;
  /** The weight of element i (1 when there are none). */
  readonly weightAt: (flatIndex: number) => number;
  readonly weighted: boolean;
}

/** The indexes written out for a list of `count`: all, or the first 3 and the last 2 (null marks the gap). */
export function shownIndexes(count: number, max: number = MAX_TERMS): Array<number | null> {
  if (count <= max) return Array.from({ length: count }, (_, i) => i);
  return [0, 1, 2, null, count - 2, count - 1];
}

/**
 * `lhs = factor ( a + b + ... )`, broken into lines of a few terms (amsmath `aligned`, which
 * MathJax, KaTeX and LaTeX all read) so that a long sum stays readable.
 */
export function texSum(lhs: string, factor: string, terms: readonly string[]): string {
  const lines: string[][] = [];
  for (let i = 0; i < terms.length; i += TERMS_PER_LINE) lines.push(terms.slice(i, i + TERMS_PER_LINE) as string[]);
  const open = factor ? `${factor}\\left( ` : '';
  const close = factor ? ' \\right)' : '';
  if (lines.length <= 1) return `${lhs} = ${open}${terms.join(' + ')}${close}`;
  const bigOpen = factor ? `${factor}\\Bigl( ` : '';
  const bigClose = factor ? ' \\Bigr)' : '';
  const body = lines.map((line, i) => `${i === 0 ? '' : '+ '}${line.join(' + ')}`).join(' \\\\ &\\quad ');
  return `\\begin{aligned} ${lhs} &= ${bigOpen}${body}${bigClose} \\end{aligned}`;
}

function frac(divisor: number, precision: number): string {
  return `\\frac{1}{${formatNumberTex(divisor, precision)}}`;
}

export function reductionSteps(result: LossResult, ctx: ReductionContext): DerivationStep[] {
  const { options } = result;
  const fmt = (x: number): string => formatNumber(x, ctx.precision);
  const tex = (x: number): string => formatNumberTex(x, ctx.precision);
  const count = result.targets.length;
  const preset = PRESETS[options.preset];

  if (options.reduction === 'none') {
    return [
      {
        kind: 'result',
        tex: 'L_{i} = \\mathrm{BCE}_{i}, \\quad i = 1, \\ldots, ' + String(count),
        text: l10n.t`With reduction 'none' there is no single number: the answer is the list of ${count} element losses in the table.`,
      },
    ];
  }

  // A term of the sum: the element loss, its weight already in it (the engine's w·ℓ).
  const termValue = (i: number): number => elementLossAt(result, i);
  const termTex = (i: number): string => tex(termValue(i));
  const terms = (indexes: Array<number | null>, at: (i: number) => string): string[] =>
    indexes.map((i) => (i === null ? '\\cdots' : at(i)));

  const divisor = result.reductionDivisor;
  const sumName = ctx.weighted ? 'w_{i} \\mathrm{BCE}_{i}' : '\\mathrm{BCE}_{i}';
  const cols = result.shape.length > 1 ? (result.shape[result.shape.length - 1] ?? count) : count;
  const rows = count / Math.max(1, cols);
  const steps: DerivationStep[] = [];
  const final: DerivationStep = {
    kind: 'result',
    tex: `L = ${tex(result.loss)}`,
    text:
      options.reduction === 'sum'
        ? l10n.t`The summed loss is ${fmt(result.loss)}, the number ${preset.displayName} reports.`
        : l10n.t`The averaged loss is ${fmt(result.loss)}, the number ${preset.displayName} reports.`,
  };
  const truncated = count > MAX_TERMS ? ' ' + l10n.t('Only the first three and the last two terms are written out; the full list is in the table.') : '';

  // A batch averaged (or summed) per sample first: show each sample, then the batch.
  const perSample = result.shape.length > 1 && rows > 1 && !ctx.weighted ? batchLayout(divisor, count, cols) : null;
  if (perSample) {
    const { rowDivisor, outerDivisor } = perSample;
    const rowSymbol = rowDivisor === 1 ? 'S' : '\\bar{L}';
    const rowSum = rowDivisor === 1;
    const outerSum = outerDivisor === 1;
    const rowFormula = rowDivisor === 1 ? `\\sum_{j=1}^{n}` : `\\frac{1}{n} \\sum_{j=1}^{n}`;
    const outerFormula = outerDivisor === 1 ? `\\sum_{b=1}^{B}` : `\\frac{1}{B} \\sum_{b=1}^{B}`;
    const order = sampleOrder(rowSum, outerSum, rows);
    const name = preset.displayName;
    // Frameworks that average the whole batch at once get the same number, as every row has n labels.
    let how: string;
    if (averagingOf(options.preset, ctx.weighted) === 'per-sample') how = l10n.t`${name} does exactly this: ${order}`;
    else if (rowSum) how = l10n.t`${name} adds up all ${count} losses at once; since every sample has ${cols} labels, that is the same as this: ${order}`;
    else how = l10n.t`${name} averages all ${count} losses at once; since every sample has ${cols} labels, that is the same as this: ${order}`;
    steps.push({
      kind: 'formula',
      tex: `L = ${outerFormula} ${rowSymbol}_{b}, \\qquad ${rowSymbol}_{b} = ${rowFormula} \\mathrm{BCE}_{b,j}`,
      text: l10n.t`The batch has B = ${rows} samples of n = ${cols} labels. ${how}`,
    });
    // Only the rows written out are summed, each once.
    const rowValues = new Map<number, number>();
    const rowValue = (r: number): number => {
      let value = rowValues.get(r);
      if (value === undefined) {
        let s = 0;
        for (let j = 0; j < cols; j++) s += termValue(r * cols + j);
        value = s / rowDivisor;
        rowValues.set(r, value);
      }
      return value;
    };
    for (const r of shownIndexes(rows, MAX_SAMPLES)) {
      if (r === null) continue;
      const rowTerms = terms(shownIndexes(cols), (j) => termTex(r * cols + j));
      const lhs = `${rowSymbol}_{${r + 1}}`;
      const sum = texSum(lhs, rowDivisor === 1 ? '' : frac(rowDivisor, ctx.precision), rowTerms);
      const value = fmt(rowValue(r));
      const sentence = rowSum
        ? l10n.t`Sample ${r + 1}: the sum of its ${cols} element losses is ${value}.`
        : l10n.t`Sample ${r + 1}: the mean of its ${cols} element losses is ${value}.`;
      steps.push({
        kind: 'average',
        tex: `${sum} = ${tex(rowValue(r))}`,
        text: `${sentence}${cols > MAX_TERMS ? ' ' + l10n.t('The middle terms are in the table.') : ''}`,
      });
    }
    const outerTerms = terms(shownIndexes(rows), (r) => tex(rowValue(r)));
    steps.push({
      kind: 'average',
      tex: texSum('L', outerDivisor === 1 ? '' : frac(outerDivisor, ctx.precision), outerTerms),
      text: `${thenCombined(rowSum, outerSum, rows)}${rows > MAX_SAMPLES ? ' ' + l10n.t('Samples not shown here are in the table.') : ''}`,
    });
    steps.push(final);
    return steps;
  }

  const all = terms(shownIndexes(count), termTex);
  const factor = divisor === 1 ? '' : frac(divisor, ctx.precision);
  let formula: string;
  let formulaText: string;
  if (divisor === 1) {
    formula = `L = \\sum_{i=1}^{N} ${sumName}`;
    formulaText = ctx.weighted
      ? l10n.t`The loss is the sum of the N = ${count} element losses, each times its weight.`
      : l10n.t`The loss is the sum of the N = ${count} element losses.`;
  } else if (divisor === count) {
    formula = `L = \\frac{1}{N} \\sum_{i=1}^{N} ${sumName}`;
    formulaText = ctx.weighted
      ? l10n.t`The loss is the mean of the N = ${count} element losses, each times its weight, divided by the number of elements.`
      : l10n.t`The loss is the mean of the N = ${count} element losses.`;
  } else {
    formula = `L = \\frac{1}{D} \\sum_{i=1}^{N} ${sumName}, \\qquad D = ${tex(divisor)}`;
    formulaText = ctx.weighted
      ? l10n.t`The weighted sum of the N = ${count} element losses is divided by D = ${fmt(divisor)}.`
      : l10n.t`The sum of the N = ${count} element losses is divided by D = ${fmt(divisor)}.`;
  }
  steps.push({ kind: 'formula', tex: formula, text: `${formulaText} ${preset.averaging}` });
  steps.push({
    kind: 'average',
    tex: texSum('L', factor, all),
    text: `${l10n.t('Written out with the numbers from each element.')}${truncated}`,
  });
  steps.push(final);
  return steps;
}

/** The order of a per-sample reduction: a whole sentence for each combination of sum and mean. */
function sampleOrder(rowSum: boolean, outerSum: boolean, rows: number): string {
  if (rowSum) {
    return outerSum
      ? l10n.t`Each sample's losses are summed first, then the ${rows} per-sample sums are added up.`
      : l10n.t`Each sample's losses are summed first, then the ${rows} per-sample sums are averaged.`;
  }
  return outerSum
    ? l10n.t`Each sample's losses are averaged first, then the ${rows} per-sample means are added up.`
    : l10n.t`Each sample's losses are averaged first, then the ${rows} per-sample means are averaged.`;
}

/** The last step of a per-sample reduction, worded like `sampleOrder`. */
function thenCombined(rowSum: boolean, outerSum: boolean, rows: number): string {
  if (rowSum) return outerSum ? l10n.t`Then the ${rows} per-sample sums are added up.` : l10n.t`Then the ${rows} per-sample sums are averaged.`;
  return outerSum ? l10n.t`Then the ${rows} per-sample means are added up.` : l10n.t`Then the ${rows} per-sample means are averaged.`;
}

/** How a batch's reduction splits into per-sample then per-batch, from the engine's divisor. */
function batchLayout(divisor: number, count: number, cols: number): { rowDivisor: number; outerDivisor: number } | null {
  const rows = count / cols;
  if (divisor === count) return { rowDivisor: cols, outerDivisor: rows };
  if (divisor === 1) return { rowDivisor: 1, outerDivisor: 1 };
  if (divisor === cols) return { rowDivisor: cols, outerDivisor: 1 };
  return null;
}
