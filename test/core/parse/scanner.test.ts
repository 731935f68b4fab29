/// <reference types="node" />
// Errors of the text itself (brackets, strings, limits) and of single arrays (ragged, syntax),
// each with the exact text its range selects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanArrays } from '../../../src/core/parse/scanner';
import { at, parseError, parsed } from './helpers';

test('unbalanced-brackets: an unclosed bracket selects the bracket and names the closer', () => {
  const text = 'targets = [1, 0, 1]\npredictions = np.array([0.8, 0.3, 0.9]';
  const error = parseError(text);
  assert.equal(error.code, 'unbalanced-brackets');
  assert.equal(error.range?.start, text.indexOf('('));
  assert.equal(at(text, error.range), '(');
  assert.match(error.message, /'\(' is never closed/);
  assert.match(error.suggestion ?? '', /'\)'/);
});

test('unbalanced-brackets: a stray closer selects the closer', () => {
  const text = 'targets = [1, 0, 1]]\npredictions = [0.8, 0.3, 0.9]';
  const error = parseError(text);
  assert.equal(error.code, 'unbalanced-brackets');
  assert.equal(error.range?.start, 19);
  assert.equal(at(text, error.range), ']');
  assert.match(error.message, /no opening bracket/);
});

test('unbalanced-brackets: a mismatched closer says where the opener is', () => {
  const text = 'targets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9)';
  const error = parseError(text);
  assert.equal(error.code, 'unbalanced-brackets');
  assert.equal(error.range?.start, text.length - 1);
  assert.equal(at(text, error.range), ')');
  assert.equal(error.message, "This ')' does not close the '[' opened at line 2, column 15.");
});

test('brackets inside strings and comments do not count', () => {
  parsed('targets = [1, 0, 1]  # ) ] }\npredictions = [0.8, 0.3, 0.9]  // "(" \n/* [[[ */');
});

test('too-many-numbers: the first number over the limit is selected and the limit can be raised', () => {
  const text = 'targets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]';
  const error = parseError(text, { maxNumbers: 5 });
  assert.equal(error.code, 'too-many-numbers');
  assert.equal(error.range?.start, text.indexOf('0.9'));
  assert.equal(at(text, error.range), '0.9');
  assert.match(error.message, /more than 5 numbers.*can be raised/);
  assert.match(error.suggestion ?? '', /raise the limit/);
  assert.equal(parsed(text, { maxNumbers: 6 }).predictions.values.length, 3);
  const first = parseError('[0.5, 0.25]', { maxNumbers: 1 });
  assert.equal(first.code, 'too-many-numbers');
  assert.equal(first.range?.start, 6, 'also on the fast path after the first number');
  const words = 'labels = [car, cat, dog]';
  const e3 = parseError(words, { maxNumbers: 2 });
  assert.equal(e3.code, 'too-many-numbers');
  assert.equal(at(words, e3.range), 'dog', 'label names count toward the limit');
});

test('bad options are reported, not thrown', () => {
  assert.equal(parseError('[1] [1]', { maxNumbers: -1 }).code, 'bad-option');
  assert.equal(parseError('[1] [1]', { maxNumbers: 1.5 }).code, 'bad-option');
  assert.equal(parseError('[1] [1]', { inputKind: 'sigmoid' as 'auto' }).code, 'bad-option');
});

test('syntax: an unclosed string selects its quote', () => {
  const text = 'targets = [1, 0, 1]\nlabels = ["car, "cat"]\npredictions = [0.8, 0.3, 0.9]';
  const error = parseError(text);
  assert.equal(error.code, 'syntax');
  assert.equal(error.range?.start, text.lastIndexOf('"', text.indexOf(']', 25)));
  assert.equal(at(text, error.range), '"');
});

test('syntax: an unclosed block comment selects /*', () => {
  const text = 'targets = [1, 0, 1] /* predictions = [0.8, 0.3, 0.9]';
  const error = parseError(text);
  assert.equal(error.code, 'syntax');
  assert.equal(at(text, error.range), '/*');
});

