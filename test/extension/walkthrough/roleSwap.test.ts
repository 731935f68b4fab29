/// <reference types="mocha" />
// Targets and predictions that look swapped, in the real workbench: the command follows the
// values when nothing is named, the panel shows the warning with its swap button, and the swap
// (what the button's `swapRoles` message runs) redraws the panel with the roles exchanged.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { WalkthroughPanel } from '../../../src/extension/walkthrough/panel';
import { parsePanelState, parseWebviewMessage } from '../../../src/extension/walkthrough/messages';
import { VIEW_TYPE, closeAllEditors, explain, openText, workspaceUri } from '../helpers';

const LOOKS_SWAPPED = 'targets = [0.8, 0.3, 0.9]\npredictions = [1, 0, 1]';
/** −(ln 0.8 + ln 0.7 + ln 0.9) / 3, the article's answer; 20 is the pair read the wrong way round. */
const ARTICLE_LOSS = /Loss L = 0\.228393\./;
const FORCED_LOSS = /Loss L = 20\./;

async function savedMarkdown(name: string): Promise<string> {
  const target = workspaceUri(name);
  await vscode.commands.executeCommand('lossWalkthrough.saveMarkdown', target);
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
}

/** The state the page carries for a reload, read back from its data block. */
function pageState(html: string): unknown {
  const m = /<script type="application\/json" id="lw-state">([^<]*)<\/script>/.exec(html);
  assert.ok(m, 'the page carries its state');
  return JSON.parse(m[1] as string);
}

describe('targets and predictions that look swapped', () => {
  beforeEach(closeAllEditors);
  after(closeAllEditors);

  it('unnamed printed tensors, predictions first: the command takes the all-0/1 one as the targets', async () => {
    const editor = await openText("tensor([0.8, 0.3, 0.9], device='cuda:0')\ntensor([1., 0., 1.], device='cuda:0')\n");
    editor.selection = new vscode.Selection(0, 0, 2, 0);
    const result = await explain();
    assert.ok(result);
    assert.ok(Math.abs(result.loss - 0.22839300363692283) < 1e-6, String(result.loss));
    assert.equal(result.roleWarning, null);
    const markdown = await savedMarkdown('unnamed-tensors.md');
    assert.match(markdown, ARTICLE_LOSS);
    assert.match(markdown, /No names were given, so the values decided/);
  });

  it('named the wrong way round: the roles are kept and the panel says they look swapped', async () => {
    const result = await explain(LOOKS_SWAPPED, { documentName: 'swapped.py' });
    assert.ok(result);
    assert.ok(Math.abs(result.loss - 20) < 1e-4, String(result.loss));
    assert.match(result.roleWarning ?? '', /look swapped/);
    assert.equal(result.rolesSwapped, false);
    const markdown = await savedMarkdown('swapped.md');
    assert.match(markdown, FORCED_LOSS);
    assert.match(markdown, /> \*\*Warning:\*\* The targets and the predictions look swapped/);

    // The command's swapRoles option (what the panel keeps in its state) gives the other walkthrough.
    const swapped = await explain(LOOKS_SWAPPED, { documentName: 'swapped.py', swapRoles: true });
    assert.ok(swapped);
    assert.equal(swapped.rolesSwapped, true);
    assert.equal(swapped.roleWarning, null);
    assert.match(await savedMarkdown('swapped-back.md'), ARTICLE_LOSS);
  });

  describe('the panel', () => {
    // As in panel.test.ts: the panel is opened from this suite's own copy of the module, on a
    // webview the test holds, so its page can be read; swapRoles() is what the page's button runs.
    const extensionUri = () => vscode.extensions.getExtension('loss-walkthrough.loss-walkthrough')!.extensionUri;
    const state = { version: 1, source: LOOKS_SWAPPED, documentName: 'swapped.py', documentUri: null, overrides: {}, renderedLabels: 50 } as const;

    beforeEach(async () => {
      WalkthroughPanel.active?.dispose();
      await closeAllEditors();
    });
    after(async () => {
      WalkthroughPanel.active?.dispose();
      await closeAllEditors();
    });

    it('shows the warning with a swap button; the swap redraws it with the roles exchanged, and again undoes it', async () => {
      const webviewPanel = vscode.window.createWebviewPanel(VIEW_TYPE, 'swapped', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true });
      await WalkthroughPanel.revive(webviewPanel, extensionUri(), state);
      const panel = WalkthroughPanel.active;
      assert.ok(panel);

      const before = webviewPanel.webview.html;
      assert.match(before, FORCED_LOSS);
      const warning = /<div class="lw-warning" role="alert"><p><strong>Warning:<\/strong> The targets and the predictions look swapped[^<]*0\.228393 instead of 20[^<]*<\/p><button type="button" class="lw-swap" data-message="swapRoles">Swap targets and predictions<\/button><\/div>/;
      assert.match(before, warning);
      // The button's message is one the extension accepts.
      assert.deepEqual(parseWebviewMessage({ type: 'swapRoles' }), { type: 'swapRoles' });

      const swapped = await panel.swapRoles();
      assert.ok(swapped.ok);
      assert.equal(swapped.value.parsed.rolesSwapped, true);
      // The page had loaded, so the swap went to it by message: webview.html is the page before.
      const after = panel.pageHtml ?? '';
      assert.match(after, ARTICLE_LOSS);
      assert.match((await panel.whenPainted())?.answer ?? '', ARTICLE_LOSS, 'the page shows the swapped walkthrough');
      assert.doesNotMatch(after, /lw-warning/);
      assert.match(after, /swapped, as asked/);
      assert.match(after, /<button type="button" class="lw-swap" data-message="swapRoles">Undo the swap<\/button>/);
      // Kept in the page's state, so a reload shows the swapped walkthrough.
      assert.equal(parsePanelState(pageState(after))?.overrides.swapRoles, true);
      assert.match(await savedMarkdownFrom(panel), ARTICLE_LOSS);

      const undone = await panel.swapRoles();
      assert.ok(undone.ok);
      assert.equal(undone.value.parsed.rolesSwapped, undefined);
      assert.match(panel.pageHtml ?? '', warning);
      assert.equal(parsePanelState(pageState(panel.pageHtml ?? ''))?.overrides.swapRoles, undefined);
      assert.match((await panel.whenPainted())?.answer ?? '', FORCED_LOSS);
    });

    it('a reload keeps the swap', async () => {
      const webviewPanel = vscode.window.createWebviewPanel(VIEW_TYPE, 'restored', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true });
      await WalkthroughPanel.revive(webviewPanel, extensionUri(), { ...state, overrides: { swapRoles: true } });
      assert.match(webviewPanel.webview.html, ARTICLE_LOSS);
      assert.match(webviewPanel.webview.html, /Undo the swap/);
    });
  });
});

/** The walkthrough the panel holds, as Markdown (this suite's panel is not the one the extension's save command sees). */
async function savedMarkdownFrom(panel: WalkthroughPanel): Promise<string> {
  const { renderMarkdown } = await import('../../../src/render');
  assert.ok(panel.walkthrough, 'the panel shows a walkthrough');
  return renderMarkdown(panel.walkthrough);
}
