// One scalar function per rule: the loss of one element in nats, unweighted, computed in the
// order the framework's own kernel computes it, and the loop over all elements. The same functions
// serve the hot loop and the on-demand element detail, so the two can never disagree. They report
// into a caller-owned scratch object instead of returning one, so the hot loop allocates nothing;
// the intermediate values are written only when the scratch asks for them (`explain`), so the hot
// loop pays for nothing but the loss and the safeguard flag. The loop lives in this module because
// an imported binding compiled to CommonJS (as tsx runs it) is a getter call on every use.
//
// float32 is emulated by rounding with Math.fround after every arithmetic operation and every
// log/exp (JS has no float32 log; a correctly rounded f32 log is the accepted stand-in).
// A term whose coefficient is exactly 0 is skipped: frameworks multiply 0 by a finite (clamped
// or clipped) log and get 0, so skipping changes nothing there and avoids 0·(-∞) = NaN where no
// safeguard exists.
import type { DType, InputKind, LossRule } from '../types';
import type { LossPlan } from './plan';
import { KERAS_EPSILON, PRESETS, TORCH_LOG_FLOOR as FLOOR } from './presets';

const TORCH_LOG_FLOOR: number = FLOOR;

export const SAFEGUARD_NONE = 0;
export const SAFEGUARD_CLAMP = 1;
export const SAFEGUARD_CLIP = 2;
export const SAFEGUARD_CLIP_PLUS_EPSILON = 3;

/**
 * What the kernel reports about the last element. `safeguard` is always set; the other fields
 * only when `explain` is true (NaN marks a term whose coefficient is 0).
 */
export class ElementScratch {
  constructor(readonly explain: boolean) {}
  safeguard = SAFEGUARD_NONE;
  /** The probability used: p, or σ(z) for logits. */
  prediction = 0;
  /** The probability after the clip (equal to `prediction` when nothing was clipped). */
  clipped = 0;
  /** The logit used, or NaN when the rule never forms one. */
  logit = NaN;
  positiveArgument = NaN;
  negativeArgument = NaN;
  logPositive = NaN;
  logNegative = NaN;
}

/** Constants of one computation, fixed before the loop. */
export interface KernelConstants {
  readonly f32: boolean;
  /** Clip bounds (as stored in the dtype) and the ε added inside logs. */
  readonly low: number;
  readonly high: number;
  readonly epsilon: number;
}

export function kernelConstants(rule: LossRule, dtype: DType): KernelConstants {
  const f32 = dtype === 'float32';
  const round = f32 ? Math.fround : (x: number) => x;
  if (rule === 'two-column-clip' || rule === 'sigmoid-two-column-clip') {
    const eps = (PRESETS.sklearn.epsilon as Readonly<Record<DType, number>>)[dtype];
    // 1 - eps is exact in its own dtype for the machine epsilon.
    return { f32, low: eps, high: 1 - eps, epsilon: eps };
  }
  // Python computes 1.0 - epsilon() in float64; the tensor op then casts it to the dtype.
  return { f32, low: round(KERAS_EPSILON), high: round(1 - KERAS_EPSILON), epsilon: round(KERAS_EPSILON) };
}

export interface SmoothingConstants {
  readonly keep: number;
  readonly half: number;
}

/** Keras multiplies by the Python floats (1 - ls) and 0.5·ls, cast to the dtype. */
export function smoothingConstants(smoothing: number, f32: boolean): SmoothingConstants {
  return { keep: r(1 - smoothing, f32), half: r(0.5 * smoothing, f32) };
}

/** Keras's label smoothing: y' = y·(1 - ls) + 0.5·ls. */
export function smoothTarget(y: number, c: SmoothingConstants, f32: boolean): number {
  return r(r(y * c.keep, f32) + c.half, f32);
}

function r(x: number, f32: boolean): number {
  return f32 ? Math.fround(x) : x;
}

/** σ(z) as scipy's expit computes it: 1 / (1 + e^-z). */
export function expit(z: number, f32: boolean): number {
  return r(1 / r(1 + r(Math.exp(-z), f32), f32), f32);
}