test('syntax: problems inside a needed array select the offending token', () => {
  const cases: [string, string, RegExp][] = [
    ['targets = [1, 0]\npredictions = [0.5, 1.0f]', '1.0f', /not a number/],
    ['targets = [1, 0]\npredictions = [0.5, 0x1F]', '0x1F', /not a number/],
    ['targets = [1, 0]\npredictions = [0.5, x + 1]', 'x', /not a number/],
    ['targets = [1, 0]\npredictions = [0.5, 1 + 1]', '+', /expressions are not evaluated/],
    ['targets = [1, 0]\npredictions = [0.5, 1+1]', '+', /arithmetic/],
    ['targets = [1, 0]\npredictions = [0.5, 2 * 0.1]', '*', /expressions are not evaluated/],
    ['targets = [1, 0]\npredictions = [0.5,0.2][0.3]'.replace('[0.5,0.2][0.3]', '[0.5 0.2, 0.3 0.4 ... 0.9]'), '...', /shortened/],
    ['targets = [1, 0]\npredictions = [0.5,, 0.2]', ',', /Two commas/],
    ['targets = [1, 0]\npredictions = [, 0.5, 0.2]', ',', /before the first value/],
    ['targets = [1, 0]\npredictions = [0.5, None]', 'None', /missing value/],
    ['targets = [1, 0]\npredictions = [{"p": 0.5}, 0.2]', '{', /object or dict/],
    ['targets = [1, 0]\npredictions = [0.5, "0.2"]', '"0.2"', /not a number/],
    ['targets = [1, 0]\npredictions = [0.5 - 0.2]', '-', /not directly followed by a number/],
    ['targets = [1, 0]\npredictions = [[[0.5]], [[0.2]]]', '[', /three or more levels/],
    ['targets = [1, 0]\npredictions = [np.array([0.5]), 0.2]', 'np.array([', /call inside an array/],
  ];
  for (const [text, selected, message] of cases) {
    const error = parseError(text);
    assert.equal(error.code, 'syntax', text);
    assert.equal(at(text, error.range), selected, text);
    assert.match(error.message, message, text);
  }
});

test('ragged: a row of another length is selected, with both lengths', () => {
  const text = 'targets = [[1, 0, 1], [0, 1], [1, 1, 1]]\npredictions = [[0.8, 0.3, 0.9]] * 3';
  const error = parseError(text);
  assert.equal(error.code, 'ragged');
  assert.equal(at(text, error.range), '[0, 1]');
  assert.equal(error.message, 'Row 1 has 2 values, but row 0 has 3.');

  const mixed = 'targets = [[1, 0], 1]\npredictions = [0.5, 0.5]';
  const e2 = parseError(mixed);
  assert.equal(e2.code, 'ragged');
  assert.equal(at(mixed, e2.range), '1');

  const mixed2 = 'targets = [1, [1, 0]]\npredictions = [0.5, 0.5]';
  const e3 = parseError(mixed2);
  assert.equal(e3.code, 'ragged');
  assert.equal(at(mixed2, e3.range), '[1, 0]');
});

test('nesting 100,000 deep gives an error, not a stack overflow', () => {
  for (const open of ['[', '(', '{']) {
    const close = open === '[' ? ']' : open === '(' ? ')' : '}';
    for (const text of [open.repeat(100_000) + '1' + close.repeat(100_000), open.repeat(100_000)]) {
      const error = parseError(text);
      assert.equal(error.code, 'syntax');
      assert.match(error.message, /nested more than 10,000 deep/);
      assert.equal(error.range?.start, 10_000, 'the bracket that went past the limit');
    }
  }
  const threeLevels = '[[[1]]]';
  const error = parseError(threeLevels);
  assert.equal(error.code, 'syntax');
  assert.match(error.message, /three or more levels/);
  assert.equal(at(threeLevels, error.range), '[');
  assert.equal(error.range?.start, 2);
});

test('scanArrays reports names, ranges, callee and argument position', () => {
  const text = 'loss = f(np.array([1, 0]), [0.5, 0.25], w=[1, 2])';
  const result = scanArrays(text, 100);
  assert.ok(result.ok);
  const arrays = result.value;
  assert.deepEqual(
    arrays.map((a) => [at(text, a.range), a.name, a.callee, a.argumentIndex]),
    [
      ['np.array([1, 0])', null, 'f', 0],
      ['[0.5, 0.25]', null, 'f', 1],
      ['[1, 2]', 'w', 'f', -1],
    ],
  );
  assert.deepEqual(Array.from(arrays[1]?.valueStarts ?? []), [text.indexOf('0.5'), text.indexOf('0.25')]);
});

test('subscripts and grouping parentheses are not arrays', () => {
  const text = 'x = data[[0, 1]]\ny = (0.5)\nz = f(a)[0]\ntargets = [1, 0]\npredictions = [0.2, 0.4]';
  const result = scanArrays(text, 100);
  assert.ok(result.ok);
  assert.deepEqual(
    result.value.map((a) => a.name),
    ['targets', 'predictions'],
  );
});

test('more than 100,000 arrays stop the reading with an error on the first one too many', () => {
  const text = '[] '.repeat(100_001);
  const error = parseError(text);
  assert.equal(error.code, 'too-many-numbers');
  assert.equal(error.range?.start, 300_000);
  assert.equal(at(text, error.range), '[]');
  assert.match(error.message, /more than 100,000 arrays/);
});
