// The data of softmax cross entropy: its own input, options and result, peers of BCE's in
// ../types. Plain data, so a result can cross a worker boundary or be written as JSON.
import type { DType, InputKind, LogBase, ParsedArray, Reduction } from '../types';

/** The frameworks whose softmax cross entropy is reproduced, each in its default dtype. */
export type SoftmaxPreset = 'pytorch' | 'keras' | 'tf-keras' | 'sklearn' | 'tfjs' | 'exact';

/** Class indices ([2, 0, 1]) or one distribution per row (one-hot or soft). */
export type SoftmaxTargetKind = 'indices' | 'distributions';

export interface SoftmaxInput {
  /** The text that was parsed; ranges index into it. */
  readonly source: string;
  /** Indices: shape [N]; distributions: shape [N, C] (one sample typed flat is read as [1, C]). */
  readonly targets: ParsedArray;
  /** Shape [N, C]. */
  readonly predictions: ParsedArray;
  readonly targetKind: SoftmaxTargetKind;
  readonly inputKind: InputKind;
  readonly samples: number;
  readonly classes: number;
  /** Class names from `labels = [...]` / `classes`, one per column; null if none. */
  readonly labels: readonly string[] | null;
  readonly orderAssumed: boolean;
  readonly notes: readonly string[];
}

export interface SoftmaxOptions {
  readonly preset: SoftmaxPreset;
  readonly reduction: Reduction;
  readonly input: InputKind;
  /** One weight per class (PyTorch's `weight`; for the others, fit's class_weight: a weight per sample by its class). */
  readonly weight?: Float64Array | readonly number[];
  /** PyTorch's ignore_index: a class-index target equal to it adds nothing and is not counted. */
  readonly ignoreIndex?: number;
  /** y' = y(1 - ls) + ls / C, as PyTorch, Keras and TF.js smooth. */
  readonly labelSmoothing?: number;
  /** Keras's `axis`: -1 or 1 (classes along a row, the default) or 0 (classes down a column, so the arrays are read transposed). */
  readonly axis?: -1 | 0 | 1;
  readonly logBase?: LogBase;
  readonly dtype: DType;
}

/**
 * The per-sample formula applied, resolved from preset, input kind and target kind.
 * - 'torch-log-softmax': PyTorch, log_softmax then NLL (probabilities enter as ln p).
 * - 'tf-xent-logits': TF's softmax_cross_entropy_with_logits (Keras and tf.keras from_logits).
 * - 'keras-renormalise-clip': Keras categorical on probabilities: p / Σp, clip to [ε, 1 − ε], −Σ y ln p.
 * - 'keras-sparse-clip-log': Keras sparse on probabilities: clip, ln, then the sparse logits formula (so Σ clip(p) renormalises).
 * - 'sklearn-clip-renormalise': scikit-learn log_loss: clip to [eps, 1 − eps], then p / Σp, −Σ y ln p.
 * - 'sklearn-softmax': scikit-learn on softmax(z) (log_loss takes no logits).
 * - 'tfjs-logits': tf.losses.softmaxCrossEntropy: z − (max + ln Σ e^(z − max)).
 * - 'tfjs-renormalise-clip': tf.metrics.categoricalCrossentropy on probabilities.
 * - 'exact-log-softmax' / 'exact-log': float64, no safeguard.
 */
export type SoftmaxRule =
  | 'torch-log-softmax'
  | 'tf-xent-logits'
  | 'keras-renormalise-clip'
  | 'keras-sparse-clip-log'
  | 'sklearn-clip-renormalise'
  | 'sklearn-softmax'
  | 'tfjs-logits'
  | 'tfjs-renormalise-clip'
  | 'exact-log-softmax'
  | 'exact-log';

/** How the weighted sum of sample losses is turned into the 'mean'. */
export type SoftmaxAveraging = 'count' | 'picked-weights' | 'weight-sum' | 'nonzero-weights';

export interface SoftmaxResult {
  readonly options: SoftmaxOptions;
  /** [N, C]. */
  readonly shape: readonly [number, number];
  readonly targetKind: SoftmaxTargetKind;
  readonly rule: SoftmaxRule;
  /** As given: N indices or N×C distributions (after any transpose for axis 0). */
  readonly targets: Float64Array;
  /** As given, N×C, logits or probabilities (after any transpose for axis 0). */
  readonly predictions: Float64Array;
  /** The distribution each sample's loss was taken against (after label smoothing), N×C. */
  readonly smoothedTargets: Float64Array;
  /** The probabilities the rule used, N×C: softmax(z), or p after renormalising and clipping. */
  readonly probabilities: Float64Array;
  /** ln of `probabilities` as the rule computed it (log-softmax for logits), N×C, in nats. */
  readonly logProbabilities: Float64Array;
  /** Per sample, before reduction, weighted as the preset weighs (0 for an ignored sample), in the chosen base. Float64 logits with class indices: built on first read. */
  readonly sampleLosses: Float64Array;
  /** The weight each sample's loss carries in the reduction (PyTorch: the picked class weight; 0 when ignored). */
  readonly sampleWeights: Float64Array;
  /** The reduced loss in the chosen base; NaN for reduction 'none'. */
  readonly loss: number;
  /** What the sum of `sampleLosses` is divided by for 'mean' (1 for 'sum' and 'none'). */
  readonly reductionDivisor: number;
  readonly averaging: SoftmaxAveraging;
  /** ∂(reduced loss)/∂z, N×C, in the chosen base: (softmax(z) − y) per sample, weighted and divided as the reduction does. */
  readonly gradLogits: Float64Array;
  /** Number of probabilities a clip changed. */
  readonly safeguardedCount: number;
  /** Samples left out by ignore_index. */
  readonly ignoredCount: number;
  readonly labels: readonly string[] | null;
  readonly notes: readonly string[];
}

export type { DType, InputKind, LogBase, Reduction };
