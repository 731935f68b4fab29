// The plain sentences that come with a result: which rule was applied and why, what the safeguard
// changed, the unit, the dtype and how the framework averages. Written for someone who has never
// read the framework's source.
import * as l10n from '@vscode/l10n';
import type { LossOptions, Preset } from '../types';
import type { Averaging, LossPlan } from './plan';
import { PRESETS } from './presets';

export interface NoteInput {
  readonly options: LossOptions;
  readonly plan: LossPlan;
  readonly averaging: Averaging;
  readonly targets: Float64Array;
  readonly safeguarded: number;
  readonly infinite: number;
  readonly divisor: number;
}

/** The preset's safeguard sentence, to follow a colon. */
function safeguardClause(preset: Preset): string {
  const sentence = PRESETS[preset].safeguard;
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}

function frameworkName(preset: Preset): string {
  return PRESETS[preset].framework ?? PRESETS[preset].displayName;
}

function ruleNote(options: LossOptions, plan: LossPlan): string {
  const info = PRESETS[options.preset];
  const own = `${info.call}: ${safeguardClause(options.preset)}`;
  switch (plan.rule) {
    case 'clamped-log':
      return options.preset === 'pytorch-logits'
        ? l10n.t`torch.nn.BCEWithLogitsLoss takes logits; for probabilities a PyTorch user calls torch.nn.BCELoss, so its rule is used: ${safeguardClause('pytorch')}`
        : own;
    case 'logits':
      if (options.preset === 'exact') {
        return l10n.t('With logits the exact loss is finite for every finite logit: it is computed as (1 - y)·z + ln(1 + e^-z) in a form that cannot overflow.');
      }
      return options.preset === 'pytorch'
        ? l10n.t('With logits a PyTorch user calls torch.nn.BCEWithLogitsLoss, so its formula is used: (1 - y)·z + (1 + (pos_weight - 1)·y)·ln(1 + e^-z), computed so that it cannot overflow. Nothing is clamped.')
        : own;
    case 'tf-logits':
      return l10n.t`With logits ${frameworkName(options.preset)} uses ${info.logitsCall ?? info.call}: max(z, 0) - z·y + ln(1 + e^-|z|), which cannot overflow, so nothing is clipped.`;
    case 'sigmoid-two-column-clip':
      return l10n.t`sklearn.metrics.log_loss takes probabilities only, so each logit was turned into σ(z) = 1 / (1 + e^-z) first (scipy.special.expit), then log_loss's rule applied: ${safeguardClause('sklearn')}`;
    case 'unguarded-log':
      return l10n.t`The exact formula ${info.call} has no safeguard: a prediction of exactly 0 with target 1 (or 1 with target 0) gives an infinite loss.`;
    default:
      return own;
  }
}

function safeguardNote(options: LossOptions, plan: LossPlan, safeguarded: number): string | null {
  if (safeguarded === 0) return null;
  const n = plan.count;
  // Whole sentences per count, so that a translation can make the noun and the verb agree. Since
  // safeguarded <= count, more than one changed element means more than one element.
  if (plan.rule === 'clamped-log') {
    if (safeguarded !== 1) {
      return l10n.t`${safeguarded} of ${n} elements were changed by the clamp: a log below -100 (ln 0 = -∞ for a prediction of exactly 0 or 1) counts as -100.`;
    }
    return n === 1
      ? l10n.t`${safeguarded} of ${n} element was changed by the clamp: a log below -100 (ln 0 = -∞ for a prediction of exactly 0 or 1) counts as -100.`
      : l10n.t`${safeguarded} of ${n} elements was changed by the clamp: a log below -100 (ln 0 = -∞ for a prediction of exactly 0 or 1) counts as -100.`;
  }
  const eps = PRESETS[options.preset].epsilon?.[options.dtype];
  const epsText = eps === undefined ? 'ε' : `ε = ${String(Number(eps.toPrecision(3)))}`;
  if (safeguarded !== 1) {
    return l10n.t`${safeguarded} of ${n} elements were clipped to [${epsText}, 1 - ε], so a prediction of exactly 0 or 1 gives a large but finite loss.`;
  }
  return n === 1
    ? l10n.t`${safeguarded} of ${n} element was clipped to [${epsText}, 1 - ε], so a prediction of exactly 0 or 1 gives a large but finite loss.`
    : l10n.t`${safeguarded} of ${n} elements was clipped to [${epsText}, 1 - ε], so a prediction of exactly 0 or 1 gives a large but finite loss.`;
}

function dtypeNote(options: LossOptions): string | null {
  const info = PRESETS[options.preset];
  const name = info.framework;
  const rounding = l10n.t('every step is rounded to float32 (about 7 significant digits), so the last digits differ from a float64 calculation.');
  if (options.preset === 'tfjs' && options.dtype === 'float64') {
    return l10n.t('TF.js computes in float32 only; this was computed in float64 as asked, so the last digits can differ from TF.js.');
  }
  if (options.dtype === 'float32') {
    if (name === null) return l10n.t`Computed in float32 as asked: ${rounding}`;
    const usual = info.defaultDtype === 'float32' ? l10n.t`as ${name} does by default` : l10n.t`as asked (${name} uses float64 by default)`;
    return l10n.t`Computed in float32, ${usual}: ${rounding}`;
  }
  if (name !== null && info.defaultDtype === 'float32') {
    return l10n.t`Computed in float64 as asked; ${name} computes in float32 by default, so its last digits can differ.`;
  }
  return null;
}