/** σ(z) without cancellation for either sign of z. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Writes the explanation of one element; the hot loop never calls it. */
function report(
  s: ElementScratch,
  prediction: number,
  clipped: number,
  logit: number,
  positiveArgument: number,
  logPositive: number,
  negativeArgument: number,
  logNegative: number,
): void {
  s.prediction = prediction;
  s.clipped = clipped;
  s.logit = logit;
  s.positiveArgument = positiveArgument;
  s.logPositive = logPositive;
  s.negativeArgument = negativeArgument;
  s.logNegative = logNegative;
}

// A target of exactly 0 or 1 (the common case) takes a path without a branch on y: the one log
// that matters is taken of y·a + (1-y)·b, which is exactly a or b. With random 0/1 targets a branch
// on y would be mispredicted half the time, costing more than the log. `isHard` tests y(1 - y) = 0,
// one predictable comparison. `0 - log` rather than `-log` makes a perfect hit 0 instead of -0.

function isHard(y: number): boolean {
  return y * (1 - y) === 0;
}

/**
 * ln p for y = 1, ln(1 - p) for y = 0, for 0 < p < 1, with one Math.log and no branch on y.
 * ln(1 - p) is log(fl(1 - p)) plus the rounding error of 1 - p divided by fl(1 - p); that error
 * is computed exactly ((1 - fl(1 - p)) - p is exact by Sterbenz's lemma), so the result is as
 * accurate as log1p(-p), within an ulp, where log(1 - p) alone would lose digits for small p.
 * Math.log is also faster than Math.log1p in V8.
 */
function hardLog(y: number, p: number): number {
  const q0 = 1 - p;
  const roundingError = (1 - q0 - p) / q0;
  return Math.log(y * p + (1 - y) * q0) + (1 - y) * roundingError;
}

/** ln(1 - p) for 0 ≤ p ≤ 1 by the same route as `hardLog`: log1p's accuracy at log's speed. */
function lnOneMinus(p: number): number {
  if (p === 1) return -Infinity;
  const q0 = 1 - p;
  return Math.log(q0) + (1 - q0 - p) / q0;
}

/** torch.nn.BCELoss: (y - 1)·max(ln(1 - p), -100) - y·max(ln p, -100). */
export function clampedLog(y: number, p: number, k: KernelConstants, s: ElementScratch): number {
  const f32 = k.f32;
  if (isHard(y) && p > 0 && p < 1) {
    const raw = r(hardLog(y, p), f32);
    const l = raw < TORCH_LOG_FLOOR ? TORCH_LOG_FLOOR : raw;
    s.safeguard = raw < TORCH_LOG_FLOOR ? SAFEGUARD_CLAMP : SAFEGUARD_NONE;
    if (s.explain) explainHard(s, y, p, p, p, r(1 - p, f32), l);
    return 0 - l;
  }
  // NaN marks a log that is not taken because its coefficient is 0.
  let rawPos = NaN;
  let rawNeg = NaN;
  if (y !== 0) rawPos = r(Math.log(p), f32);
  if (y !== 1) rawNeg = r(lnOneMinus(p), f32);
  const lp = rawPos < TORCH_LOG_FLOOR ? TORCH_LOG_FLOOR : rawPos;
  const ln = rawNeg < TORCH_LOG_FLOOR ? TORCH_LOG_FLOOR : rawNeg;
  s.safeguard = rawPos < TORCH_LOG_FLOOR || rawNeg < TORCH_LOG_FLOOR ? SAFEGUARD_CLAMP : SAFEGUARD_NONE;
  if (s.explain) report(s, p, p, NaN, y !== 0 ? p : NaN, lp, y !== 1 ? r(1 - p, f32) : NaN, ln);
  if (y === 1) return 0 - lp;
  if (y === 0) return 0 - ln;
  return r(r(r(y - 1, f32) * ln, f32) - r(y * lp, f32), f32);
}

