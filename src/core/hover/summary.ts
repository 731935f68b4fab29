// One array alone, described in a line: how many numbers, their range, and what they look like
// (0/1 targets, probabilities, logits), which is what a user needs to know to pair it.

export type ValuesLookLike =
  /** Every value is 0 or 1: targets, most likely. */
  | 'zero-one'
  /** Every value in [0, 1], some strictly between. */
  | 'probabilities'
  /** Some finite value outside [0, 1]: raw scores. */
  | 'logits'
  /** Empty, or nothing finite to judge by. */
  | 'unknown';

export interface ArraySummary {
  readonly count: number;
  readonly shape: readonly number[];
  /** Smallest and largest finite value; NaN when there is none. */
  readonly min: number;
  readonly max: number;
  /** How many values are NaN or infinite. */
  readonly nonFinite: number;
  readonly looksLike: ValuesLookLike;
}

export function summariseValues(values: Float64Array, shape: readonly number[]): ArraySummary {
  let min = Infinity;
  let max = -Infinity;
  let nonFinite = 0;
  let allZeroOne = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) {
      nonFinite++;
      continue;
    }
    if (v < min) min = v;
    if (v > max) max = v;
    if (v !== 0 && v !== 1) allZeroOne = false;
  }
  const finite = values.length - nonFinite;
  let looksLike: ValuesLookLike = 'unknown';
  if (finite > 0) {
    if (min < 0 || max > 1) looksLike = 'logits';
    else looksLike = allZeroOne ? 'zero-one' : 'probabilities';
  }
  return {
    count: values.length,
    shape,
    min: finite > 0 ? min : NaN,
    max: finite > 0 ? max : NaN,
    nonFinite,
    looksLike,
  };
}
