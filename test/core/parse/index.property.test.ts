/// <reference types="node" />
// Property tests: printed arrays parse back exactly, and no text makes the parser throw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findArrays, parseInput } from '../../../src/core/parse';
import type { ParsedArray, Result, TextRange } from '../../../src/core/types';

/** Doubles in [0, 1] without -0, which prints as "0" and so cannot round-trip its sign. */
const unit = fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x + 0);
const space = fc.constantFrom('', ' ', '  ', '\n', '\n    ', '\t', ' \n ');

interface Printed {
  readonly targets: readonly number[];
  readonly predictions: readonly number[];
  readonly syntax: Syntax;
  readonly text: string;
}

type Syntax = 'json' | 'python-list' | 'python-tuple' | 'np.array' | 'torch.tensor' | 'r-c' | 'unnamed';

const syntaxes: readonly Syntax[] = ['json', 'python-list', 'python-tuple', 'np.array', 'torch.tensor', 'r-c', 'unnamed'];

const printedInput = fc
  .integer({ min: 1, max: 12 })
  .chain((n) =>
    fc.record({
      targets: fc.array(fc.oneof(fc.constantFrom(0, 1), unit), { minLength: n, maxLength: n }),
      predictions: fc.array(unit, { minLength: n, maxLength: n }),
      syntax: fc.constantFrom(...syntaxes),
      exponential: fc.array(fc.boolean(), { minLength: 2 * n, maxLength: 2 * n }),
      spaces: fc.array(space, { minLength: 4 * n + 8, maxLength: 4 * n + 8 }),
      trailingComma: fc.boolean(),
    }),
  )
  .map(({ targets, predictions, syntax, exponential, spaces, trailingComma }): Printed => {
    let s = 0;
    const ws = (): string => spaces[s++ % spaces.length] as string;
    let e = 0;
    const num = (x: number): string => (exponential[e++ % exponential.length] ? x.toExponential() : String(x));
    const items = (xs: readonly number[], forceTrailing: boolean): string => {
      const body = xs.map((x) => `${ws()}${num(x)}${ws()}`).join(',');
      return trailingComma || forceTrailing ? `${body},${ws()}` : body;
    };
    const list = (xs: readonly number[]): string => {
      switch (syntax) {
        case 'json':
          return `[${xs.map((x) => `${ws()}${num(x)}`).join(',')}${ws()}]`;
        case 'python-tuple':
          return `(${items(xs, xs.length === 1)})`;
        case 'np.array':
          return `np.array(${ws()}[${items(xs, false)}]${ws()})`;
        case 'torch.tensor':
          return `torch.tensor([${items(xs, false)}],${ws()}dtype=torch.float64)`;
        case 'r-c':
          return `c(${items(xs, false)})`;
        default:
          return `[${items(xs, false)}]`;
      }
    };
    let text: string;
    if (syntax === 'json') text = `{${ws()}"predictions":${ws()}${list(predictions)},${ws()}"targets": ${list(targets)}${ws()}}`;
    else if (syntax === 'r-c') text = `predictions <- ${list(predictions)}\ntargets <- ${list(targets)}`;
    else if (syntax === 'unnamed') text = `${list(targets)}\n${ws()}${list(predictions)}`;
    else text = `predictions = ${list(predictions)}\ntargets = ${list(targets)}`;
    return { targets, predictions, syntax, text };
  });

function allZeroOne(xs: readonly number[]): boolean {
  return xs.every((x) => x === 0 || x === 1);
}

test('arrays printed in every supported syntax parse back to the same numbers', () => {
  fc.assert(
    fc.property(printedInput, ({ targets, predictions, syntax, text }) => {
      const result = parseInput(text);
      if (!result.ok) assert.fail(`${result.error.code}: ${result.error.message}\n${text}`);
      // Unnamed, the values decide: all-0/1 predictions beside targets that are not are the targets.
      const swapped = syntax === 'unnamed' && allZeroOne(predictions) && !allZeroOne(targets);
      assert.deepEqual(Array.from(result.value.targets.values), swapped ? predictions : targets);
      assert.deepEqual(Array.from(result.value.predictions.values), swapped ? targets : predictions);
      assert.equal(result.value.inputKind, 'probabilities');
      // Every value range selects text that reads back to the value.
      for (const array of [result.value.targets, result.value.predictions]) {
        array.valueRanges.forEach((r, i) => assert.equal(Number(text.slice(r.start, r.end)), array.values[i]));
      }
    }),
    { numRuns: 300 },
  );
});

