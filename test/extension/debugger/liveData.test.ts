/// <reference types="mocha" />
// A panel from a paused program keeps its live data in the webview's saved state: it survives
// the round trip through parsePanelState, and malformed data is dropped, not trusted.
import assert from 'node:assert/strict';
import { parsePanelState, type PanelState } from '../../../src/extension/walkthrough/messages';

const STATE: PanelState = {
  version: 1,
  source: 'targets = [1.0, 0.0]\nlogits = [0.5, -1.5]\n',
  documentName: 'train.py:11',
  documentUri: 'file:///work/train.py',
  overrides: { preset: 'pytorch', inputKind: 'logits', reduction: 'mean' },
  renderedLabels: 50,
  live: {
    dtype: 'float32',
    posWeight: [3],
    notes: ['Values read from the debug session train, frame <module> at train.py:12.'],
    program: { values: [0.9873227477073669], dtype: 'torch.float32', expression: 'loss' },
    request: { kind: 'line', documentUri: 'file:///work/train.py', line: 10 },
  },
};

describe('Live panel state', () => {
  it('survives a JSON round trip through parsePanelState', () => {
    assert.deepEqual(parsePanelState(JSON.parse(JSON.stringify(STATE))), STATE);
  });

  it('drops live data that is malformed, and keeps the rest of the state', () => {
    for (const live of [{ ...STATE.live, dtype: 'float16' }, { ...STATE.live, request: { kind: 'line', documentUri: 3, line: 1 } }, { ...STATE.live, notes: [1] }, 'x']) {
      const parsed = parsePanelState({ ...STATE, live });
      assert.ok(parsed);
      assert.equal(parsed.live, undefined);
      assert.equal(parsed.source, STATE.source);
    }
  });

  it('a chosen-expressions request keeps its language', () => {
    const request = { kind: 'expressions', targets: 'y', predictions: 'p', language: 'javascript' } as const;
    assert.deepEqual(parsePanelState({ ...STATE, live: { ...STATE.live, request } })?.live?.request, request);
  });
});