/** The textbook formula with nothing keeping it finite. */
export function unguardedLog(y: number, p: number, k: KernelConstants, s: ElementScratch): number {
  const f32 = k.f32;
  s.safeguard = SAFEGUARD_NONE;
  if (isHard(y) && p > 0 && p < 1) {
    const l = r(hardLog(y, p), f32);
    if (s.explain) explainHard(s, y, p, p, p, r(1 - p, f32), l);
    return 0 - l;
  }
  let lp = NaN;
  let ln = NaN;
  if (y !== 0) lp = r(Math.log(p), f32);
  if (y !== 1) ln = r(lnOneMinus(p), f32);
  if (s.explain) report(s, p, p, NaN, y !== 0 ? p : NaN, lp, y !== 1 ? r(1 - p, f32) : NaN, ln);
  if (y === 1) return 0 - lp;
  if (y === 0) return 0 - ln;
  return 0 - r(r(y * lp, f32) + r(r(1 - y, f32) * ln, f32), f32);
}

/**
 * Keras: clip(p, ε, 1-ε), then -(y ln p' + (1-y) ln(1-p')). With `plusEpsilon` (Keras 2) ε is
 * also added inside both logs.
 */
export function clip(y: number, p: number, k: KernelConstants, s: ElementScratch, plusEpsilon: boolean): number {
  const f32 = k.f32;
  let c = p;
  let guard = SAFEGUARD_NONE;
  if (c < k.low || c > k.high) {
    c = c < k.low ? k.low : k.high;
    guard = plusEpsilon ? SAFEGUARD_CLIP_PLUS_EPSILON : SAFEGUARD_CLIP;
  }
  s.safeguard = guard;
  const add = plusEpsilon ? k.epsilon : 0;
  const posArg = plusEpsilon ? r(c + add, f32) : c;
  const negArg = r(r(1 - c, f32) + add, f32);
  if (isHard(y)) {
    const l = r(Math.log(y * posArg + (1 - y) * negArg), f32);
    if (s.explain) explainHard(s, y, p, c, posArg, negArg, l);
    return 0 - l;
  }
  const lp = r(Math.log(posArg), f32);
  const ln = r(Math.log(negArg), f32);
  if (s.explain) report(s, p, c, NaN, posArg, lp, negArg, ln);
  return 0 - r(r(y * lp, f32) + r(r(1 - y, f32) * ln, f32), f32);
}

/**
 * scikit-learn's log_loss on one binary sample: the row [1-p, p] is clipped to [eps, 1-eps]
 * column by column, then -Σ y_k ln p_k over the two columns (class 0 first).
 */
export function twoColumnClip(y: number, p: number, k: KernelConstants, s: ElementScratch): number {
  const f32 = k.f32;
  let guard = SAFEGUARD_NONE;
  let q1 = p;
  let q0 = r(1 - p, f32);
  if (q1 < k.low || q1 > k.high) {
    q1 = q1 < k.low ? k.low : k.high;
    guard = SAFEGUARD_CLIP;
  }
  if (q0 < k.low || q0 > k.high) {
    q0 = q0 < k.low ? k.low : k.high;
    guard = SAFEGUARD_CLIP;
  }
  s.safeguard = guard;
  if (isHard(y)) {
    const l = r(Math.log(y * q1 + (1 - y) * q0), f32);
    if (s.explain) explainHard(s, y, p, q1, q1, q0, l);
    return 0 - l;
  }
  const lp = r(Math.log(q1), f32);
  const ln = r(Math.log(q0), f32);
  if (s.explain) report(s, p, q1, NaN, q1, lp, q0, ln);
  return 0 - r(r(r(1 - y, f32) * ln, f32) + r(y * lp, f32), f32);
}

/** The explanation of a hard target: the one log that was taken belongs to the term y selects. */
function explainHard(s: ElementScratch, y: number, p: number, clipped: number, posArg: number, negArg: number, log: number): void {
  const positive = y === 1;
  report(s, p, clipped, NaN, positive ? posArg : NaN, positive ? log : NaN, positive ? NaN : negArg, positive ? NaN : log);
}

/** scikit-learn has no logits path: a user applies expit first, so do we. */
export function sigmoidTwoColumnClip(y: number, z: number, k: KernelConstants, s: ElementScratch): number {
  const loss = twoColumnClip(y, expit(z, k.f32), k, s);
  if (s.explain) s.logit = z;
  return loss;
}

/**
 * PyTorch's BCEWithLogitsLoss: (1-y)·z - lw·logsigmoid(z), lw = 1 + (pw-1)·y, with
 * logsigmoid(z) = min(z, 0) - ln(1 + e^-|z|). Finite for every finite z.
 */
