/// <reference types="node" />
// The JSON report streamed element by element is, byte for byte, the report stringified whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWalkthrough } from '../../src/core/derivation';
import { parseInput } from '../../src/core/parse';
import { jsonReportChunks, toJsonReport } from '../../src/core/report';
import type { Preset, Reduction } from '../../src/core/types';

const CASES: ReadonlyArray<{ name: string; text: string; preset?: Preset; reduction?: Reduction }> = [
  { name: 'one element', text: 'targets = [1]\npredictions = [0.8]' },
  { name: 'labelled, 1-D', text: 'labels = [car, "a \\"quoted\\" name", dog]\ntargets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]' },
  { name: 'a batch, reduction none', text: 'y = [[1, 0], [0, 1], [1, 1]]\np = [[0.8, 0.3], [0.4, 0.9], [0.5, 0.99]]', reduction: 'none' },
  { name: 'an infinite loss', text: 'targets = [1, 0]\npredictions = [0, 0.5]', preset: 'exact' },
  { name: 'logits, keras', text: 'targets = [1, 0, 1]\nlogits = [2, -1, 30]', preset: 'keras' },
];

for (const c of CASES) {
  test(`jsonReportChunks: ${c.name}`, () => {
    const parsed = parseInput(c.text);
    if (!parsed.ok) assert.fail(parsed.error.message);
    const w = buildWalkthrough(parsed.value, { preset: c.preset ?? 'pytorch', reduction: c.reduction ?? 'mean', logBase: 'e', dtype: 'float64' }, { maxDerivations: 0, maxTableRows: 0 });
    if (!w.ok) assert.fail(w.error.message);
    const chunks = [...jsonReportChunks(w.value)];
    assert.equal(chunks.join(''), `${JSON.stringify(toJsonReport(w.value), null, 2)}\n`);
    // One chunk per element, besides the frame before and after them.
    assert.equal(chunks.length, w.value.elementCount + 2);
  });
}
