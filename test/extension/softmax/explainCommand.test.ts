/// <reference types="mocha" />
// "Explain Softmax Cross Entropy" in the real workbench: from text and from a selection, the
// panel it opens, and the BCE command offering it for targets BCE cannot take. Expected numbers
// were printed by test/core/softmax/goldens.py with the real PyTorch 1.13.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SoftmaxExplainResult } from '../../../src/extension/softmax/explainCommand';
import { captureErrorMessages, closeAllEditors, eventually, explain, openText } from '../helpers';

const COMMAND = 'lossWalkthrough.explainSoftmaxCrossEntropy';
const TEXT = 'y = [0, 2, 1, 2]\nlogits = [[2.0, 1.0, 0.1], [0.5, 2.5, -1.0], [-1.2, 0.3, 3.3], [0.0, 0.0, 0.0]]\n';
// torch.nn.CrossEntropyLoss()(logits, y) = 2.056983709335327 (float32)
const MEAN = '2.05698';

function softmaxTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('lossWalkthrough.softmax'));
}

async function closeSoftmaxTabs(): Promise<void> {
  await vscode.window.tabGroups.close(softmaxTabs());
  await closeAllEditors();
}

function explainSoftmax(...args: unknown[]): Thenable<SoftmaxExplainResult | undefined> {
  return vscode.commands.executeCommand<SoftmaxExplainResult | undefined>(COMMAND, ...args);
}

describe('Explain Softmax Cross Entropy', () => {
  beforeEach(closeSoftmaxTabs);
  after(closeSoftmaxTabs);

  it('explains class indices against logits given as text, in its own panel', async () => {
    const { r, messages } = await captureErrorMessages(undefined, async (messages) => ({ r: await explainSoftmax(TEXT, { documentName: 'batch' }), messages }));
    assert.ok(r, `the command returned nothing: ${messages.map((m) => m.message).join(' | ')}`);
    assert.equal(r.loss.toPrecision(6), MEAN);
    assert.equal(r.targetKind, 'indices');
    assert.equal(r.inputKind, 'logits');
    assert.equal(r.calls, 'softmax-ce');
    assert.equal(r.cardCount, 4);
    await eventually(async () => (softmaxTabs().some((t) => t.label === 'Softmax CE: batch') ? true : undefined));
  });

  it('reads the selection in an editor', async () => {
    const editor = await openText(`# a batch\n${TEXT}`);
    editor.selection = new vscode.Selection(1, 0, 3, 0);
    const r = await explainSoftmax();
    assert.ok(r);
    assert.equal(r.loss.toPrecision(6), MEAN);
    assert.deepEqual(
      r.sampleLosses.map((x) => x.toPrecision(6)),
      // torch_idx_none
      ['0.417030', '3.65318', '3.05911', '1.09861'],
    );
    assert.equal(r.sampleLossesOmitted, 0);
  });

  it('one-hot rows with several 1s: the panel says BCE fits', async () => {
    const r = await explainSoftmax('targets = [[1, 0, 1], [0, 1, 0]]\nlogits = [[2.0, 1.0, 0.1], [0.5, 2.5, -1.0]]', { documentName: 'multi' });
    assert.ok(r);
    assert.equal(r.calls, 'bce');
  });

  it('BCE on class indices offers softmax CE instead of a dead end, and the button opens it', async () => {
    await captureErrorMessages('Explain Softmax Cross Entropy', async (messages) => {
      const bce = await explain(TEXT, { documentName: 'indices' });
      assert.equal(bce, undefined, 'BCE cannot take class indices');
      assert.equal(messages.length, 1);
      assert.match(messages[0]!.message, /shape \[4\] but the predictions have shape \[4, 3\]/);
      assert.deepEqual(messages[0]!.items, ['Explain Softmax Cross Entropy']);
      await eventually(async () => (softmaxTabs().some((t) => t.label === 'Softmax CE: indices') ? true : undefined));
    });
  });
});

describe('the BCE panel offers softmax CE for an N×C pair', () => {
  it('writes the button only when asked, and panel.js forwards it', async () => {
    const { renderPanelPage } = await import('../../../src/extension/walkthrough/html');
    const resources = { cspSource: 'vscode-resource:', walkthroughCss: 'w.css', panelCss: 'p.css', panelJs: 'p.js' };
    const content = { title: 'T', mathStyleSheet: '', fragment: '<p>x</p>', renderedDerivations: 1, totalDerivations: 1, nextBatch: 1, state: null };
    assert.doesNotMatch(renderPanelPage(resources, content, 'n'), /explainAsSoftmax/);
    assert.match(renderPanelPage(resources, { ...content, offerSoftmax: true }, 'n'), /<p class="lw-offer"><button type="button" data-message="explainAsSoftmax">Explain as Softmax Cross Entropy<\/button><\/p>/);
    const { parseWebviewMessage } = await import('../../../src/extension/walkthrough/messages');
    assert.deepEqual(parseWebviewMessage({ type: 'explainAsSoftmax' }), { type: 'explainAsSoftmax' });
  });
});