function baseNote(options: LossOptions, plan: LossPlan): string | null {
  if (options.logBase === 'e') return null;
  const unit = options.logBase === '2' ? l10n.t('bits') : l10n.t('base-10 units');
  return l10n.t`Losses are in ${unit}: the natural-log loss (in nats) divided by ln ${options.logBase} = ${plan.lnBase.toPrecision(7)}. Every framework uses the natural log, so multiply by ln ${options.logBase} to compare with one.`;
}

function smoothingNote(options: LossOptions, plan: LossPlan): string | null {
  if (plan.smoothing === 0) return null;
  const ls = plan.smoothing;
  const own = options.preset === 'keras' || options.preset === 'tf-keras' || options.preset === 'tfjs';
  const rule = l10n.t`each target y becomes y·(1 - ${ls}) + ${ls / 2}, so 1 becomes ${1 - ls / 2} and 0 becomes ${ls / 2}`;
  return own
    ? l10n.t`Label smoothing ${ls}: ${rule}.`
    : l10n.t`Label smoothing ${ls} (Keras's rule; ${frameworkName(options.preset)} has no such option): ${rule}.`;
}

function averagingNote(input: NoteInput): string | null {
  const { options, plan, averaging, divisor } = input;
  const name = frameworkName(options.preset);
  if (options.reduction === 'none') {
    return averaging === 'per-sample'
      ? l10n.t`No reduction: the per-element losses are the answer (${name} itself would return one loss per sample, the mean over the last axis).`
      : null;
  }
  if (averaging === 'per-sample') {
    if (options.reduction === 'sum') {
      return plan.rows === 1
        ? l10n.t`${name} averages each sample over its last axis before reducing, so 'sum' adds the ${plan.rows} per-sample mean, not the elements.`
        : l10n.t`${name} averages each sample over its last axis before reducing, so 'sum' adds the ${plan.rows} per-sample means, not the elements.`;
    }
    return plan.twoD ? PRESETS[options.preset].averaging : null;
  }
  if (options.reduction !== 'mean') return null;
  if (averaging === 'nonzero-weights') {
    return l10n.t`With weights TF.js (tf.losses.sigmoidCrossEntropy) divides the weighted sum by the number of non-zero weights, ${divisor}.`;
  }
  if (plan.weight !== null) return PRESETS[options.preset].averaging;
  return null;
}

function weightNote(options: LossOptions, plan: LossPlan): string | null {
  if (plan.weight === null) return null;
  if (options.preset === 'keras' || options.preset === 'tf-keras') {
    return l10n.t("Keras weighs samples, not elements: here each element's loss is multiplied by its weight before the mean over the last axis, which equals Keras's sample_weight when a row's weights are all the same.");
  }
  if (options.preset === 'sklearn') return l10n.t("Each element is one sample of log_loss, and its weight is that sample's sample_weight.");
  return null;
}

function sklearnNotes(options: LossOptions, plan: LossPlan, targets: Float64Array): string[] {
  if (options.preset !== 'sklearn') return [];
  const notes: string[] = [];
  // Branch-free counting: random 0/1 targets would mispredict a branch on y half the time.
  let soft = false;
  let positives = 0;
  for (let i = 0; i < targets.length; i++) {
    const y = targets[i] as number;
    positives += y;
    if (y * (1 - y) !== 0) soft = true;
  }
  if (soft || plan.smoothing !== 0) {
    notes.push(l10n.t("scikit-learn's log_loss rejects soft targets (between 0 and 1); the same formula is applied to them here."));
  } else if (positives === 0 || positives === targets.length) {
    notes.push(l10n.t('Only one class is present in the targets: log_loss needs labels=[0, 1] to run, and then gives this value.'));
  }
  if (plan.twoD) {
    notes.push(l10n.t('Each element is treated as one binary sample, as log_loss(y.ravel(), p.ravel()) would; log_loss on the 2-D arrays would read each row as one multiclass sample instead.'));
  }
  return notes;
}

function infiniteNote(infinite: number): string | null {
  if (infinite === 0) return null;
  return infinite === 1
    ? l10n.t('The loss is infinite: one prediction is exactly 0 where the target is 1 (or exactly 1 where it is 0), and ln 0 = -∞ with no safeguard. Frameworks clamp or clip here to keep training going.')
    : l10n.t`The loss is infinite: ${infinite} predictions are exactly 0 where the target is 1 (or exactly 1 where it is 0), and ln 0 = -∞ with no safeguard. Frameworks clamp or clip here to keep training going.`;
}

export function lossNotes(input: NoteInput): string[] {
  const { options, plan } = input;
  const notes = [
    ruleNote(options, plan),
    safeguardNote(options, plan, input.safeguarded),
    infiniteNote(input.infinite),
    smoothingNote(options, plan),
    weightNote(options, plan),
    averagingNote(input),
    ...sklearnNotes(options, plan, input.targets),
    dtypeNote(options),
    baseNote(options, plan),
  ];
  return notes.filter((n): n is string => n !== null);
}
