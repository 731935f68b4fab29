// The softmax cross entropy walkthrough as data: per sample the softmax written out with the
// numbers (max-subtracted, and why), the log-softmax, the term the target picks (or the sum over
// a soft target), the result and the gradient; then the reduction; then which loss the targets
// call for, next to BCE over the same classes. Every number shown comes from the result, so the
// page cannot disagree with the computation.
import * as l10n from '@vscode/l10n';
import type { DocumentCard, DocumentTable, LossDocument } from '../document';
import { formatNumber, formatNumberTex } from '../derivation/format';
import type { DerivationStep, Result, WalkthroughOptions } from '../types';
import { computeSoftmaxLoss, ignoreIndexOf } from './compute';
import { compareWithBce, type LossComparison } from './fit';
import { SOFTMAX_PRESETS } from './presets';
import type { SoftmaxInput, SoftmaxOptions, SoftmaxResult } from './types';

/** Classes written out in a card's equations; beyond them a vector ends with an ellipsis. */
export const MAX_CLASSES_SHOWN = 8;
/** Cards laid out unless the caller asks for another number. */
export const DEFAULT_SOFTMAX_DERIVATIONS = 20;

export interface SoftmaxWalkthrough {
  readonly input: SoftmaxInput;
  readonly result: SoftmaxResult;
  readonly comparison: LossComparison | null;
  readonly document: LossDocument;
  readonly precision: number;
}

function className(r: SoftmaxResult, c: number): string {
  return r.labels?.[c] ?? String(c);
}

/** `(a,\ b,\ c)` with at most MAX_CLASSES_SHOWN entries. */
function texVector(values: readonly number[], precision: number): string {
  const shown = values.slice(0, MAX_CLASSES_SHOWN).map((v) => formatNumberTex(v, precision));
  if (values.length > MAX_CLASSES_SHOWN) shown.push('\\ldots');
  return `\\left(${shown.join(',\\ ')}\\right)`;
}

function textVector(values: readonly number[], precision: number): string {
  const shown = values.slice(0, MAX_CLASSES_SHOWN).map((v) => formatNumber(v, precision));
  if (values.length > MAX_CLASSES_SHOWN) shown.push('…');
  return `(${shown.join(', ')})`;
}

function rowOf(values: Float64Array, n: number, classes: number): number[] {
  return Array.from(values.subarray(n * classes, (n + 1) * classes));
}

function targetText(r: SoftmaxResult, n: number, precision: number): string {
  const classes = r.shape[1];
  if (r.targetKind === 'indices') {
    const y = r.targets[n] as number;
    return r.labels !== null && y >= 0 && y < classes ? `${y} (${r.labels[y]})` : String(y);
  }
  return textVector(rowOf(r.targets, n, classes), precision);
}

function argmax(values: readonly number[]): number {
  let best = 0;
  for (let c = 1; c < values.length; c++) if ((values[c] as number) > (values[best] as number)) best = c;
  return best;
}

