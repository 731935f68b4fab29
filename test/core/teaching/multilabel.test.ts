/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { whyBceNotNll } from '../../../src/core/teaching';
import { ARTICLE_LABELS, ARTICLE_SOURCE, fixture } from '../derivation/parsed-fixture';

test("the article's labels: car and dog are both present, cat is absent, so softmax cannot fit", () => {
  const text = whyBceNotNll(fixture(ARTICLE_SOURCE, { labels: ARTICLE_LABELS }));
  assert.equal(
    text[0],
    'Here “car” and “dog” are both present (y = 1) while “cat” is absent. Several labels can be true at once, so this is a multi-label problem: 3 separate yes/no questions, not one question with 3 possible answers.',
  );
  assert.match(text[1] ?? '', /raising the probability of “car” must lower that of “dog”/);
  assert.match(text.join(' '), /one sigmoid|its own sigmoid/);
  assert.match(text.join(' '), /negative log likelihood/i);
});

test('a batch speaks of the sample with the most labels present', () => {
  const source = 'targets = [[0, 1, 0], [1, 1, 1]]\npredictions = [[0.1, 0.8, 0.2], [0.9, 0.7, 0.6]]';
  const text = whyBceNotNll(fixture(source, { labels: ['a', 'b', 'c'], shape: [2, 3] }));
  assert.match(text[0] ?? '', /^In sample 2, “a”, “b” and “c” are all present/);
});

test('without names the labels are numbered; one present label still says they are independent', () => {
  const text = whyBceNotNll(fixture('targets = [0, 1]\npredictions = [0.2, 0.7]'));
  assert.match(text[0] ?? '', /only label 2 is present/);
  assert.match(text[0] ?? '', /label 1 and label 2 could both be present/);
});

test('no label present: a softmax cannot say "none"', () => {
  const text = whyBceNotNll(fixture('targets = [0, 0]\npredictions = [0.2, 0.3]', { labels: ['x', 'y'] }));
  assert.match(text[0] ?? '', /no label is present/);
  assert.match(text[0] ?? '', /“x” and “y”/);
});

test('a single label: BCE is the NLL of a yes/no answer, so the two views agree', () => {
  const text = whyBceNotNll(fixture('targets = [1]\npredictions = [0.8]', { labels: ['spam'] }));
  assert.match(text[0] ?? '', /one label, “spam”/);
  assert.match(text[0] ?? '', /same number/);
});

test('a hostile label stays text (writers escape it)', () => {
  const text = whyBceNotNll(fixture('targets = [1, 1]\npredictions = [0.8, 0.7]', { labels: ['<b>x</b>', '$\\def'] }));
  assert.match(text[0] ?? '', /“<b>x<\/b>” and “\$\\def” are both present/);
});

test('a long list of labels names the first six and counts the rest, and long names are cut', () => {
  const n = 1000;
  const source = `targets = [${Array.from({ length: n }, () => 1).join(', ')}]\npredictions = [${Array.from({ length: n }, () => 0.5).join(', ')}]`;
  const text = whyBceNotNll(fixture(source));
  assert.match(text[0] ?? '', /^Here label 1, label 2, label 3, label 4, label 5, label 6 and 994 more are all present/);
  assert.ok((text[0] ?? '').length < 400, text[0]);
  const long = 'x'.repeat(10_000);
  const named = whyBceNotNll(fixture('targets = [1, 1]\npredictions = [0.2, 0.7]', { labels: [long, 'b'] }));
  assert.ok((named[0] ?? '').length < 400);
});
