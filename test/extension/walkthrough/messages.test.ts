/// <reference types="mocha" />
// The webview contract: what is accepted from the webview, the panel state that survives a
// reload, and that media/panel.js speaks exactly the message names this module defines.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SOFTMAX_PANEL_MESSAGE_TYPES } from '../../../src/extension/softmax/panel';
import { EXTENSION_MESSAGE_TYPES, PANEL_ACTIONS, WEBVIEW_MESSAGE_TYPES, parseOverrides, parsePanelState, parseWebviewMessage } from '../../../src/extension/walkthrough/messages';

const validState = {
  version: 1,
  source: 'targets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]',
  documentName: 'article.py',
  documentUri: 'file:///article.py',
  overrides: { logBase: '10' },
  renderedLabels: 50,
};

describe('webview messages', () => {
  it('accepts the known messages', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'renderMore' }), { type: 'renderMore' });
    assert.deepEqual(parseWebviewMessage({ type: 'ready', run: 3, have: 1 }), { type: 'ready', run: 3, have: 1 });
    assert.deepEqual(parseWebviewMessage({ type: 'painted', run: 3, complete: true, cards: 2, answer: 'Loss 0.2' }), {
      type: 'painted',
      run: 3,
      complete: true,
      cards: 2,
      answer: 'Loss 0.2',
    });
    assert.deepEqual(parseWebviewMessage({ type: 'painted', run: 0, complete: true, cards: 0, answer: 'Loss 0.2', at: 1_700_000_000_000 }), {
      type: 'painted',
      run: 0,
      complete: true,
      cards: 0,
      answer: 'Loss 0.2',
      at: 1_700_000_000_000,
    });
    assert.equal('at' in (parseWebviewMessage({ type: 'painted', run: 1, complete: true, cards: 0, answer: '', at: 'soon' }) ?? {}), false);
    assert.deepEqual(parseWebviewMessage({ type: 'showElement', flatIndex: 5 }), { type: 'showElement', flatIndex: 5 });
    assert.deepEqual(parseWebviewMessage({ type: 'showElement', flatIndex: 0, extra: '<b>' }), { type: 'showElement', flatIndex: 0 });
    assert.deepEqual(parseWebviewMessage({ type: 'swapRoles', extra: 1 }), { type: 'swapRoles' });
  });

  it('takes only a whole, non-negative element index for showElement', () => {
    for (const flatIndex of [-1, 2.5, '5', NaN, Infinity, null, undefined, 2 ** 60]) {
      assert.equal(parseWebviewMessage({ type: 'showElement', flatIndex }), undefined, String(flatIndex));
    }
  });

  it('ignores anything else', () => {
    for (const raw of [null, 'renderMore', [], {}, { type: 'eval' }, { type: 'action', action: 'saveHtml' }, { type: 'ready', run: 1 }, { type: 'ready', run: 0, have: 1 }, { type: 'ready', run: '2', have: 1 }, { type: 'ready', run: 2, have: -1 }, { type: 'painted', run: 1, complete: 'yes', cards: 1, answer: '' }, { type: 'painted', run: -1, complete: true, cards: 0, answer: '' }]) {
      assert.equal(parseWebviewMessage(raw), undefined, JSON.stringify(raw));
    }
  });

  it('keeps a valid panel state and drops invalid overrides', () => {
    assert.deepEqual(parsePanelState(validState), validState);
    const withBadOverride = { ...validState, overrides: { logBase: '3', preset: 'keras', precision: 40, extra: 1 } };
    assert.deepEqual(parsePanelState(withBadOverride)?.overrides, { preset: 'keras' });
  });

  it('refuses a state it did not write', () => {
    assert.equal(parsePanelState(undefined), undefined);
    assert.equal(parsePanelState({ ...validState, version: 2 }), undefined);
    assert.equal(parsePanelState({ ...validState, source: 3 }), undefined);
    assert.equal(parsePanelState({ ...validState, renderedLabels: 0 }), undefined);
    assert.equal(parsePanelState({ ...validState, documentUri: {} }), undefined);
  });

  it('overrides: only known keys with allowed values', () => {
    assert.deepEqual(parseOverrides({ reduction: 'sum', precision: 3, inputKind: 'logits' }), { reduction: 'sum', precision: 3, inputKind: 'logits' });
    assert.deepEqual(parseOverrides({ reduction: 'max', precision: 2.5 }), {});
    assert.deepEqual(parseOverrides('sum'), {});
    assert.deepEqual(parseOverrides({ swapRoles: true }), { swapRoles: true });
    assert.deepEqual(parseOverrides({ swapRoles: 'yes' }), {});
  });

  it('media/panel.js posts only the message types and actions defined here', async () => {
    const extension = vscode.extensions.getExtension('loss-walkthrough.loss-walkthrough');
    assert.ok(extension);
    const script = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, 'media', 'panel.js')));
    const posted = [...script.matchAll(/postMessage\(\{\s*type:\s*'(\w+)'/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(posted)].sort(), [...WEBVIEW_MESSAGE_TYPES, ...SOFTMAX_PANEL_MESSAGE_TYPES].sort());
    // The softmax panel's exports are the title bar's too: its page keeps only its BCE button.
    assert.deepEqual([...SOFTMAX_PANEL_MESSAGE_TYPES], ['explainAsBce']);
    // The exports are title bar commands now: the page has no buttons for them.
    assert.doesNotMatch(script, /data-action/);
    // And it handles exactly the answers the extension sends.
    const handled = [...script.matchAll(/message\.type === '(\w+)'/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(handled)].sort(), [...EXTENSION_MESSAGE_TYPES].sort());
    assert.deepEqual([...PANEL_ACTIONS].sort(), ['copyLatex', 'copyMarkdown', 'openMarkdownPreview', 'saveHtml', 'saveMarkdown']);
  });
});