function sampleCard(r: SoftmaxResult, n: number, precision: number): DocumentCard {
  const [, classes] = r.shape;
  const f = (x: number) => formatNumber(x, precision);
  const t = (x: number) => formatNumberTex(x, precision);
  const z = rowOf(r.predictions, n, classes);
  const p = rowOf(r.probabilities, n, classes);
  const logp = rowOf(r.logProbabilities, n, classes);
  const y = rowOf(r.smoothedTargets, n, classes);
  const steps: DerivationStep[] = [];
  const logits = r.options.input === 'logits';
  const hard = r.targetKind === 'indices' && (r.options.labelSmoothing ?? 0) === 0;
  const index = r.targetKind === 'indices' ? (r.targets[n] as number) : -1;
  const ignored = r.targetKind === 'indices' && index === ignoreIndexOf(r.options);
  const heading = l10n.t`Sample ${n} (target ${targetText(r, n, precision)})`;

  steps.push({
    kind: 'formula',
    tex: hard ? 'L = -\\ln \\operatorname{softmax}(z)_y,\\quad \\operatorname{softmax}(z)_c = \\frac{e^{z_c - m}}{\\sum_k e^{z_k - m}},\\quad m = \\max_k z_k' : 'L = -\\sum_c y_c \\ln \\operatorname{softmax}(z)_c,\\quad \\operatorname{softmax}(z)_c = \\frac{e^{z_c - m}}{\\sum_k e^{z_k - m}},\\quad m = \\max_k z_k',
    text: hard
      ? l10n.t('Softmax cross entropy of one sample is minus the log of the probability the softmax gives the target class.')
      : l10n.t('Softmax cross entropy of one sample is minus the sum, over the classes, of each target probability times the log of the probability the softmax gives that class.'),
  });

  if (logits) {
    const m = Math.max(...z);
    const shifted = z.map((v) => v - m);
    const exps = shifted.map((v) => Math.exp(v));
    const sum = exps.reduce((a, b) => a + b, 0);
    steps.push({
      kind: 'softmax',
      tex:
        // gathered: a line break that MathJax, KaTeX and LaTeX's display math all accept.
        `\\begin{gathered}m = ${t(m)},\\quad z - m = ${texVector(shifted, precision)},\\quad e^{z - m} = ${texVector(exps, precision)}\\\\ ` +
        `\\textstyle\\sum_k e^{z_k - m} = ${t(sum)},\\quad \\operatorname{softmax}(z) = ${texVector(p, precision)}\\end{gathered}`,
      text: l10n.t`The largest logit, m = ${f(m)}, is subtracted first: e^(-m) is a common factor of the numerator and the denominator, so it cancels and the softmax is unchanged, but now every exponent is at most 0 and e^z cannot overflow (e^1000 alone would be infinite). z - m = ${textVector(shifted, precision)}, e^(z - m) = ${textVector(exps, precision)}, their sum ${f(sum)}, and the softmax is ${textVector(p, precision)}, which sums to 1.`,
    });
    steps.push({
      kind: 'log-softmax',
      tex: `\\ln \\operatorname{softmax}(z) = (z - m) - \\ln \\textstyle\\sum_k e^{z_k - m} = ${texVector(logp, precision)}`,
      text: l10n.t`The log-softmax is taken from the same numbers, (z - m) - ln ${f(sum)}, without ever forming a probability that could round to 0: ${textVector(logp, precision)}.`,
    });
  } else {
    steps.push({
      kind: 'softmax',
      tex: `p = ${texVector(rowOf(r.predictions, n, classes), precision)} \\;\\to\\; ${texVector(p, precision)}`,
      text: l10n.t`The predictions are already probabilities; the preset's rule (${SOFTMAX_PRESETS[r.options.preset].safeguard}) turns ${textVector(rowOf(r.predictions, n, classes), precision)} into ${textVector(p, precision)}.`,
    });
    steps.push({
      kind: 'log-softmax',
      tex: `\\ln p = ${texVector(logp, precision)}`,
      text: l10n.t`Their logs: ${textVector(logp, precision)}.`,
    });
  }

  const weight = r.options.weight;
  const inside = weight !== undefined && SOFTMAX_PRESETS[r.options.preset].classWeightInside;
  const loss = r.sampleLosses[n] as number;
  if (ignored) {
    steps.push({ kind: 'pick', tex: `y = ${t(index)} = \\text{ignore\\_index} \\Rightarrow L = 0`, text: l10n.t`The target ${index} is the ignore_index: this sample adds 0 and is not counted in the mean.` });
  } else if (hard) {
    const name = className(r, index);
    const w = inside ? (weight[index] as number) : 1;
    const lp = logp[index] as number;
    steps.push({
      kind: 'pick',
      tex: inside ? `L = -w_{${index}} \\ln p_{${index}} = -${t(w)} \\times (${t(lp)})` : `L = -\\ln p_{${index}} = -(${t(lp)})`,
      text: inside
        ? l10n.t`The target is class ${name}, so of the C terms only its own survives (every other target is 0), weighted by its class weight ${f(w)}: L = -${f(w)} × (${f(lp)}).`
        : l10n.t`The target is class ${name}, so of the C terms only its own survives (every other target is 0): L = -ln p = -(${f(lp)}).`,
    });
  } else {
    const terms: string[] = [];
    const words: string[] = [];
    for (let c = 0; c < classes && terms.length < MAX_CLASSES_SHOWN; c++) {
      if ((y[c] as number) === 0) continue;
      // The target as typed where nothing changed it (0.7, not its float32 0.699999988).
      const yc = (r.options.labelSmoothing ?? 0) === 0 && r.targetKind === 'distributions' ? (r.targets[n * classes + c] as number) : (y[c] as number);
      const a = inside ? yc * (weight[c] as number) : yc;
      terms.push(`${t(a)} \\times (${t(logp[c] as number)})`);
      words.push(`${f(a)} × (${f(logp[c] as number)})`);
    }
    const more = y.filter((v) => v !== 0).length > terms.length;
    steps.push({
      kind: 'pick',
      tex: `L = -\\left(${terms.join(' + ')}${more ? ' + \\ldots' : ''}\\right)`,
      text:
        (r.options.labelSmoothing ?? 0) !== 0
          ? l10n.t`Label smoothing moves ${f(r.options.labelSmoothing ?? 0)} of the target onto all C classes evenly, so the target is ${textVector(y, precision)} and every class with a non-zero target adds its term${inside ? l10n.t(' (times its class weight)') : ''}: L = -(${words.join(' + ')}${more ? ' + …' : ''}).`
          : l10n.t`The target is a distribution, so every class with a non-zero target adds its term${inside ? l10n.t(' (times its class weight)') : ''}: L = -(${words.join(' + ')}${more ? ' + …' : ''}).`,
    });
  }
  const outer = weight !== undefined && !inside && !ignored;
  const base = r.options.logBase ?? 'e';
  if (base !== 'e' && !ignored) {
    steps.push({ kind: 'base-change', tex: `L_{${n}} = \\frac{L}{\\ln ${base}}`, text: l10n.t`In log base ${base}: the loss in nats divided by ln ${base}.` });
  }
  steps.push({
    kind: 'result',
    tex: outer ? `L_{${n}} = ${t(r.sampleWeights[n] as number)} \\times \\ldots = ${t(loss)}` : `L_{${n}} = ${t(loss)}`,
    text: outer ? l10n.t`Sample ${n} loses ${f(loss)}, its class weight ${f(r.sampleWeights[n] as number)} applied as a sample weight.` : l10n.t`Sample ${n} loses ${f(loss)}.`,
  });

  const gradient: DerivationStep[] = [];
  if (!ignored) {
    // Per-sample gradient (before the reduction divides it): (Σ a) p − a.
    const a = y.map((v, c) => (inside ? v * (weight[c] as number) : v));
    const mass = a.reduce((s, v) => s + v, 0);
    const g = p.map((pc, c) => (mass * pc - (a[c] as number)) * (outer ? (r.sampleWeights[n] as number) : 1));
    const predicted = argmax(p);
    gradient.push({
      kind: 'gradient',
      tex: `\\frac{\\partial L}{\\partial z} = \\operatorname{softmax}(z) - y = ${texVector(p, precision)} - ${texVector(y, precision)} = ${texVector(g, precision)}`,
      text:
        (hard
          ? l10n.t`∂L/∂z = softmax(z) - y = ${textVector(g, precision)}. In words: raising a logit raises the loss by its class's probability minus its target, so the target class's logit has a negative gradient (gradient descent raises it) and every other class's logit a positive one as large as the probability it wrongly takes.`
          : l10n.t`∂L/∂z = softmax(z) - y = ${textVector(g, precision)}. In words: each logit's gradient is its class's probability minus its target, positive where the model gives the class more than the target does (gradient descent lowers it) and negative where it gives less.`) +
        (!hard || (p[predicted] as number) <= (p[index] as number) ? '' : l10n.t` The model's top class is ${className(r, predicted)}, so its logit gets the largest push down.`) +
        (inside || outer ? l10n.t(' The weight multiplies it.') : ''),
    });
  }
  return { id: `sample-${n}`, heading, steps, gradient };
}

