/// <reference types="node" />
// The hover's reading of the text under the pointer. Offsets are found with indexOf on the
// text itself, and expected values are the typed numbers or counted by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyseHover, bracketDepthAt, holdsNamedSide, isInsideBrackets, wantsNamedPartner, type HoverAnalysis } from '../../../src/core/hover';

const ARTICLE = 'labels = [car, cat, dog]\ntargets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]';
const AUTO = { inputKind: 'auto' } as const;

/** The analysis with the pointer on the first character of `needle` (plus `shift`). */
function at(text: string, needle: string, shift = 0): HoverAnalysis | null {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `fixture: '${needle}' not in the text`);
  return analyseHover(text, offset + shift, AUTO);
}

test('on the targets of the article: the pair, the hovered side, the labels', () => {
  const a = at(ARTICLE, '[1, 0, 1]', 1);
  assert.equal(a?.kind, 'pair');
  if (a?.kind !== 'pair') return;
  assert.equal(a.side, 'targets');
  assert.deepEqual([...a.parsed.targets.values], [1, 0, 1]);
  assert.deepEqual([...a.parsed.predictions.values], [0.8, 0.3, 0.9]);
  assert.deepEqual(a.parsed.labels, ['car', 'cat', 'dog']);
  assert.equal(a.parsed.inputKind, 'probabilities');
  assert.deepEqual(a.hovered.range, { start: ARTICLE.indexOf('[1, 0, 1]'), end: ARTICLE.indexOf('[1, 0, 1]') + 9 });
});

test('on the predictions: the same pair, seen from the other side; both brackets count as inside', () => {
  const open = at(ARTICLE, '[0.8');
  const close = at(ARTICLE, '0.9]', 3);
  for (const a of [open, close]) {
    assert.equal(a?.kind, 'pair');
    if (a?.kind === 'pair') assert.equal(a.side, 'predictions');
  }
});

test('nothing away from arrays: on a name, after the closing bracket, on the label words', () => {
  assert.equal(at(ARTICLE, 'targets'), null);
  assert.equal(at(ARTICLE, '0.9]', 4), null, 'just past the closing bracket');
  assert.equal(at(ARTICLE, 'cat'), null, 'label names are words, not numbers');
  assert.equal(analyseHover('print("hello")', 3, AUTO), null);
  assert.equal(analyseHover('', 0, AUTO), null);
});

test('two unnamed arrays in one statement pair by order; a loss call pairs by argument place', () => {
  const order = 'bce([1, 0], [0.25, 0.75])';
  const first = at(order, '[1, 0]', 1);
  assert.equal(first?.kind === 'pair' && first.side, 'targets');
  const call = 'F.binary_cross_entropy(torch.tensor([0.8, 0.3]), torch.tensor([1., 0.]))';
  const pred = at(call, '0.3');
  assert.equal(pred?.kind === 'pair' && pred.side, 'predictions', 'PyTorch puts the prediction first');
  const keras = 'keras.losses.binary_crossentropy([1., 0.], [0.8, 0.3])';
  const target = at(keras, '[1.', 1);
  assert.equal(target?.kind === 'pair' && target.side, 'targets', 'Keras puts the targets first');
});

test('an array alone: its numbers summarised, the partner its name asks for', () => {
  const a = at('y_true = [1, 0, 1, 1]', '[', 1);
  assert.equal(a?.kind, 'single');
  if (a?.kind !== 'single') return;
  assert.equal(a.hovered.name, 'y_true');
  assert.equal(a.missing, 'predictions');
  assert.equal(a.problem?.code, 'one-array');
  assert.deepEqual(
    { count: a.summary.count, min: a.summary.min, max: a.summary.max, looksLike: a.summary.looksLike },
    { count: 4, min: 0, max: 1, looksLike: 'zero-one' },
  );
  assert.equal(wantsNamedPartner(a), 'predictions');

  const logits = at('logits = [2, -1, 3]', '-1');
  assert.equal(logits?.kind === 'single' && logits.missing, 'targets');
  const unnamed = at('x = [0.2, 0.7]', '0.7');
  assert.equal(unnamed?.kind === 'single' && unnamed.missing, null);
  assert.equal(wantsNamedPartner(unnamed), null, 'no name, no partner to look for further away');
});

test('a pair that cannot give a loss is shown as the array alone, with the reason', () => {
  const text = 'targets = [1, 0]\npredictions = [0.5, 0.2, 0.1]';
  const a = at(text, '0.2');
  assert.equal(a?.kind, 'single');
  if (a?.kind !== 'single') return;
  assert.equal(a.problem?.code, 'shape-mismatch');
  assert.equal(a.summary.count, 3);
  assert.equal(wantsNamedPartner(a), null, 'it has a partner; it just does not fit');

  const strict = 'targets = [1, 0]\npredictions = [0.5, 1.5]';
  const outOfRange = analyseHover(strict, strict.indexOf('1.5'), { inputKind: 'probabilities' });
  assert.equal(outOfRange?.kind === 'single' && outOfRange.problem?.code, 'prediction-out-of-range');
});

