// Which loss the targets call for, and the same selection under both losses side by side:
// softmax cross entropy against BCE over the classes (one sigmoid per class, one-vs-rest).
import * as l10n from '@vscode/l10n';
import { computeLoss } from '../loss/compute';
import type { LossOptions, Preset, Result } from '../types';
import { firstRowNotSummingToOne } from './parse';
import type { SoftmaxResult, SoftmaxTargetKind } from './types';

export type TargetPattern = 'class-indices' | 'one-hot' | 'soft-distribution' | 'multi-hot' | 'independent-soft';

export interface LossFit {
  readonly pattern: TargetPattern;
  readonly calls: 'softmax-ce' | 'bce';
  /** The first row that shows the pattern (a row with several 1s, say); null when every row does. */
  readonly row: number | null;
  /** One plain sentence saying which loss and why. */
  readonly sentence: string;
}

/** Reads the targets: class indices, or rows that are one-hot, soft distributions, multi-hot or independent. */
export function whichLossFits(targets: Float64Array, kind: SoftmaxTargetKind, classes: number): LossFit {
  if (kind === 'indices') {
    return { pattern: 'class-indices', calls: 'softmax-ce', row: null, sentence: l10n.t('The targets are class indices: one class per sample, so softmax cross entropy is the loss they call for.') };
  }
  let allBinary = true;
  let multiRow = -1;
  let notOneRow = -1;
  for (let start = 0, row = 0; start < targets.length; start += classes, row++) {
    let ones = 0;
    for (let c = 0; c < classes; c++) {
      const y = targets[start + c] as number;
      if (y === 1) ones++;
      else if (y !== 0) allBinary = false;
    }
    if (ones >= 2 && multiRow < 0) multiRow = row;
    if (ones !== 1 && notOneRow < 0) notOneRow = row;
  }
  if (allBinary && notOneRow < 0) {
    return { pattern: 'one-hot', calls: 'softmax-ce', row: null, sentence: l10n.t('Every row of targets has a single 1 and sums to 1: one class per sample, so softmax cross entropy is the loss they call for.') };
  }
  if (allBinary) {
    return {
      pattern: 'multi-hot',
      calls: 'bce',
      row: notOneRow,
      sentence:
        multiRow >= 0
          ? l10n.t`Row ${multiRow} of the targets has several 1s: labels that can be true together (multi-label), so binary cross entropy is the loss they call for.`
          : l10n.t`Row ${notOneRow} of the targets has no 1: each label is present or absent on its own (multi-label), so binary cross entropy is the loss they call for.`,
    };
  }
  const bad = firstRowNotSummingToOne(targets, classes);
  if (bad < 0) {
    return { pattern: 'soft-distribution', calls: 'softmax-ce', row: null, sentence: l10n.t('Every row of targets is a distribution over the classes (it sums to 1): soft labels for one class per sample, so softmax cross entropy is the loss they call for.') };
  }
  return { pattern: 'independent-soft', calls: 'bce', row: bad, sentence: l10n.t`Row ${bad} of the targets does not sum to 1: each value is a probability of its own label, so binary cross entropy is the loss they call for.` };
}

export interface LossComparison {
  readonly fit: LossFit;
  /** Softmax CE per sample and reduced (the result's own numbers). */
  readonly softmaxSamples: Float64Array;
  readonly softmaxLoss: number;
  /** BCE over the same classes: per sample the mean over its classes, and the framework's reduced loss. */
  readonly bceSamples: Float64Array;
  readonly bceLoss: number;
  /** What a user of the framework calls for BCE over the classes. */
  readonly bceCall: string;
}

const BCE_PRESET: Readonly<Record<string, Preset>> = { pytorch: 'pytorch', keras: 'keras', 'tf-keras': 'tf-keras', sklearn: 'sklearn', tfjs: 'tfjs', exact: 'exact' };

/** BCE on the same selection: the targets one-hot (from indices) or as given, one sigmoid per class. */
export function compareWithBce(result: SoftmaxResult): Result<LossComparison> {
  const [samples, classes] = result.shape;
  const fit = whichLossFits(result.targets, result.targetKind, classes);
  const targets = new Float64Array(samples * classes);
  if (result.targetKind === 'indices') {
    for (let n = 0; n < samples; n++) {
      const y = result.targets[n] as number;
      if (y >= 0 && y < classes) targets[n * classes + y] = 1;
    }
  } else {
    targets.set(result.targets);
  }
  const o = result.options;
  const preset = BCE_PRESET[o.preset] ?? 'pytorch';
  const options: LossOptions = { preset, reduction: 'mean', input: o.input, logBase: o.logBase ?? 'e', dtype: o.dtype };
  const bce = computeLoss(targets, result.predictions, [samples, classes], options, result.labels);
  if (!bce.ok) return bce;
  const logits = o.input === 'logits';
  const bceCall =
    preset === 'pytorch' ? (logits ? 'torch.nn.BCEWithLogitsLoss()(z, y_one_hot)' : 'torch.nn.BCELoss()(p, y_one_hot)')
    : preset === 'sklearn' ? 'sklearn.metrics.log_loss per class'
    : preset === 'tfjs' ? (logits ? 'tf.losses.sigmoidCrossEntropy(y_one_hot, z)' : 'tf.metrics.binaryCrossentropy(y_one_hot, p)')
    : preset === 'exact' ? '-[y ln σ(z) + (1 - y) ln(1 - σ(z))]'
    : logits ? 'binary_crossentropy(y_one_hot, z, from_logits=True)' : 'binary_crossentropy(y_one_hot, p)';
  return {
    ok: true,
    value: {
      fit,
      softmaxSamples: result.sampleLosses,
      softmaxLoss: result.loss,
      bceSamples: bce.value.sampleLosses ?? new Float64Array(0),
      bceLoss: bce.value.loss,
      bceCall,
    },
  };
}

/** BCE over the classes for the same numbers: one-hot (or the given) targets and the predictions, as text BCE reads. */
export function bceSourceFor(r: SoftmaxResult): string {
  const [samples, classes] = r.shape;
  const rows = (values: (i: number) => number) =>
    `[${Array.from({ length: samples }, (_, n) => `[${Array.from({ length: classes }, (_, c) => String(values(n * classes + c))).join(', ')}]`).join(', ')}]`;
  const targets = rows((i) => (r.targetKind === 'indices' ? (r.targets[Math.floor(i / classes)] === i % classes ? 1 : 0) : (r.targets[i] as number)));
  const predictions = rows((i) => r.predictions[i] as number);
  const labels = r.labels !== null ? `labels = ${JSON.stringify(r.labels)}\n` : '';
  return `${labels}targets = ${targets}\n${r.options.input === 'logits' ? 'logits' : 'predictions'} = ${predictions}\n`;
}