function reductionSteps(r: SoftmaxResult, precision: number): DerivationStep[] {
  const f = (x: number) => formatNumber(x, precision);
  const t = (x: number) => formatNumberTex(x, precision);
  const n = r.shape[0];
  const shown = Array.from(r.sampleLosses.subarray(0, MAX_CLASSES_SHOWN));
  const more = n > shown.length ? ' + \\ldots' : '';
  const sumTex = shown.map(t).join(' + ') + more;
  const sumText = shown.map(f).join(' + ') + (n > shown.length ? ' + …' : '');
  switch (r.options.reduction) {
    case 'none':
      return [{ kind: 'average', tex: `L = \\left(L_0, \\ldots, L_{${n - 1}}\\right)`, text: l10n.t`No reduction: the ${n} per-sample losses are the answer.` }];
    case 'sum':
      return [{ kind: 'average', tex: `L = \\sum_n L_n = ${sumTex} = ${t(r.loss)}`, text: l10n.t`The sum of the ${n} sample losses: ${sumText} = ${f(r.loss)}.` }];
    default: {
      const divisor = r.reductionDivisor;
      const why =
        r.averaging === 'picked-weights'
          ? r.options.weight !== undefined
            ? l10n.t`the sum of the weights of the target classes, ${f(divisor)}`
            : r.ignoredCount > 0
              ? l10n.t`the number of samples not ignored, ${f(divisor)}`
              : l10n.t`the number of samples, ${f(divisor)}`
          : r.averaging === 'weight-sum'
            ? l10n.t`the sum of the sample weights, ${f(divisor)}`
            : r.averaging === 'nonzero-weights'
              ? l10n.t`the number of non-zero weights, ${f(divisor)}`
              : l10n.t`the number of samples, ${f(divisor)}`;
      return [
        {
          kind: 'average',
          tex: `L = \\frac{1}{${t(divisor)}} \\left(${sumTex}\\right) = ${t(r.loss)}`,
          text: l10n.t`The mean: the sum of the sample losses, ${sumText}, divided by ${why}, is ${f(r.loss)}.`,
        },
        {
          kind: 'gradient',
          tex: `\\frac{\\partial L}{\\partial z_n} = \\frac{1}{${t(divisor)}} \\left(\\operatorname{softmax}(z_n) - y_n\\right)`,
          text: l10n.t`The mean divides every sample's gradient by ${f(divisor)} too.`,
        },
      ];
    }
  }
}

