// What each framework calls and how it keeps the logs finite, as plain data for notes and for a
// side-by-side table. The numbers here are the ones the kernels use, so the table cannot drift
// from the computation.
import * as l10n from '@vscode/l10n';
import type { DType, Preset } from '../types';

export interface PresetInfo {
  readonly id: Preset;
  readonly displayName: string;
  /** The framework's name on its own (both PyTorch presets say 'PyTorch'); null for exact. */
  readonly framework: string | null;
  /** The call a user of this framework writes for probabilities. */
  readonly call: string;
  /** The call for logits (null where the framework has none and σ is applied first). */
  readonly logitsCall: string | null;
  /** The safeguard rule in one plain sentence. */
  readonly safeguard: string;
  /** How the 'mean' reduction averages, in one plain sentence. */
  readonly averaging: string;
  /** The ε of the clip, per dtype (the value as stored in that dtype); null when there is no clip. */
  readonly epsilon: Readonly<Record<DType, number>> | null;
  /** The floor each log is clamped to; null when there is no clamp. */
  readonly logFloor: number | null;
  /** The dtype the framework computes in unless told otherwise. */
  readonly defaultDtype: DType;
  /** Whether the framework has a positive-class weight (PyTorch's pos_weight, logits only). */
  readonly posWeight: boolean;
}

/** Keras, tf.keras and TF.js all use this ε (keras.config.epsilon()). */
export const KERAS_EPSILON = 1e-7;
/** PyTorch's BCELoss clamps each log at this value, so a log of 0 costs 100 nats. */
export const TORCH_LOG_FLOOR = -100;
/** PyTorch's BCELoss backward divides by max(p(1-p), this) (EPSILON in aten/src/ATen/native/Loss.cpp). */
export const TORCH_GRAD_EPSILON = 1e-12;

const kerasEpsilon: Readonly<Record<DType, number>> = { float64: KERAS_EPSILON, float32: Math.fround(KERAS_EPSILON) };

// The sentences are getters: l10n.t must run when they are read, after the extension has given
// @vscode/l10n its bundle, not when this module is loaded.
const averagedByElementCount = () => l10n.t('The mean divides the weighted sum by the number of elements, not by the sum of the weights.');
const averagedPerSampleFirst = () => l10n.t('Each sample is averaged over its last axis first, then the per-sample losses are averaged over the batch.');

export const PRESETS: Readonly<Record<Preset, PresetInfo>> = {
  pytorch: {
    id: 'pytorch',
    framework: 'PyTorch',
    displayName: 'PyTorch',
    call: 'torch.nn.BCELoss',
    logitsCall: 'torch.nn.BCEWithLogitsLoss',
    get safeguard(): string {
      return l10n.t('Each log is clamped so that it is never below -100, so a prediction of exactly 0 or 1 costs at most 100.');
    },
    get averaging(): string {
      return averagedByElementCount();
    },
    epsilon: null,
    logFloor: TORCH_LOG_FLOOR,
    defaultDtype: 'float32',
    posWeight: true,
  },
  'pytorch-logits': {
    id: 'pytorch-logits',
    framework: 'PyTorch',
    displayName: 'PyTorch with logits',
    call: 'torch.nn.BCEWithLogitsLoss',
    logitsCall: 'torch.nn.BCEWithLogitsLoss',
    get safeguard(): string {
      return l10n.t('Nothing is clamped; the loss is computed from the logit with a formula that cannot overflow, so it stays finite for any finite logit.');
    },
    get averaging(): string {
      return averagedByElementCount();
    },
    epsilon: null,
    logFloor: null,
    defaultDtype: 'float32',
    posWeight: true,
  },
  keras: {
    id: 'keras',
    framework: 'Keras 3',
    displayName: 'Keras 3',
    call: 'keras.losses.BinaryCrossentropy',
    logitsCall: 'keras.losses.BinaryCrossentropy(from_logits=True)',
    get safeguard(): string {
      return l10n.t('Each prediction is clipped to [ε, 1 - ε] with ε = 1e-7 before taking logs.');
    },
    get averaging(): string {
      return averagedPerSampleFirst();
    },
    epsilon: kerasEpsilon,
    logFloor: null,
    defaultDtype: 'float32',
    posWeight: false,
  },
  'tf-keras': {
    id: 'tf-keras',
    framework: 'Keras 2 (tf.keras)',
    displayName: 'Keras 2 (tf.keras)',
    call: 'tf.keras.losses.BinaryCrossentropy',
    logitsCall: 'tf.keras.losses.BinaryCrossentropy(from_logits=True)',
    get safeguard(): string {
      return l10n.t('Each prediction is clipped to [ε, 1 - ε] with ε = 1e-7, and ε is also added inside both logs.');
    },
    get averaging(): string {
      return averagedPerSampleFirst();
    },
    epsilon: kerasEpsilon,
    logFloor: null,
    defaultDtype: 'float32',
    posWeight: false,
  },
  sklearn: {
    id: 'sklearn',
    framework: 'scikit-learn',
    displayName: 'scikit-learn',
    call: 'sklearn.metrics.log_loss',
    logitsCall: null,
    get safeguard(): string {
      return l10n.t('The probabilities of both classes, 1 - p and p, are clipped to [eps, 1 - eps], eps being the machine epsilon of the dtype.');
    },
    get averaging(): string {
      return l10n.t('The mean is a weighted average: the weighted sum divided by the sum of the weights.');
    },
    epsilon: { float64: 2 ** -52, float32: 2 ** -23 },
    logFloor: null,
    defaultDtype: 'float64',
    posWeight: false,
  },
  tfjs: {
    id: 'tfjs',
    framework: 'TensorFlow.js',
    displayName: 'TensorFlow.js',
    call: 'tf.metrics.binaryCrossentropy',
    logitsCall: 'tf.losses.sigmoidCrossEntropy',
    get safeguard(): string {
      return l10n.t('Each prediction is clipped to [ε, 1 - ε] with ε = 1e-7, turned back into a logit ln(p / (1 - p)), and the stable logits formula is applied.');
    },
    get averaging(): string {
      return l10n.t('The mean divides the weighted sum by the number of non-zero weights (by the number of elements when there are no weights), as the default reduction of tf.losses does.');
    },
    epsilon: kerasEpsilon,
    logFloor: null,
    defaultDtype: 'float32',
    posWeight: false,
  },
  exact: {
    id: 'exact',
    framework: null,
    get displayName(): string {
      return l10n.t('Exact (no safeguard)');
    },
    call: '-[y ln p + (1 - y) ln(1 - p)]',
    logitsCall: '(1 - y) z + ln(1 + e^-z)',
    get safeguard(): string {
      return l10n.t('Nothing keeps the logs finite: a prediction of exactly 0 with target 1 (or 1 with target 0) gives an infinite loss.');
    },
    get averaging(): string {
      return l10n.t('The mean divides the weighted sum by the number of elements.');
    },
    epsilon: null,
    logFloor: null,
    defaultDtype: 'float64',
    posWeight: true,
  },
};
