/// <reference types="mocha" />
// The hover link's arguments arrive through a URI: only well-formed ones are accepted. Pure.
import assert from 'node:assert/strict';
import { parseHoverLinkArgs } from '../../../src/extension/hover/link';

const GOOD = { uri: 'untitled:Untitled-1', version: 3, spans: [{ startLine: 0, endLine: 2 }], options: { preset: 'keras', logBase: '10', precision: 4 } };

describe('hover: the link arguments', () => {
  it('accepts what a hover writes, keeping only valid overrides', () => {
    assert.deepEqual(parseHoverLinkArgs({ ...GOOD, options: { ...GOOD.options, reduction: 'median', extra: 1 } }), {
      uri: 'untitled:Untitled-1',
      version: 3,
      spans: [{ startLine: 0, endLine: 2 }],
      options: { preset: 'keras', logBase: '10', precision: 4 },
    });
  });

  it('refuses anything else', () => {
    const bad: unknown[] = [
      undefined,
      null,
      'x',
      { ...GOOD, uri: '' },
      { ...GOOD, uri: 3 },
      { ...GOOD, version: -1 },
      { ...GOOD, version: 1.5 },
      { ...GOOD, spans: [] },
      { ...GOOD, spans: [{ startLine: 3, endLine: 2 }] },
      { ...GOOD, spans: [{ startLine: '0', endLine: 2 }] },
      { ...GOOD, spans: [null] },
      { ...GOOD, spans: Array.from({ length: 5 }, () => ({ startLine: 0, endLine: 0 })) },
    ];
    for (const raw of bad) assert.equal(parseHoverLinkArgs(raw), undefined, JSON.stringify(raw));
  });
});