function inputTable(r: SoftmaxResult, rows: number, precision: number): DocumentTable {
  const [, classes] = r.shape;
  const out: string[][] = [];
  for (let n = 0; n < rows; n++) {
    const p = rowOf(r.probabilities, n, classes);
    const predicted = argmax(p);
    const index = r.targetKind === 'indices' ? (r.targets[n] as number) : argmax(rowOf(r.targets, n, classes));
    out.push([
      String(n),
      targetText(r, n, precision),
      `${predicted}${r.labels !== null ? ` (${r.labels[predicted]})` : ''}`,
      index >= 0 && index < classes ? formatNumber(p[index] as number, precision) : '—',
      formatNumber(r.sampleLosses[n] as number, precision),
    ]);
  }
  return {
    caption: l10n.t("Each sample's target, the class the model ranks first, the probability it gives the target class, and the sample's loss"),
    headers: [l10n.t('Sample'), l10n.t('Target'), l10n.t('Top class'), l10n.t('p(target)'), l10n.t('Loss')],
    numeric: [true, false, false, true, true],
    rows: out,
  };
}

function comparisonSection(c: LossComparison, r: SoftmaxResult, precision: number) {
  const f = (x: number) => formatNumber(x, precision);
  const rows: string[][] = [];
  const n = Math.min(r.shape[0], 20);
  for (let i = 0; i < n; i++) rows.push([String(i), f(c.softmaxSamples[i] as number), f(c.bceSamples[i] as number)]);
  if (r.options.reduction !== 'none') rows.push([l10n.t('Reduced'), f(c.softmaxLoss), f(c.bceLoss)]);
  const verdict = c.fit.calls === 'softmax-ce' ? l10n.t('Softmax cross entropy fits these targets.') : l10n.t('Binary cross entropy fits these targets: softmax cross entropy forces the classes to compete for one unit of probability.');
  return {
    id: 'which-loss',
    heading: l10n.t('Which loss fits'),
    paragraphs: [
      c.fit.sentence,
      verdict,
      l10n.t`Binary cross entropy over the classes gives each class its own sigmoid (one-vs-rest), ${c.bceCall}; its per-sample number is the mean over the classes. Softmax makes the classes share one distribution, so raising one probability lowers the others.`,
    ],
    table: {
      caption: l10n.t('The same selection under both losses'),
      headers: [l10n.t('Sample'), l10n.t('Softmax cross entropy'), l10n.t('BCE over the classes')],
      numeric: [false, true, true],
      rows,
    },
  };
}