const batchInput = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
  .chain(([rows, columns]) =>
    fc.record({
      rows: fc.constant(rows),
      targets: fc.array(fc.array(fc.constantFrom(0, 1), { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }),
      predictions: fc.array(fc.array(unit, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }),
      numpyStyle: fc.boolean(),
      gap: space,
    }),
  );

test('batches printed as nested lists or as numpy prints them parse back to the same numbers and shape', () => {
  fc.assert(
    fc.property(batchInput, ({ targets, predictions, numpyStyle, gap }) => {
      const print = (m: number[][]): string =>
        numpyStyle ? `[${m.map((row) => `[${row.map(String).join(' ')}]`).join('\n ')}]` : `[${m.map((row) => `[${row.map(String).join(`,${gap}`)}]`).join(`,${gap}`)}]`;
      const text = `y_true = ${print(targets)}\ny_pred = ${print(predictions)}`;
      const result = parseInput(text);
      if (!result.ok) assert.fail(`${result.error.code}: ${result.error.message}\n${text}`);
      const shape = [targets.length, (targets[0] as number[]).length];
      assert.deepEqual(result.value.targets.shape, shape);
      assert.deepEqual(result.value.predictions.shape, shape);
      assert.deepEqual(Array.from(result.value.targets.values), targets.flat());
      assert.deepEqual(Array.from(result.value.predictions.values), predictions.flat());
    }),
    { numRuns: 200 },
  );
});

function checkRange(text: string, range: TextRange | undefined): void {
  if (range === undefined) return;
  assert.ok(Number.isInteger(range.start) && Number.isInteger(range.end));
  assert.ok(0 <= range.start && range.start <= range.end && range.end <= text.length, `range ${range.start}-${range.end} of ${text.length}`);
}

function checkArray(text: string, array: ParsedArray & { content?: 'numbers' | 'words'; words?: readonly string[] | null; problem?: unknown }): void {
  assert.ok(array.values instanceof Float64Array);
  checkRange(text, array.range);
  assert.equal(array.valueRanges.length, array.values.length);
  for (const r of array.valueRanges) checkRange(text, r);
  // An array with a problem keeps what was read before it; a word list has no values.
  if (array.problem !== undefined && array.problem !== null) return;
  if (array.content === 'words') assert.deepEqual(array.shape, [array.words?.length]);
  else assert.equal(array.values.length, array.shape.reduce((a, b) => a * b, 1));
}

function checkResult<T>(text: string, result: Result<T>, onValue: (value: T) => void): void {
  assert.equal(typeof result.ok, 'boolean');
  if (result.ok) {
    onValue(result.value);
  } else {
    assert.equal(result.error.kind, 'input-error');
    assert.equal(typeof result.error.message, 'string');
    assert.ok(result.error.message.length > 0 && result.error.message.length < 400);
    checkRange(text, result.error.range);
  }
}

const soupPiece = fc.constantFrom(
  '[', ']', '(', ')', '{', '}', '"', "'", '`', '#', '//', '/*', '*/', '\\', ',', ';', ':', '=', '<-', '.', '...',
  '1', '0.5', '-', '+', 'e', '1e', 'nan', 'inf', 'True', 'None', 'x', 'targets', 'preds', 'logits', 'labels',
  'np.array(', 'torch.tensor(', 'c(', 'float(', ' ', '\n', '\t', '🐱', 'é', '\u2212', '\u00a0', '\u2028',
);

test('random text never throws and always returns a well-formed Result', () => {
  // Valid inputs with a few random edits reach the deep paths that pure noise rarely does.
  const edited = fc
    .tuple(printedInput, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), soupPiece), { minLength: 1, maxLength: 4 }))
    .map(([{ text }, edits]) => {
      let out = text;
      for (const [where, remove, insert] of edits) {
        const at = where % (out.length + 1);
        out = out.slice(0, at) + insert + out.slice(at + remove);
      }
      return out;
    });
  const texts = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({ unit: 'grapheme', maxLength: 100 }),
    fc.array(soupPiece, { maxLength: 80 }).map((pieces) => pieces.join('')),
    edited,
  );
  fc.assert(
    fc.property(texts, fc.constantFrom<'auto' | 'probabilities' | 'logits'>('auto', 'probabilities', 'logits'), (text, inputKind) => {
      checkResult(text, parseInput(text, { inputKind }), (value) => {
        assert.equal(value.source, text);
        checkArray(text, value.targets);
        checkArray(text, value.predictions);
        assert.notEqual(value.inputKind, 'auto' as string);
      });
      checkResult(text, findArrays(text), (arrays) => arrays.forEach((a) => checkArray(text, a)));
    }),
    { numRuns: 3000 },
  );
});

test('nesting at any depth ends in an error, never a stack overflow', () => {
  fc.assert(
    fc.property(fc.integer({ min: 3, max: 5000 }), fc.constantFrom('[', '(', '{'), (depth, open) => {
      const close = open === '[' ? ']' : open === '(' ? ')' : '}';
      const balanced = parseInput(open.repeat(depth) + '1' + close.repeat(depth));
      assert.equal(balanced.ok, false);
      const unclosed = parseInput(open.repeat(depth));
      assert.ok(!unclosed.ok && unclosed.error.code === 'unbalanced-brackets');
      assert.equal(unclosed.error.range?.start, depth - 1, 'the innermost unclosed bracket');
    }),
    { numRuns: 50 },
  );
});
