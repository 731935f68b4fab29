// Everything about one element, rebuilt on demand from what the result keeps, with the same
// kernels the hot loop used; and the gradients ∂loss/∂p and ∂loss/∂z under the chosen reduction.
import * as l10n from '@vscode/l10n';
import { inputError } from '../errors';
import type { ActiveTerm, ElementDetail, LossResult, LossRule, Safeguard } from '../types';
import {
  ElementScratch,
  elementLoss,
  inUnit,
  kernelConstants,
  sigmoid,
  smoothTarget,
  smoothingConstants,
  weighted,
  type KernelConstants,
  type SmoothingConstants,
} from './kernels';
import { LN_BASE } from './plan';
import { TORCH_GRAD_EPSILON } from './presets';

/** What is the same for every element of a result. */
interface ResultContext {
  readonly rule: LossRule;
  readonly k: KernelConstants;
  readonly f32: boolean;
  readonly smoothing: number;
  readonly smooth: SmoothingConstants;
  readonly weight: ArrayLike<number> | null;
  readonly posWeight: ArrayLike<number> | null;
  readonly count: number;
  readonly columns: number;
  /** ln of the log base. */
  readonly lnBase: number;
  /** ∂(reduced loss in the chosen unit)/∂(weighted element loss in nats). */
  readonly scale: number;
}

// elementDetail is called once per element by table builders, so the per-result part is kept.
const contexts = new WeakMap<LossResult, ResultContext>();

function contextOf(result: LossResult): ResultContext {
  let ctx = contexts.get(result);
  if (ctx === undefined) {
    ctx = buildContext(result);
    contexts.set(result, ctx);
  }
  return ctx;
}

function buildContext(result: LossResult): ResultContext {
  const o = result.options;
  const f32 = o.dtype === 'float32';
  const smoothing = o.labelSmoothing ?? 0;
  return {
    rule: result.rule,
    k: kernelConstants(result.rule, o.dtype),
    f32,
    smoothing,
    smooth: smoothingConstants(smoothing, f32),
    weight: o.weight ?? null,
    posWeight: o.posWeight ?? null,
    count: result.targets.length,
    columns: result.shape[result.shape.length - 1] ?? result.targets.length,
    lnBase: LN_BASE[o.logBase],
    scale: 1 / result.reductionDivisor / LN_BASE[o.logBase],
  };
}

/** The inputs of element i as the hot loop saw them (rounded to the dtype, target smoothed). */
class ElementInputs {
  rawTarget = 0;
  target = 0;
  x = 0;
  weight = 1;
  posWeight = 1;
}

function broadcastAt(values: ArrayLike<number> | null, i: number, ctx: ResultContext): number {
  if (values === null) return 1;
  // One value, one per column or one per element: i modulo the length picks the right one.
  const v = values[i % values.length] as number;
  return ctx.f32 ? Math.fround(v) : v;
}

function readInputs(result: LossResult, ctx: ResultContext, i: number, into: ElementInputs): void {
  const raw = result.targets[i] as number;
  const x = result.predictions[i] as number;
  const y = ctx.f32 ? Math.fround(raw) : raw;
  into.rawTarget = raw;
  into.target = ctx.smoothing !== 0 ? smoothTarget(y, ctx.smooth, ctx.f32) : y;
  into.x = ctx.f32 ? Math.fround(x) : x;
  into.weight = broadcastAt(ctx.weight, i, ctx);
  into.posWeight = broadcastAt(ctx.posWeight, i, ctx);
}

/**
 * ∂ℓ/∂p and ∂ℓ/∂z of one unweighted element loss in nats, as the framework's autograd computes
 * them, after the kernel has filled `s`. For probability input z is the logit with σ(z) = p, so
 * ∂ℓ/∂z = ∂ℓ/∂p · p(1 - p). A clip passes no gradient where it bites (as tf.clip_by_value does);
 * PyTorch's BCELoss divides by max(p(1 - p), 1e-12) and ignores its own -100 clamp.
 */
function elementGradient(rule: LossRule, y: number, x: number, pw: number, k: KernelConstants, s: ElementScratch): { dp: number; dz: number } {
  const p = s.prediction;
  const slope = p * (1 - p);
  switch (rule) {
    case 'clamped-log': {
      const dp = (p - y) / Math.max(slope, TORCH_GRAD_EPSILON);
      return { dp, dz: dp * slope };
    }
    case 'unguarded-log': {
      const dp = (y !== 0 ? -y / p : 0) + (y !== 1 ? (1 - y) / (1 - p) : 0);
      return { dp, dz: p - y };
    }
    case 'clip':
    case 'clip-plus-epsilon': {
      if (p < k.low || p > k.high) return { dp: 0, dz: 0 };
      const add = rule === 'clip-plus-epsilon' ? k.epsilon : 0;
      const dp = (y !== 0 ? -y / (p + add) : 0) + (y !== 1 ? (1 - y) / (1 - p + add) : 0);
      return { dp, dz: dp * slope };
    }
    case 'two-column-clip':
    case 'sigmoid-two-column-clip': {
      const q0 = 1 - p;
      const dp = (y !== 0 && p >= k.low && p <= k.high ? -y / p : 0) + (y !== 1 && q0 >= k.low && q0 <= k.high ? (1 - y) / q0 : 0);
      return { dp, dz: dp * slope };
    }
    case 'clip-to-logit': {
      if (p < k.low || p > k.high) return { dp: 0, dz: 0 };
      const c = s.clipped;
      const dp = (sigmoid(s.logit) - y) / (c * (1 - c));
      return { dp, dz: dp * slope };
    }
    case 'logits':
    case 'tf-logits': {
      const sig = sigmoid(x);
      const dz = pw === 1 ? sig - y : (1 + (pw - 1) * y) * sig - pw * y;
      const dp = (y !== 0 ? (-pw * y) / sig : 0) + (y !== 1 ? (1 - y) / sigmoid(-x) : 0);
      return { dp, dz };
    }
  }
}

