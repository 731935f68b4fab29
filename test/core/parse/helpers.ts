/// <reference types="node" />
// Shared by the parser tests: unwrap a Result or fail with the error, and read the text an error points at.
import assert from 'node:assert/strict';
import { parseInput } from '../../../src/core/parse';
import type { InputError, ParseOptions, ParsedInput, TextRange } from '../../../src/core/types';

export function parsed(text: string, options?: ParseOptions): ParsedInput {
  const result = parseInput(text, options);
  if (!result.ok) assert.fail(`expected ${JSON.stringify(text)} to parse, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export function parseError(text: string, options?: ParseOptions): InputError {
  const result = parseInput(text, options);
  if (result.ok) assert.fail(`expected ${JSON.stringify(text)} to fail`);
  return result.error;
}

export function at(text: string, range: TextRange | undefined): string {
  assert.ok(range !== undefined, 'the error has a range');
  assert.ok(range.start >= 0 && range.start <= range.end && range.end <= text.length, `range ${range.start}-${range.end} lies in the text`);
  return text.slice(range.start, range.end);
}

export function values(array: { values: Float64Array }): number[] {
  return Array.from(array.values);
}

/** Targets and predictions as plain arrays, for deepEqual against hand-written expectations. */
export function pair(text: string, options?: ParseOptions): { targets: number[]; predictions: number[] } {
  const p = parsed(text, options);
  return { targets: values(p.targets), predictions: values(p.predictions) };
}