export function logits(y: number, z: number, pw: number, k: KernelConstants, s: ElementScratch): number {
  const f32 = k.f32;
  const e = r(Math.exp(-Math.abs(z)), f32);
  const softplusTail = r(Math.log1p(e), f32);
  let logSigmoid = r((z < 0 ? z : 0) - softplusTail, f32);
  s.safeguard = SAFEGUARD_NONE;
  if (s.explain) explainLogit(y, z, e, softplusTail, logSigmoid, s);
  if (pw !== 1) logSigmoid = r(logSigmoid * r(r(r(pw - 1, f32) * y, f32) + 1, f32), f32);
  return r(r(r(1 - y, f32) * z, f32) - logSigmoid, f32);
}

/** TF's sigmoid_cross_entropy_with_logits: max(z, 0) - z·y + ln(1 + e^-|z|). */
export function tfLogits(y: number, z: number, k: KernelConstants, s: ElementScratch): number {
  const f32 = k.f32;
  const e = r(Math.exp(-Math.abs(z)), f32);
  const softplusTail = r(Math.log1p(e), f32);
  s.safeguard = SAFEGUARD_NONE;
  if (s.explain) explainLogit(y, z, e, softplusTail, r((z < 0 ? z : 0) - softplusTail, f32), s);
  return r(r((z > 0 ? z : 0) - r(z * y, f32), f32) + softplusTail, f32);
}

/**
 * The logs behind a logits formula, for explanation only: ln σ(z) and ln σ(-z) = ln σ(z) - z,
 * from values the formula already has (σ costs one division, no further exp or log).
 */
function explainLogit(y: number, z: number, e: number, softplusTail: number, logSigmoid: number, s: ElementScratch): void {
  const big = 1 / (1 + e);
  const small = e * big;
  const sig = z >= 0 ? big : small;
  report(
    s,
    sig,
    sig,
    z,
    y !== 0 ? sig : NaN,
    y !== 0 ? logSigmoid : NaN,
    y !== 1 ? (z >= 0 ? small : big) : NaN,
    y !== 1 ? (z > 0 ? -z : 0) - softplusTail : NaN,
  );
}

/** TF.js: clip to [ε, 1-ε], z = ln(p / (1 - p)), then the TF logits formula. */
export function clipToLogit(y: number, p: number, k: KernelConstants, s: ElementScratch): number {
  const f32 = k.f32;
  let c = p;
  let guard = SAFEGUARD_NONE;
  if (c < k.low || c > k.high) {
    c = c < k.low ? k.low : k.high;
    guard = SAFEGUARD_CLIP;
  }
  const z = r(Math.log(r(c / r(1 - c, f32), f32)), f32);
  const loss = tfLogits(y, z, k, s);
  s.safeguard = guard;
  if (s.explain) {
    s.prediction = p;
    s.clipped = c;
  }
  return loss;
}

/**
 * Dispatch for code that is not hot. The hot loop repeats this switch inline on purpose: calling
 * through this function there stops V8 from inlining the kernel and costs about 1.7× the time.
 */
export function elementLoss(rule: LossRule, y: number, x: number, pw: number, k: KernelConstants, s: ElementScratch): number {
  switch (rule) {
    case 'clamped-log':
      return clampedLog(y, x, k, s);
    case 'logits':
      return logits(y, x, pw, k, s);
    case 'tf-logits':
      return tfLogits(y, x, k, s);
    case 'clip':
      return clip(y, x, k, s, false);
    case 'clip-plus-epsilon':
      return clip(y, x, k, s, true);
    case 'two-column-clip':
      return twoColumnClip(y, x, k, s);
    case 'sigmoid-two-column-clip':
      return sigmoidTwoColumnClip(y, x, k, s);
    case 'clip-to-logit':
      return clipToLogit(y, x, k, s);
    case 'unguarded-log':
      return unguardedLog(y, x, k, s);
  }
}

/**
 * An element's loss times its weight, rounded as the dtype would be. The loop and the on-demand
 * element detail both finish a loss with this and `inUnit`, so their numbers are the same bits.
 */