test('an array that another array displaced is shown alone, without a problem', () => {
  const text = 'targets = [1, 0]\npredictions = [0.5, 0.2]\ntargets = [0, 1]';
  const first = at(text, '[1, 0]', 1);
  const second = at(text, '[0, 1]', 1);
  // The last `targets` wins, as running the code would leave it.
  assert.equal(second?.kind === 'pair' && second.side, 'targets');
  assert.equal(first?.kind, 'single');
  assert.equal(first?.kind === 'single' && first.problem, null);
});

test('three unnamed arrays cannot be told apart: the array alone, with the reason', () => {
  const a = at('f([1, 2], [3, 4], [5, 6])', '[3', 1);
  assert.equal(a?.kind === 'single' && a.problem?.code, 'ambiguous-arrays');
});

test('code that is not data shows nothing: a comprehension, names inside a list', () => {
  assert.equal(at('z = [x * 2 for x in y]', 'x'), null);
  assert.equal(at('fs = [a, b]', 'a'), null);
});

test('a named array that cannot be read says why', () => {
  const a = at('targets = [[1, 0], [1]]', '[1]', 1);
  assert.equal(a?.kind, 'single');
  assert.equal(a?.kind === 'single' && a.problem?.code, 'ragged');
});

test('more numbers than the limit: unreadable, with the parser\'s message', () => {
  const a = analyseHover('targets = [1, 0, 1, 0]', 12, { inputKind: 'auto', maxNumbers: 3 });
  assert.equal(a?.kind, 'unreadable');
  assert.equal(a?.kind === 'unreadable' && a.error.code, 'too-many-numbers');
});

test('holdsNamedSide: only an array whose name (or call place) gives it that side', () => {
  assert.equal(holdsNamedSide('predictions = [0.8, 0.3]', 'predictions'), true);
  assert.equal(holdsNamedSide('logits = [2, -1]', 'predictions'), true, 'logits are predictions');
  assert.equal(holdsNamedSide('predictions = [0.8, 0.3]', 'targets'), false);
  assert.equal(holdsNamedSide('x = [0.8, 0.3]', 'predictions'), false);
  assert.equal(holdsNamedSide('predictions = []', 'predictions'), false, 'empty is no partner');
  assert.equal(holdsNamedSide('predictions = [0.8, 0.3', 'predictions'), false, 'unreadable text');
});

test('bracketDepthAt counts open brackets and parentheses before the offset', () => {
  assert.equal(bracketDepthAt('x = [1, 2]', 0), 0);
  assert.equal(bracketDepthAt('x = [1, 2]', 5), 1);
  assert.equal(bracketDepthAt('x = [1, 2]', 10), 0);
  assert.equal(bracketDepthAt('c(1, c(2, 3))', 8), 2);
  assert.equal(bracketDepthAt(']] x [', 6), 1, 'stray closers do not go below zero');
  assert.equal(bracketDepthAt('[[', 99), 2, 'an offset past the end stops at the end');
});

test('property: any text, any offset: never throws, and a result is always about an array holding the offset', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 80 }), fc.nat({ max: 90 }), (text, offset) => {
      const a = analyseHover(text, offset, AUTO);
      if (a !== null && a.kind !== 'unreadable') {
        assert.ok(a.hovered.range.start <= offset && offset < a.hovered.range.end);
      }
    }),
    { numRuns: 500 },
  );
  const alphabet = fc.constantFrom('[', ']', '(', ')', ',', ' ', '\n', '0', '1', '.', '5', '-', 'e', 'y', '=', '"', '#');
  fc.assert(
    fc.property(fc.array(alphabet, { maxLength: 60 }).map((cs) => cs.join('')), fc.nat({ max: 60 }), (text, offset) => {
      const a = analyseHover(`targets = [1, 0]\n${text}`, 17 + offset, AUTO);
      if (a !== null && a.kind !== 'unreadable') assert.ok(a.hovered.range.start <= 17 + offset && 17 + offset < a.hovered.range.end);
    }),
    { numRuns: 1000 },
  );
});

test('isInsideBrackets also counts brackets opened before the text begins', () => {
  assert.equal(isInsideBrackets('  0.5,\n  0.5]\nt = [1]', 3), true, 'a stray closer after the offset');
  assert.equal(isInsideBrackets('x = [1, 2]', 5), true);
  assert.equal(isInsideBrackets('x = [1, 2]', 1), false);
  assert.equal(isInsideBrackets('x = [1] + y', 9), false);
});
