// Shared by the loss tests: building options, unwrapping results, and comparisons written so that
// a failure says what was expected. Expected values never come from the code under test.
import assert from 'node:assert/strict';
import { computeLoss } from '../../../src/core/loss/index';
import type { InputError, LossOptions, LossResult } from '../../../src/core/types';

export const f64 = (values: readonly number[]): Float64Array => Float64Array.from(values);

export const BASE_OPTIONS: LossOptions = {
  preset: 'pytorch',
  reduction: 'mean',
  input: 'probabilities',
  logBase: 'e',
  dtype: 'float64',
};

export function options(overrides: Partial<LossOptions>): LossOptions {
  return { ...BASE_OPTIONS, ...overrides };
}

/** Runs computeLoss and fails the test with the error message if it returned an error. */
export function loss(
  targets: readonly number[],
  predictions: readonly number[],
  overrides: Partial<LossOptions> = {},
  shape: readonly number[] = [targets.length],
  labels?: readonly string[] | null,
): LossResult {
  const result = computeLoss(f64(targets), f64(predictions), shape, options(overrides), labels);
  if (!result.ok) assert.fail(`unexpected error: ${result.error.message}`);
  return result.value;
}

/** Runs computeLoss and returns the error it must give. */
export function lossError(
  targets: readonly number[],
  predictions: readonly number[],
  overrides: Partial<LossOptions> = {},
  shape: readonly number[] = [targets.length],
  labels?: readonly string[] | null,
): InputError {
  const result = computeLoss(f64(targets), f64(predictions), shape, options(overrides), labels);
  if (result.ok) assert.fail(`expected an error, got loss ${result.value.loss}`);
  return result.error;
}

/** `actual` rounds to the digits of `expected` (a decimal string such as '0.22314355'). */
export function assertDigits(actual: number, expected: string, what = ''): void {
  const decimals = (expected.split('.')[1] ?? '').length;
  const tolerance = 0.5 * 10 ** -decimals * (1 + 1e-9);
  assert.ok(
    Math.abs(actual - Number(expected)) <= tolerance,
    `${what} expected ${expected} (to ${decimals} decimals), got ${actual}`,
  );
}

export function assertClose(actual: number, expected: number, relative: number, what = ''): void {
  if (actual === expected) return;
  const diff = Math.abs(actual - expected);
  assert.ok(diff <= relative * Math.abs(expected) || diff === 0, `${what} expected ${expected} ± ${relative} relative, got ${actual}`);
}

/** The textbook per-element BCE in nats, with 0·ln 0 taken as 0. */
export function textbook(y: number, p: number): number {
  const pos = y === 0 ? 0 : y * Math.log(p);
  const neg = y === 1 ? 0 : (1 - y) * Math.log(1 - p);
  return -(pos + neg);
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** ln(1 + e^x) without overflow: the textbook softplus. */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}