export function weighted(loss: number, weight: number, f32: boolean): number {
  return f32 ? Math.fround(loss * Math.fround(weight)) : loss * weight;
}

/** A loss in nats in the chosen unit (`lnBase` = ln of the log base, 1 for nats). */
export function inUnit(lossInNats: number, lnBase: number): number {
  return lnBase === 1 ? lossInNats : lossInNats / lnBase;
}

const RULE_IDS: Readonly<Record<LossRule, number>> = {
  'clamped-log': 0,
  logits: 1,
  'tf-logits': 2,
  clip: 3,
  'clip-plus-epsilon': 4,
  'two-column-clip': 5,
  'sigmoid-two-column-clip': 6,
  'clip-to-logit': 7,
  'unguarded-log': 8,
};

export interface LoopOutput {
  /** Weighted element losses in the chosen unit; null unless the loop was asked to store them. */
  readonly elementLosses: Float64Array | null;
  /** Mean over the last axis of each row, in nats (rounded as the dtype would be). */
  readonly rowMeans: Float64Array;
  /** Weighted sum of all element losses, in nats. */
  readonly total: number;
  readonly safeguarded: number;
  readonly infinite: number;
  /**
   * The first element whose target is outside [0, 1] or whose prediction is not a valid
   * probability or a finite logit; -1 when all are valid. The loop stops there; `checkValues`
   * words the error. Checking here saves a second pass over a million numbers.
   */
  readonly invalidAt: number;
}

/** What every span of one pass reads: fixed before the first element. */
interface PassSetting {
  readonly targets: Float64Array;
  readonly predictions: Float64Array;
  readonly out: Float64Array | null;
  readonly rowMeans: Float64Array;
  readonly columns: number;
  readonly lowest: number;
  readonly highest: number;
  readonly f32: boolean;
  readonly smoothing: number;
  readonly smooth: SmoothingConstants;
  readonly ruleId: number;
  readonly k: KernelConstants;
  readonly s: ElementScratch;
  readonly weight: Float64Array | null;
  readonly weightFull: boolean;
  readonly posWeight: Float64Array | null;
  readonly posWeightFull: boolean;
}

/** The running sums of one pass, carried from one span to the next. */
class PassState {
  total = 0;
  /** The sum so far of a row that spans continue. */
  rowSum = 0;
  safeguarded = 0;
  infinite = 0;
  invalidAt = -1;
}

/**
 * Elements per call of `runSpan`. A pass over a million elements in one call runs its loop in
 * on-stack-replaced code, which V8 (Node 20) kept deoptimizing at the code after the loop and
 * entering anew from the interpreter on every call: 1.7-2× the time of the same loop optimized
 * whole. Called once per few thousand elements, the span function is optimized as a function,
 * with feedback for every line of it, and stays so.
 */
const SPAN = 4096;

/**
 * Rows `rowStart` to `rowEnd` (exclusive), columns `colStart` to `colEnd` of each: either whole
 * rows, or a stretch of one row. Sums in the same order as one loop over all elements would, so
 * the reduction does not depend on where the spans break.
 */