export interface SoftmaxWalkthroughOptions extends WalkthroughOptions {
  /** Add the which-loss section with BCE's numbers (default true). */
  readonly compareBce?: boolean;
}

export function buildSoftmaxWalkthrough(input: SoftmaxInput, options: SoftmaxOptions, w: SoftmaxWalkthroughOptions = {}): Result<SoftmaxWalkthrough> {
  const computed = computeSoftmaxLoss(input.targets.values, input.predictions.values, input.predictions.shape, input.targetKind, options, input.labels);
  if (!computed.ok) return computed;
  const r = computed.value;
  const precision = w.precision ?? 6;
  const samples = r.shape[0];
  const cardCount = Math.min(samples, w.maxDerivations ?? DEFAULT_SOFTMAX_DERIVATIONS);
  const tableRows = Math.min(samples, w.maxTableRows ?? samples);
  const omitted: string[] = [];
  if (cardCount < samples) omitted.push(l10n.t`Step-by-step derivations are shown for the first ${cardCount} of ${samples} samples.`);
  if (tableRows < samples) omitted.push(l10n.t`The table lists the first ${tableRows} of ${samples} samples.`);
  const cards: DocumentCard[] = [];
  for (let n = 0; n < cardCount; n++) cards.push(sampleCard(r, n, precision));
  let comparison: LossComparison | null = null;
  if (w.compareBce ?? true) {
    const c = compareWithBce(r);
    if (c.ok) comparison = c.value;
  }
  const info = SOFTMAX_PRESETS[options.preset];
  const call = info.calls[`${r.targetKind}${options.input === 'logits' ? 'Logits' : 'Probabilities'}` as keyof typeof info.calls];
  const answer =
    options.reduction === 'none'
      ? l10n.t`Softmax cross entropy per sample: ${textVector(Array.from(r.sampleLosses), precision)}.`
      : options.reduction === 'sum'
        ? l10n.t`Softmax cross entropy (sum) = ${formatNumber(r.loss, precision)}`
        : l10n.t`Softmax cross entropy (mean) = ${formatNumber(r.loss, precision)}`;
  const setting = l10n.t`${samples} samples, ${r.shape[1]} classes, ${r.targetKind === 'indices' ? l10n.t('class-index targets') : l10n.t('distribution targets')}, ${options.input}; ${info.displayName}: ${call}, ${options.dtype}.`;
  const document: LossDocument = {
    title: l10n.t('Softmax cross entropy walkthrough'),
    summary: [answer, setting],
    assumptions: input.notes,
    table: inputTable(r, tableRows, precision),
    cardsHeading: l10n.t('Step by step, per sample'),
    cards,
    reductionHeading: l10n.t('Reduction'),
    reduction: reductionSteps(r, precision),
    sections: comparison !== null ? [comparisonSection(comparison, r, precision)] : [],
    omitted,
    notes: [...r.notes, ...(options.logBase !== undefined && options.logBase !== 'e' ? [l10n.t`Losses are in log base ${options.logBase}: the natural-log values divided by ln ${options.logBase}.`] : [])],
  };
  return { ok: true, value: { input, result: r, comparison, document, precision } };
}
