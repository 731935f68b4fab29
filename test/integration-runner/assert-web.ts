// The part of `node:assert/strict` that extension tests use, for the web worker extension host,
// which has no Node built-ins. The web suite bundle aliases `assert`, `assert/strict`,
// `node:assert` and `node:assert/strict` to this module; the Node (desktop) suite uses the real one.
// Comparisons are strict (Object.is / deep strict), as in `node:assert/strict`.

export class AssertionError extends Error {
  override readonly name = 'AssertionError';
  readonly actual: unknown;
  readonly expected: unknown;
  constructor(message: string, actual?: unknown, expected?: unknown) {
    super(message);
    this.actual = actual;
    this.expected = expected;
  }
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function failWith(message: string | Error | undefined, fallback: string, actual?: unknown, expected?: unknown): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback, actual, expected);
}

export function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) failWith(message, `Expected a truthy value, got ${show(value)}`, value, true);
}

export function fail(message: string | Error = 'Failed'): never {
  failWith(message, 'Failed');
}

export function equal<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!Object.is(actual, expected)) failWith(message, `Expected ${show(actual)} to equal ${show(expected)}`, actual, expected);
}

export function notEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (Object.is(actual, expected)) failWith(message, `Expected ${show(actual)} not to equal ${show(expected)}`, actual, expected);
}

function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !isDeepStrictEqual(v, b.get(k))) return false;
    return true;
  }
  if (a instanceof Set && b instanceof Set) {
    if (a.size !== b.size) return false;
    for (const v of a) if (!b.has(v)) return false;
    return true;
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((k) => Object.prototype.hasOwnProperty.call(b, k) && isDeepStrictEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export function deepEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!isDeepStrictEqual(actual, expected)) failWith(message, `Expected ${show(actual)} to deep-equal ${show(expected)}`, actual, expected);
}

export function notDeepEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (isDeepStrictEqual(actual, expected)) failWith(message, `Expected ${show(actual)} not to deep-equal ${show(expected)}`, actual, expected);
}

export function match(actual: string, pattern: RegExp, message?: string | Error): void {
  if (typeof actual !== 'string' || !pattern.test(actual)) failWith(message, `Expected ${show(actual)} to match ${pattern}`, actual, pattern);
}

export function doesNotMatch(actual: string, pattern: RegExp, message?: string | Error): void {
  if (typeof actual !== 'string' || pattern.test(actual)) failWith(message, `Expected ${show(actual)} not to match ${pattern}`, actual, pattern);
}

type ErrorCheck = RegExp | ((err: unknown) => boolean) | (new (...args: never[]) => unknown) | Record<string, unknown>;

function checkError(err: unknown, expected: ErrorCheck | undefined, message?: string | Error): void {
  if (expected === undefined) return;
  if (expected instanceof RegExp) {
    if (!expected.test(String(err instanceof Error ? err.message : err))) failWith(message, `Thrown ${show(String(err))} does not match ${expected}`, err, expected);
  } else if (typeof expected === 'function') {
    if (expected.prototype !== undefined && err instanceof (expected as new () => unknown)) return;
    if ((expected as (e: unknown) => boolean)(err) !== true) failWith(message, `Thrown ${show(String(err))} failed the check`, err, expected);
  } else {
    for (const [k, v] of Object.entries(expected)) {
      const got = (err as Record<string, unknown>)?.[k];
      const same = v instanceof RegExp && typeof got === 'string' ? v.test(got) : isDeepStrictEqual(got, v);
      if (!same) failWith(message, `Thrown error has ${k} = ${show(got)}, expected ${show(v)}`, err, expected);
    }
  }
}

export function throws(fn: () => unknown, expected?: ErrorCheck, message?: string | Error): void {
  try {
    fn();
  } catch (err) {
    checkError(err, expected, message);
    return;
  }
  failWith(message, 'Expected the function to throw');
}

export function doesNotThrow(fn: () => unknown, message?: string | Error): void {
  try {
    fn();
  } catch (err) {
    failWith(message, `Expected no throw, got ${show(String(err))}`, err);
  }
}

export async function rejects(promiseOrFn: Promise<unknown> | (() => Promise<unknown>), expected?: ErrorCheck, message?: string | Error): Promise<void> {
  try {
    await (typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn);
  } catch (err) {
    checkError(err, expected, message);
    return;
  }
  failWith(message, 'Expected the promise to reject');
}

export async function doesNotReject(promiseOrFn: Promise<unknown> | (() => Promise<unknown>), message?: string | Error): Promise<void> {
  try {
    await (typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn);
  } catch (err) {
    failWith(message, `Expected no rejection, got ${show(String(err))}`, err);
  }
}

export const strictEqual = equal;
export const notStrictEqual = notEqual;
export const deepStrictEqual = deepEqual;
export const notDeepStrictEqual = notDeepEqual;

const assert = Object.assign((value: unknown, message?: string | Error) => ok(value, message), {
  ok, fail, equal, notEqual, deepEqual, notDeepEqual, match, doesNotMatch, throws, doesNotThrow, rejects, doesNotReject,
  strictEqual, notStrictEqual, deepStrictEqual, notDeepStrictEqual, AssertionError, strict: undefined as unknown,
});
assert.strict = assert;
export const strict = assert;
export default assert;