function runSpan(c: PassSetting, st: PassState, rowStart: number, rowEnd: number, colStart: number, colEnd: number): void {
  const { targets, predictions, out, rowMeans, columns, lowest, highest, f32, smoothing, smooth, ruleId, k, s, weight, weightFull, posWeight, posWeightFull } = c;
  let total = st.total;
  let rowSum = st.rowSum;
  let safeguarded = 0;
  let infinite = 0;
  for (let row = rowStart; row < rowEnd; row++) {
    let i = row * columns + colStart;
    for (let col = colStart; col < colEnd; col++, i++) {
      let y = targets[i] as number;
      let x = predictions[i] as number;
      // Written so that NaN fails too.
      if (!(y >= 0 && y <= 1 && x >= lowest && x <= highest)) {
        st.invalidAt = i;
        return;
      }
      if (f32) {
        y = Math.fround(y);
        x = Math.fround(x);
      }
      if (smoothing !== 0) y = smoothTarget(y, smooth, f32);
      let loss: number;
      switch (ruleId) {
        case 0:
          loss = clampedLog(y, x, k, s);
          break;
        case 1: {
          const pw = posWeight === null ? 1 : (posWeight[posWeightFull ? i : col] as number);
          loss = logits(y, x, f32 ? Math.fround(pw) : pw, k, s);
          break;
        }
        case 2:
          loss = tfLogits(y, x, k, s);
          break;
        case 3:
          loss = clip(y, x, k, s, false);
          break;
        case 4:
          loss = clip(y, x, k, s, true);
          break;
        case 5:
          loss = twoColumnClip(y, x, k, s);
          break;
        case 6:
          loss = sigmoidTwoColumnClip(y, x, k, s);
          break;
        case 7:
          loss = clipToLogit(y, x, k, s);
          break;
        default:
          loss = unguardedLog(y, x, k, s);
      }
      if (weight !== null) loss = weighted(loss, weight[weightFull ? i : col] as number, f32);
      if (s.safeguard !== 0) safeguarded++;
      if (loss === Infinity) infinite++;
      rowSum += loss;
      if (out !== null) out[i] = loss;
    }
    if (colEnd === columns) {
      total += rowSum;
      rowMeans[row] = f32 ? Math.fround(Math.fround(rowSum) / columns) : rowSum / columns;
      rowSum = 0;
    }
  }
  st.total = total;
  st.rowSum = rowSum;
  st.safeguarded += safeguarded;
  st.infinite += infinite;
}

/**
 * The pass over all elements: rows outside, columns inside, so per-row work (the row mean) costs
 * nothing per element; in spans (see SPAN). Every branch on the rule or the options goes the
 * same way for every element, so the CPU predicts it; the only data-dependent branch is the
 * kernel's own on y.
 *
 * With `store` false nothing of the size of the input is allocated: the reduction needs only the
 * sums. A fresh 8 MB array for a million losses cost more than the loop itself on the machine
 * the bench runs on (first touch of new pages: 35-60 ms against about 20 ms of arithmetic), so
 * computeLoss stores them only when they are read (see compute.ts).
 */
export function runElements(
  targets: Float64Array,
  predictions: Float64Array,
  plan: LossPlan,
  dtype: DType,
  input: InputKind,
  store: boolean,
): LoopOutput {
  const { count, columns, rows, weight, posWeight, smoothing, lnBase } = plan;
  const f32 = dtype === 'float32';
  const out = store ? new Float64Array(count) : null;
  const rowMeans = new Float64Array(rows);
  const setting: PassSetting = {
    targets,
    predictions,
    out,
    rowMeans,
    columns,
    lowest: input === 'probabilities' ? 0 : -Number.MAX_VALUE,
    highest: input === 'probabilities' ? 1 : Number.MAX_VALUE,
    f32,
    smoothing,
    smooth: smoothingConstants(smoothing, f32),
    ruleId: RULE_IDS[plan.rule],
    k: kernelConstants(plan.rule, dtype),
    s: new ElementScratch(false),
    weight,
    weightFull: weight !== null && weight.length === count,
    posWeight,
    posWeightFull: posWeight !== null && posWeight.length === count,
  };
  const st = new PassState();
  if (columns >= SPAN) {
    for (let row = 0; row < rows && st.invalidAt < 0; row++) {
      for (let col = 0; col < columns && st.invalidAt < 0; col += SPAN) runSpan(setting, st, row, row + 1, col, Math.min(columns, col + SPAN));
    }
  } else {
    const rowsPerSpan = Math.floor(SPAN / columns);
    for (let row = 0; row < rows && st.invalidAt < 0; row += rowsPerSpan) runSpan(setting, st, row, Math.min(rows, row + rowsPerSpan), 0, columns);
  }
  // The base change gets its own pass rather than a division on every element.
  if (out !== null && lnBase !== 1) for (let j = 0; j < count; j++) out[j] = inUnit(out[j] as number, lnBase);
  // Counted only when the total is infinite: a weight of 0 makes an infinite loss NaN, and then
  // the notes must not call the loss infinite.
  const infinite = st.total === Infinity ? st.infinite : 0;
  return { elementLosses: out, rowMeans, total: st.total, safeguarded: st.safeguarded, infinite, invalidAt: st.invalidAt };
}
