/// <reference types="node" />
// Property tests for the scanner's number buffer, which is sized ahead from the characters per
// number seen so far: whatever the estimate (too low when the numbers get longer, too high when
// they get shorter or a closer hides in a string), every value and its position come out as
// printed, and the number limit stops at the same number.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findArrays } from '../../../src/core/parse';
import type { Result } from '../../../src/core/types';

/** Short and long printings, so the characters per number change along an array. */
const printed = fc.oneof(
  fc.constantFrom('0', '1', '7', '0.5'),
  fc.integer({ min: 0, max: 1_000_000 }).map((n) => (n / 1_000_000).toFixed(6)),
  fc.double({ min: 0, max: 1, noNaN: true }).map((x) => String(x + 0)),
  fc.double({ min: 1e-30, max: 1e30, noNaN: true }).map((x) => x.toExponential()),
);

/** Runs of one kind of printing, a few thousand numbers in all: past the first buffer (1,024) and its growth. */
const longArray = fc.array(fc.tuple(fc.integer({ min: 1, max: 3000 }), printed), { minLength: 1, maxLength: 4 }).map((runs) => runs.flatMap(([count, text]) => Array.from({ length: count }, () => text)));

const separator = fc.constantFrom(', ', ',', ' ', ',\n  ');
/** What may follow the array: nothing, or a closer inside a string or comment before its own (which misleads the estimate). */
const after = fc.constantFrom('', '  # ]', '\nlabel = "]"', '\nother = [1, 2]');

function printedWithPositions(numbers: readonly string[], sep: string, prefix: string): { body: string; starts: number[] } {
  const starts: number[] = [];
  let at = prefix.length;
  const parts: string[] = [];
  numbers.forEach((n, i) => {
    if (i > 0) {
      parts.push(sep);
      at += sep.length;
    }
    starts.push(at);
    parts.push(n);
    at += n.length;
  });
  return { body: parts.join(''), starts };
}

test('long arrays read back every value and its position, whatever the buffer estimate', () => {
  fc.assert(
    fc.property(longArray, separator, after, fc.constantFrom('[', 'np.array(['), (numbers, sep, tail, open) => {
      const prefix = `predictions = ${open}`;
      const { body, starts } = printedWithPositions(numbers, sep, prefix);
      const text = `${prefix}${body}${open === '[' ? ']' : '])'}${tail}`;
      const found = findArrays(text);
      if (!found.ok) assert.fail(`${found.error.code}: ${found.error.message}`);
      const array = found.value[0];
      assert.ok(array !== undefined && array.problem === null);
      assert.equal(array.values.length, numbers.length);
      assert.deepEqual(array.shape, [numbers.length]);
      for (let i = 0; i < numbers.length; i++) {
        assert.equal(array.values[i], Number(numbers[i]), `value ${i}`);
        assert.equal(array.valueStarts[i], starts[i], `start ${i}`);
        assert.equal(array.valueEnds[i], (starts[i] as number) + (numbers[i] as string).length, `end ${i}`);
      }
    }),
    { numRuns: 60 },
  );
});

test('the number limit stops at the first number over it, wherever the buffer grows', () => {
  fc.assert(
    fc.property(longArray, separator, fc.integer({ min: 1, max: 12_000 }), (numbers, sep, max) => {
      const prefix = 'y = [';
      const { body, starts } = printedWithPositions(numbers, sep, prefix);
      const found = findArrays(`${prefix}${body}]`, { maxNumbers: max });
      if (numbers.length <= max) {
        assert.ok(found.ok);
        assert.equal(found.value[0]?.values.length, numbers.length);
        return;
      }
      assert.ok(!found.ok);
      assert.equal(found.error.code, 'too-many-numbers');
      assert.deepEqual(found.error.range, { start: starts[max], end: (starts[max] as number) + (numbers[max] as string).length });
    }),
    { numRuns: 60 },
  );
});

/** Pieces of code that matter at a line break: comments and strings that may cross it, signs, calls, names. */
const fragment = fc.constantFrom(
  'targets', 'y_pred', 'p', '=', ' = ', '<-', ':', ',', ', ', ' ', '  ', '[', ']', '(', ')', '{', '}', '[[', ']]',
  '0', '1', '0.25', '-0.5', '+1', '\u22120.3', '1e-3', '1.0f', '.5', '...', 'nan', 'np.nan', 'True', 'None', "float('nan')",
  'np.array(', 'torch.tensor(', 'c(', 'loss(', 'BCELoss(from_logits=True)', 'dtype=torch.float32',
  '# note ]', '// note', '/* a ] */', '/*', '*/', "'a'", '"b"', "'", '"', '"""', "'''", '\\', "r'x'", "Let's", 'for', 'x for x in',
);
const numbers = fc.array(fc.constantFrom('0', '1', '0.25', '-0.5', '1e-3', 'nan', 'True'), { minLength: 1, maxLength: 4 }).map((xs) => xs.join(', '));
const name = fc.constantFrom('targets', 'y_pred', 'p', 'y', 'labels', 'self.logits');
/** Whole statements and halves of them, so that arrays, names and calls meet line breaks in every way. */
const statement = fc.oneof(
  fc.tuple(name, numbers).map(([n, xs]) => `${n} = [${xs}]`),
  fc.tuple(name, numbers).map(([n, xs]) => `${n} <- c(${xs})`),
  fc.tuple(numbers, numbers).map(([a, b]) => `loss([${a}], [${b}])`),
  fc.tuple(name, numbers).map(([n, xs]) => `${n} = np.array([${xs}], dtype=float)`),
  fc.tuple(numbers, numbers).map(([a, b]) => `[[${a}], [${b}]]`),
  numbers.map((xs) => `[${xs}`),
  numbers.map((xs) => `${xs}]`),
  numbers.map((xs) => ` ${xs.replace(/, /g, ' ')}`),
  name,
  name.map((n) => `${n} =`),
  name.map((n) => `${n}:`),
  fc.constantFrom('bce = BCELoss(from_logits=True)', 'bce(', ')', '"labels": ["a", "b"],', '{', '}', 'def f():', 'return'),
);
const line = fc.array(fc.oneof({ weight: 3, arbitrary: statement }, { weight: 1, arbitrary: fragment }), { maxLength: 3 }).map((parts) => parts.join(' '));
const program = fc.array(line, { minLength: 2, maxLength: 6 });

function plain<T>(result: Result<readonly T[]>): unknown {
  return result.ok ? { ok: true, value: result.value.map((a) => JSON.parse(JSON.stringify(a, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v)))) } : result;
}

test('text given as lines reads exactly as the lines joined', () => {
  fc.assert(
    fc.property(program, fc.integer({ min: 1, max: 60 }), (lines, max) => {
      assert.deepEqual(plain(findArrays(lines, { maxNumbers: max })), plain(findArrays(lines.join('\n'), { maxNumbers: max })));
    }),
    { numRuns: 3000 },
  );
});

test('long arrays given as lines read exactly as joined, numpy rows across lines included', () => {
  fc.assert(
    fc.property(longArray, fc.constantFrom(', ', ' ', ',\n', '\n '), fc.constantFrom('y = [', 'predictions = np.array(['), (numbers, sep, prefix) => {
      const text = `targets = [0, 1]\n${prefix}${numbers.join(sep)}]${prefix.endsWith('([') ? ')' : ''}\n# done`;
      assert.deepEqual(plain(findArrays(text.split('\n'))), plain(findArrays(text)));
    }),
    { numRuns: 40 },
  );
});
