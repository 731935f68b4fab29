// What each framework calls for softmax cross entropy and how it keeps the logs finite, as plain
// data for notes and the side-by-side table. The ε here are the ones the kernels use.
import * as l10n from '@vscode/l10n';
import type { DType } from '../types';
import type { SoftmaxPreset } from './types';

export interface SoftmaxPresetInfo {
  readonly id: SoftmaxPreset;
  readonly displayName: string;
  /** The call for class-index targets and for distributions, on logits and on probabilities. */
  readonly calls: {
    readonly indicesLogits: string;
    readonly indicesProbabilities: string;
    readonly distributionsLogits: string;
    readonly distributionsProbabilities: string;
  };
  /** The safeguard in one plain sentence. */
  readonly safeguard: string;
  readonly defaultDtype: DType;
  /** The clip bound per dtype, null when nothing is clipped. */
  readonly epsilon: Readonly<Record<DType, number>> | null;
  /** Whether `weight` is a class weight inside the loss (PyTorch) rather than a per-sample weight chosen by the class. */
  readonly classWeightInside: boolean;
  readonly ignoreIndex: boolean;
  readonly labelSmoothing: boolean;
}

/** keras.config.epsilon(), also TF.js's. */
export const SOFTMAX_KERAS_EPSILON = 1e-7;

export const SOFTMAX_PRESETS: Readonly<Record<SoftmaxPreset, SoftmaxPresetInfo>> = {
  pytorch: {
    id: 'pytorch',
    displayName: 'PyTorch',
    calls: {
      indicesLogits: 'torch.nn.CrossEntropyLoss()(z, y)',
      indicesProbabilities: 'torch.nn.CrossEntropyLoss()(torch.log(p), y)',
      distributionsLogits: 'torch.nn.CrossEntropyLoss()(z, y)',
      distributionsProbabilities: 'torch.nn.CrossEntropyLoss()(torch.log(p), y)',
    },
    get safeguard(): string {
      return l10n.t('Nothing is clipped: log_softmax subtracts the row maximum before exponentiating, so it is finite for any finite logit.');
    },
    defaultDtype: 'float32',
    epsilon: null,
    classWeightInside: true,
    ignoreIndex: true,
    labelSmoothing: true,
  },
  keras: {
    id: 'keras',
    displayName: 'Keras 3',
    calls: {
      indicesLogits: 'keras.losses.sparse_categorical_crossentropy(y, z, from_logits=True)',
      indicesProbabilities: 'keras.losses.sparse_categorical_crossentropy(y, p)',
      distributionsLogits: 'keras.losses.categorical_crossentropy(y, z, from_logits=True)',
      distributionsProbabilities: 'keras.losses.categorical_crossentropy(y, p)',
    },
    get safeguard(): string {
      return l10n.t('Probabilities are divided by their row sum and clipped to [ε, 1 - ε] with ε = 1e-7 before the log (sparse: clipped, then renormalised by the log-sum-exp of their logs).');
    },
    defaultDtype: 'float32',
    epsilon: { float64: SOFTMAX_KERAS_EPSILON, float32: Math.fround(SOFTMAX_KERAS_EPSILON) },
    classWeightInside: false,
    ignoreIndex: false,
    labelSmoothing: true,
  },
  'tf-keras': {
    id: 'tf-keras',
    displayName: 'Keras 2 (tf.keras)',
    calls: {
      indicesLogits: 'tf.keras.losses.sparse_categorical_crossentropy(y, z, from_logits=True)',
      indicesProbabilities: 'tf.keras.losses.sparse_categorical_crossentropy(y, p)',
      distributionsLogits: 'tf.keras.losses.categorical_crossentropy(y, z, from_logits=True)',
      distributionsProbabilities: 'tf.keras.losses.categorical_crossentropy(y, p)',
    },
    get safeguard(): string {
      return l10n.t('Probabilities are divided by their row sum and clipped to [ε, 1 - ε] with ε = 1e-7 before the log (sparse: clipped, then renormalised by the log-sum-exp of their logs).');
    },
    defaultDtype: 'float32',
    epsilon: { float64: SOFTMAX_KERAS_EPSILON, float32: Math.fround(SOFTMAX_KERAS_EPSILON) },
    classWeightInside: false,
    ignoreIndex: false,
    labelSmoothing: true,
  },
  sklearn: {
    id: 'sklearn',
    displayName: 'scikit-learn',
    calls: {
      indicesLogits: 'sklearn.metrics.log_loss(y, scipy.special.softmax(z, axis=1), labels=range(C))',
      indicesProbabilities: 'sklearn.metrics.log_loss(y, p, labels=range(C))',
      distributionsLogits: 'sklearn.metrics.log_loss(y, scipy.special.softmax(z, axis=1))',
      distributionsProbabilities: 'sklearn.metrics.log_loss(y, p)',
    },
    get safeguard(): string {
      return l10n.t('Probabilities are clipped to [eps, 1 - eps] (eps the machine epsilon of the dtype) and then each row is divided by its sum.');
    },
    defaultDtype: 'float64',
    epsilon: { float64: 2 ** -52, float32: 2 ** -23 },
    classWeightInside: false,
    ignoreIndex: false,
    labelSmoothing: false,
  },
  tfjs: {
    id: 'tfjs',
    displayName: 'TensorFlow.js',
    calls: {
      indicesLogits: 'tf.losses.softmaxCrossEntropy(tf.oneHot(y, C), z)',
      indicesProbabilities: 'tf.metrics.categoricalCrossentropy(tf.oneHot(y, C), p)',
      distributionsLogits: 'tf.losses.softmaxCrossEntropy(y, z)',
      distributionsProbabilities: 'tf.metrics.categoricalCrossentropy(y, p)',
    },
    get safeguard(): string {
      return l10n.t('Logits: ln p = z - (max + ln of the sum of e^(z - max)), finite for any finite logit. Probabilities: divided by their row sum and clipped to [ε, 1 - ε] with ε = 1e-7.');
    },
    defaultDtype: 'float32',
    epsilon: { float64: SOFTMAX_KERAS_EPSILON, float32: Math.fround(SOFTMAX_KERAS_EPSILON) },
    classWeightInside: false,
    ignoreIndex: false,
    labelSmoothing: true,
  },
  exact: {
    id: 'exact',
    get displayName(): string {
      return l10n.t('Exact (no safeguard)');
    },
    calls: {
      indicesLogits: '-ln softmax(z)_y',
      indicesProbabilities: '-ln p_y',
      distributionsLogits: '-Σ_c y_c ln softmax(z)_c',
      distributionsProbabilities: '-Σ_c y_c ln p_c',
    },
    get safeguard(): string {
      return l10n.t('Nothing keeps the logs finite: a probability of exactly 0 on the target class gives an infinite loss.');
    },
    defaultDtype: 'float64',
    epsilon: null,
    classWeightInside: true,
    ignoreIndex: true,
    labelSmoothing: true,
  },
};

export const SOFTMAX_PRESET_IDS = Object.keys(SOFTMAX_PRESETS) as SoftmaxPreset[];
