/// <reference types="mocha" />
// The softmax panel after a window reload: VS Code hands the serializer the state panel.js saved
// from the page, and SoftmaxPanel.revive is what it runs. The panel here is created by the test,
// as the workbench creates it on reload; the state reaches the page by message (panel.js saves
// it, as it saves the BCE page's). Expected numbers: torch.nn.CrossEntropyLoss (see
// explainCommand.test.ts).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SoftmaxPanel } from '../../../src/extension/softmax/panel';
import { closeAllEditors, withSetting } from '../helpers';

const VIEW_TYPE = 'lossWalkthrough.softmax';
const TEXT = 'y = [0, 2, 1, 2]\nlogits = [[2.0, 1.0, 0.1], [0.5, 2.5, -1.0], [-1.2, 0.3, 3.3], [0.0, 0.0, 0.0]]\n';

const extensionUri = () => vscode.extensions.getExtension('loss-walkthrough.loss-walkthrough')!.extensionUri;
const createPanel = () => vscode.window.createWebviewPanel(VIEW_TYPE, 'restored', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true });

describe('softmax panel after a window reload', () => {
  beforeEach(closeAllEditors);
  after(closeAllEditors);

  it('the manifest activates the extension for a softmax panel to restore', () => {
    const manifest = vscode.extensions.getExtension('loss-walkthrough.loss-walkthrough')?.packageJSON as { activationEvents: string[] };
    assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${VIEW_TYPE}`));
  });

  it('rebuilds the walkthrough from the text its page kept, with the settings of the moment', async () => {
    // What the command's page keeps (the extension's own panel object is not this bundle's).
    const state = { version: 1, loss: 'softmax-ce', source: TEXT, documentName: 'batch', documentUri: null };
    const panel = createPanel();
    await withSetting('logBase', '2', () => SoftmaxPanel.revive(panel, extensionUri(), state));
    assert.equal(panel.title, 'Softmax CE: batch');
    // The webview holds the panel's small page; the walkthrough goes to it by message.
    assert.match(panel.webview.html, /data-lw-page-load="\d+"/);
    assert.doesNotMatch(panel.webview.html, /2\.9676/);
    const page = SoftmaxPanel.active?.currentPage;
    assert.ok(page, 'the restored panel shows nothing');
    // 2.056983709335327 nats / ln 2 = 2.96760 bits.
    assert.match(page.main, /2\.9676/);
    assert.match(page.main, /data-message="explainAsBce"/);
    assert.deepEqual(page.state, state, 'the state goes with the page again, for the next reload');
  });

  it('a state it cannot read, or a text that no longer parses, says so and how to go on', async () => {
    for (const state of [undefined, { version: 1, loss: 'bce', source: TEXT }, { version: 1, loss: 'softmax-ce', source: 'y = [', documentName: 'x', documentUri: null }]) {
      const panel = createPanel();
      await SoftmaxPanel.revive(panel, extensionUri(), state);
      assert.match(panel.webview.html, /Run &quot;Explain Softmax Cross Entropy&quot; again|Run "Explain Softmax Cross Entropy" again/, JSON.stringify(state));
      panel.dispose();
    }
  });
});
