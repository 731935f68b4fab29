// The same input under each framework's own rule and default dtype, side by side, with plain
// sentences saying why a row differs from PyTorch. Every number comes from `computeLoss`, so the
// comparison cannot drift from what the walkthrough itself computes.
import * as l10n from '@vscode/l10n';
import { PRESETS, computeLoss } from '../loss';
import type { FrameworkComparison, FrameworkRow, LossOptions, LossResult, ParsedInput, Preset } from '../types';
import { formatNumber } from '../derivation/format';

/** The frameworks compared, PyTorch (the reference) first. */
export const COMPARED_PRESETS: readonly Preset[] = ['pytorch', 'keras', 'tf-keras', 'sklearn', 'tfjs'];

/** Beyond this relative difference a row is said to differ from PyTorch. */
export const RELATIVE_TOLERANCE = 1e-6;

/** The options the comparison keeps from the user's; each framework brings its own rule and dtype. */
export type ComparisonOptions = Omit<LossOptions, 'preset' | 'dtype' | 'input'>;

/** |a − b| relative to the larger of the two; 0 when equal (infinities included), ∞ when only one is finite. */
export function relativeDifference(a: number, b: number): number {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return 0;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Infinity;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}

function largestDifference(row: LossResult, reference: LossResult): number {
  if (row.options.reduction !== 'none') return relativeDifference(row.loss, reference.loss);
  let worst = 0;
  for (let i = 0; i < row.elementLosses.length; i++) {
    worst = Math.max(worst, relativeDifference(row.elementLosses[i] as number, reference.elementLosses[i] as number));
  }
  return worst;
}

function callFor(preset: Preset, logits: boolean): string {
  const info = PRESETS[preset];
  if (!logits) return info.call;
  return info.logitsCall ?? l10n.t`${info.call} on σ(z)`;
}

/** What the framework does to keep the logs finite, for this kind of input. */
function ruleSentence(preset: Preset, logits: boolean): string {
  if (logits) {
    switch (preset) {
      case 'pytorch':
        return l10n.t('Takes the logits directly and computes max(z, 0) − z·y + ln(1 + e^−|z|), which never overflows; nothing is clamped.');
      case 'sklearn':
        return l10n.t('Takes probabilities only, so σ(z) is applied first; then 1 − p and p are clipped to [eps, 1 − eps], eps being the machine epsilon of float64 (2.2e-16).');
      default:
        return l10n.t('With from_logits it computes max(z, 0) − z·y + ln(1 + e^−|z|), which never overflows; nothing is clipped.');
    }
  }
  switch (preset) {
    case 'pytorch':
      return l10n.t('Clamps each log at −100, so a prediction of exactly 0 or 1 costs at most 100.');
    case 'keras':
      return l10n.t('Clips ŷ to [1e-7, 1 − 1e-7] before the logs, so a prediction of exactly 0 or 1 costs at most about 16.1.');
    case 'tf-keras':
      return l10n.t('Clips ŷ to [1e-7, 1 − 1e-7] and also adds 1e-7 inside both logs, so a prediction of exactly 0 or 1 costs at most about 15.4.');
    case 'sklearn':
      return l10n.t('Clips 1 − p and p to [eps, 1 − eps], eps being the machine epsilon of float64 (2.2e-16), so a prediction of exactly 0 or 1 costs at most about 36.');
    case 'tfjs':
      return l10n.t('Clips ŷ to [1e-7, 1 − 1e-7], turns it back into a logit ln(ŷ/(1 − ŷ)) and applies the stable logits formula.');
    default:
      return PRESETS[preset].safeguard;
  }
}

function dtypeSentence(preset: Preset): string {
  const info = PRESETS[preset];
  return info.defaultDtype === 'float32'
    ? l10n.t`Computed in float32, ${info.framework ?? info.displayName}'s default (about 7 significant digits).`
    : l10n.t`Computed in float64, ${info.framework ?? info.displayName}'s default.`;
}

/** Whole sentences per safeguard and count, so that a translation can make them agree. */
function safeguardedSentence(rule: LossResult['rule'], n: number): string {
  if (rule === 'clamped-log') return n === 1 ? l10n.t`Here its clamp changed ${n} element.` : l10n.t`Here its clamp changed ${n} elements.`;
  return n === 1 ? l10n.t`Here its clip changed ${n} element.` : l10n.t`Here its clip changed ${n} elements.`;
}

/** Why a row is not PyTorch's number, from what actually happened on this input. */
function reasons(row: LossResult, reference: LossResult, weighted: boolean): string[] {
  const out: string[] = [];
  if (row.safeguardedCount > 0 || reference.safeguardedCount > 0) {
    out.push(l10n.t('The difference comes from a prediction of (almost) exactly 0 or 1: the frameworks keep ln 0 finite in different ways (a clamp at −100 against a clip at ε).'));
  }
  if (weighted && row.options.reduction === 'mean' && row.reductionDivisor !== reference.reductionDivisor) {
    out.push(
      l10n.t`It averages the weights differently: it divides the weighted sum by ${formatNumber(row.reductionDivisor)}, where PyTorch divides by the element count, ${formatNumber(reference.reductionDivisor)}.`,
    );
  }
  if (out.length === 0 && row.options.dtype !== reference.options.dtype) {
    out.push(l10n.t`The difference is rounding: ${row.options.dtype} here against PyTorch's ${reference.options.dtype}.`);
  }
  if (out.length === 0) out.push(l10n.t('The difference is in the last digits of float32 arithmetic, where the order of operations differs.'));
  return out;
}