function finishGradient(g: number, weight: number, ctx: ResultContext): number {
  const v = g * weight * ctx.scale;
  return ctx.f32 ? Math.fround(v) : v;
}

/** The loss of an element as the loop stores it: weighted (when weights were given), in the unit. */
function finishLoss(loss: number, inputs: ElementInputs, ctx: ResultContext): number {
  return inUnit(ctx.weight === null ? loss : weighted(loss, inputs.weight, ctx.f32), ctx.lnBase);
}

function checkIndex(result: LossResult, flatIndex: number): void {
  const count = result.targets.length;
  if (!Number.isInteger(flatIndex) || flatIndex < 0 || flatIndex >= count) {
    throw inputError('bad-option', l10n.t`There is no element ${String(flatIndex)}: the indices run from 0 to ${count - 1}.`);
  }
}

// Reused by elementLossAt, which explains nothing and keeps nothing between calls.
const quietScratch = new ElementScratch(false);
const quietInputs = new ElementInputs();

/**
 * `result.elementLosses[flatIndex]`, the same bits, without computing every element's loss:
 * for readers of a few rows (the table, the reduction written out, a grid). Throws as
 * `elementDetail` does for an index that is not an element.
 */
export function elementLossAt(result: LossResult, flatIndex: number): number {
  checkIndex(result, flatIndex);
  const ctx = contextOf(result);
  readInputs(result, ctx, flatIndex, quietInputs);
  const loss = elementLoss(ctx.rule, quietInputs.target, quietInputs.x, quietInputs.posWeight, ctx.k, quietScratch);
  return finishLoss(loss, quietInputs, ctx);
}

/** Indexed by the kernels' SAFEGUARD_* numbers. */
const SAFEGUARDS: readonly Safeguard[] = ['none', 'clamp-log-100', 'clip-epsilon', 'clip-epsilon-plus-epsilon'];

function activeTerm(y: number): ActiveTerm {
  return y === 1 ? 'positive' : y === 0 ? 'negative' : 'both';
}

function nullIfNaN(v: number): number | null {
  return Number.isNaN(v) ? null : v;
}

/**
 * Everything needed to explain element `flatIndex` of `result`. Throws an InputError
 * ('bad-option') when the index is not an element of the result; nothing else is thrown.
 */
export function elementDetail(result: LossResult, flatIndex: number): ElementDetail {
  checkIndex(result, flatIndex);
  const ctx = contextOf(result);
  const inputs = new ElementInputs();
  readInputs(result, ctx, flatIndex, inputs);
  const s = new ElementScratch(true);
  const loss = elementLoss(ctx.rule, inputs.target, inputs.x, inputs.posWeight, ctx.k, s);
  const g = elementGradient(ctx.rule, inputs.target, inputs.x, inputs.posWeight, ctx.k, s);
  const col = flatIndex % ctx.columns;
  const index = result.shape.length === 2 ? [Math.floor(flatIndex / ctx.columns), col] : [flatIndex];
  return {
    index,
    flatIndex,
    label: result.labels?.[col] ?? null,
    rawTarget: inputs.rawTarget,
    target: inputs.target,
    prediction: s.prediction,
    clippedPrediction: s.clipped,
    logit: nullIfNaN(s.logit),
    active: activeTerm(inputs.target),
    logPositive: nullIfNaN(s.logPositive),
    logNegative: nullIfNaN(s.logNegative),
    positiveArgument: nullIfNaN(s.positiveArgument),
    negativeArgument: nullIfNaN(s.negativeArgument),
    safeguard: SAFEGUARDS[s.safeguard] ?? 'none',
    weight: inputs.weight,
    posWeight: inputs.posWeight,
    loss: finishLoss(loss, inputs, ctx),
    gradPrediction: finishGradient(g.dp, inputs.weight, ctx),
    gradLogit: finishGradient(g.dz, inputs.weight, ctx),
  };
}

export interface Gradients {
  /** ∂loss/∂p per element, in the chosen unit, under the chosen reduction. */
  readonly prediction: Float64Array;
  /** ∂loss/∂z per element (z the logit given, or the one with σ(z) = p). */
  readonly logit: Float64Array;
}

/**
 * The gradient of the reduced loss (in the chosen unit) for every element, as the framework's
 * autograd computes it; for reduction 'none', each element's own loss. Computed in float64 from
 * the dtype's values and rounded once for float32.
 */
export function gradients(result: LossResult): Gradients {
  const ctx = contextOf(result);
  const inputs = new ElementInputs();
  const s = new ElementScratch(true);
  const prediction = new Float64Array(ctx.count);
  const logit = new Float64Array(ctx.count);
  for (let i = 0; i < ctx.count; i++) {
    readInputs(result, ctx, i, inputs);
    elementLoss(ctx.rule, inputs.target, inputs.x, inputs.posWeight, ctx.k, s);
    const g = elementGradient(ctx.rule, inputs.target, inputs.x, inputs.posWeight, ctx.k, s);
    prediction[i] = finishGradient(g.dp, inputs.weight, ctx);
    logit[i] = finishGradient(g.dz, inputs.weight, ctx);
  }
  return { prediction, logit };
}
