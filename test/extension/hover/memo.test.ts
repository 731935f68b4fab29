/// <reference types="mocha" />
// The last hover is reused only where its answer cannot have changed. Pure.
import assert from 'node:assert/strict';
import { HoverMemo } from '../../../src/extension/hover/memo';

const KEY = { uri: 'untitled:1', version: 4, context: 'pytorch' };
const RANGE = { start: { line: 2, character: 10 }, end: { line: 3, character: 5 } };

describe('hover: the memo of the last answer', () => {
  it('answers inside the same array of the same version with the same settings', () => {
    const memo = new HoverMemo<string>();
    memo.set(KEY, RANGE, 'shown');
    assert.equal(memo.get(KEY, { line: 2, character: 10 }), 'shown', 'the opening bracket');
    assert.equal(memo.get(KEY, { line: 2, character: 99 }), 'shown');
    assert.equal(memo.get(KEY, { line: 3, character: 4 }), 'shown', 'the closing bracket');
  });

  it('not outside the array, nor after an edit, a settings change or in another document', () => {
    const memo = new HoverMemo<string>();
    memo.set(KEY, RANGE, 'shown');
    assert.equal(memo.get(KEY, { line: 2, character: 9 }), undefined);
    assert.equal(memo.get(KEY, { line: 3, character: 5 }), undefined, 'the end is exclusive');
    assert.equal(memo.get({ ...KEY, version: 5 }, { line: 2, character: 12 }), undefined);
    assert.equal(memo.get({ ...KEY, context: 'keras' }, { line: 2, character: 12 }), undefined);
    assert.equal(memo.get({ ...KEY, uri: 'untitled:2' }, { line: 2, character: 12 }), undefined);
    memo.clear();
    assert.equal(memo.get(KEY, { line: 2, character: 12 }), undefined);
  });
});