function errorRow(preset: Preset, logits: boolean, message: string): FrameworkRow {
  const info = PRESETS[preset];
  return {
    preset,
    framework: info.framework ?? info.displayName,
    call: callFor(preset, logits),
    dtype: info.defaultDtype,
    loss: NaN,
    elementLosses: null,
    relativeDifference: NaN,
    differs: false,
    safeguardedCount: 0,
    explanation: [message],
    error: message,
  };
}

/**
 * The parsed input computed under PyTorch, Keras 3, tf.keras, scikit-learn and TF.js, each in its
 * default dtype, with the user's reduction, weights, smoothing and unit. A framework that cannot
 * take an option (pos_weight outside PyTorch) gets a row with `error` set instead of a number.
 */
export function compareFrameworks(parsed: ParsedInput, options: ComparisonOptions): FrameworkComparison {
  const logits = parsed.inputKind === 'logits';
  const weighted = options.weight !== undefined;
  const results = COMPARED_PRESETS.map((preset) => {
    const lossOptions: LossOptions = { ...options, preset, dtype: PRESETS[preset].defaultDtype, input: parsed.inputKind };
    return { preset, computed: computeLoss(parsed.targets.values, parsed.predictions.values, parsed.predictions.shape, lossOptions, parsed.labels) };
  });
  const referenceEntry = results[0];
  const reference = referenceEntry?.computed.ok ? referenceEntry.computed.value : null;

  const rows: FrameworkRow[] = results.map(({ preset, computed }) => {
    if (!computed.ok) return errorRow(preset, logits, computed.error.message);
    const r = computed.value;
    const info = PRESETS[preset];
    const difference = reference === null ? NaN : largestDifference(r, reference);
    const differs = difference > RELATIVE_TOLERANCE;
    const explanation = [ruleSentence(preset, logits), dtypeSentence(preset)];
    if (weighted && r.options.reduction === 'mean') explanation.push(info.averaging);
    if (r.safeguardedCount > 0) explanation.push(safeguardedSentence(r.rule, r.safeguardedCount));
    if (preset === 'pytorch') explanation.push(l10n.t('This is the reference the other rows are compared with.'));
    else if (reference !== null && differs) explanation.push(...reasons(r, reference, weighted));
    else if (reference !== null) explanation.push(l10n.t('Agrees with PyTorch to within 1e-6 relative.'));
    return {
      preset,
      framework: info.framework ?? info.displayName,
      call: callFor(preset, logits),
      dtype: info.defaultDtype,
      loss: r.loss,
      // Read through, so that five frameworks' arrays are computed only if someone reads them.
      get elementLosses(): Float64Array {
        return r.elementLosses;
      },
      relativeDifference: difference,
      differs,
      safeguardedCount: r.safeguardedCount,
      explanation,
      error: null,
    };
  });
  return { rows, summary: summarise(rows) };
}

function summarise(rows: readonly FrameworkRow[]): string[] {
  const computed = rows.filter((r) => r.error === null);
  const differing = computed.filter((r) => r.differs).map((r) => r.framework);
  const failed = rows.filter((r) => r.error !== null).map((r) => r.framework);
  const out: string[] = [];
  if (rows[0]?.error !== null) {
    out.push(l10n.t('PyTorch cannot compute this input with these options, so nothing is compared with it.'));
  } else if (differing.length === 0) {
    // rows holds all five frameworks, so when all were computed there are more than one.
    out.push(
      computed.length === rows.length
        ? l10n.t('All five frameworks agree with PyTorch to within 1e-6 relative: on ordinary numbers their safeguards never act, and the rest is float rounding.')
        : computed.length === 1
          ? l10n.t('Every framework that can take these options agrees with PyTorch to within 1e-6 relative: on ordinary numbers their safeguards never act, and the rest is float rounding.')
          : l10n.t('The frameworks that can take these options agree with PyTorch to within 1e-6 relative: on ordinary numbers their safeguards never act, and the rest is float rounding.'),
    );
  } else {
    out.push(
      differing.length === 1
        ? l10n.t`${listText(differing)} differs from PyTorch by more than 1e-6 relative; each row says why.`
        : l10n.t`${listText(differing)} differ from PyTorch by more than 1e-6 relative; each row says why.`,
    );
  }
  if (failed.length > 0) {
    out.push(
      failed.length === 1
        ? l10n.t`${listText(failed)} cannot take these options (see its row).`
        : l10n.t`${listText(failed)} cannot take these options (see their rows).`,
    );
  }
  return out;
}

function listText(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return l10n.t`${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}
