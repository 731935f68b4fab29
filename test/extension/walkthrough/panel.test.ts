/// <reference types="mocha" />
// The open panel stays current: a changed setting recomputes it, and with followSelection on
// it follows the selection. What it shows is read back through the Save as Markdown command.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { WalkthroughPanel } from '../../../src/extension/walkthrough/panel';
import { VIEW_TYPE, closeAllEditors, eventually, explain, openExample, panelPainted, walkthroughTabs, withSetting, workspaceUri } from '../helpers';

async function savedMarkdown(name: string): Promise<string> {
  const target = workspaceUri(name);
  await vscode.commands.executeCommand('lossWalkthrough.saveMarkdown', target);
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
}

describe('walkthrough panel', () => {
  beforeEach(closeAllEditors);
  after(closeAllEditors);

  it('recomputes an open panel when a setting changes', async () => {
    await openExample('article.py', 6, 0);
    assert.ok(await explain());
    assert.match(await savedMarkdown('before.md'), /0\.228393/);
    await withSetting('logBase', '10', async () => {
      // The refresh is asynchronous (it renders equations); the file shows it once it is done.
      const after = await eventually(async () => {
        const text = await savedMarkdown('after.md');
        return /0\.0991898/.test(text) ? text : undefined;
      });
      assert.doesNotMatch(after, /0\.228393\b/);
    });
  });

  it('follows the selection when lossWalkthrough.followSelection is on', async () => {
    await openExample('article.py', 6, 0);
    assert.ok(await explain());
    await withSetting('followSelection', true, async () => {
      const editor = await openExample('batch.py', 2, 0);
      const last = editor.document.lineCount - 1;
      editor.selection = new vscode.Selection(2, 0, last, editor.document.lineAt(last).text.length);
      await eventually(async () => (walkthroughTabs()[0]?.label === 'BCE: batch.py' ? true : undefined));
      assert.equal(walkthroughTabs().length, 1);
    });
  });

  it('does not redraw the panel when only followSelection changes (nothing on the page depends on it)', async () => {
    await openExample('article.py', 6, 0);
    assert.ok(await explain());
    const before = await panelPainted();
    assert.ok(before);
    await withSetting('followSelection', true, async () => {
      // A refresh starts on the configuration event; had one started, the page would be a later run.
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal((await panelPainted())?.run, before.run);
    });
    // A setting the page shows still redraws it.
    await withSetting('precision', 3, () => eventually(async () => ((await panelPainted())?.run ?? 0) > before.run || undefined));
  });

  it('does not follow the selection while followSelection is off', async () => {
    await openExample('article.py', 6, 0);
    assert.ok(await explain());
    const editor = await openExample('batch.py', 2, 0);
    editor.selection = new vscode.Selection(2, 0, 11, 1);
    // Past the follow delay (300 ms): had the panel followed, it would have switched by now.
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.equal(walkthroughTabs()[0]?.label, 'BCE: article.py');
  });

  it('copies the walkthrough to the clipboard as LaTeX and as Markdown', async () => {
    await openExample('article.py', 6, 0);
    assert.ok(await explain());
    await vscode.commands.executeCommand('lossWalkthrough.copyLatex');
    const latex = await vscode.env.clipboard.readText();
    assert.match(latex, /\\begin\{document\}/);
    assert.match(latex, /0\.228393/);
    await vscode.commands.executeCommand('lossWalkthrough.copyMarkdown');
    const markdown = await vscode.env.clipboard.readText();
    assert.doesNotMatch(markdown, /\\begin\{document\}/);
    assert.match(markdown, /0\.228393/);
  });

  it('saves the walkthrough as a standalone HTML page', async () => {
    await openExample('article.py', 6, 0);
    assert.ok(await explain());
    const target = workspaceUri('walkthrough.html');
    await vscode.commands.executeCommand('lossWalkthrough.saveHtml', target);
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(html, /^<!DOCTYPE html>/i);
    assert.match(html, /<svg/);
    assert.match(html, /0\.228393/);
    // One card per label, each with its equations, as the panel shows them.
    assert.equal(html.match(/class="lw-card"/g)?.length, 3);
    for (const label of ['car', 'cat', 'dog']) assert.match(html, new RegExp(`>${label} `));
  });
});

describe('walkthrough panel: a chosen heatmap cell', () => {
  // The panel's message handler, as the webview's 'showElement' message reaches it. This suite's
  // bundle has its own copy of the panel module, so the panel is opened here, from the same code.
  const extensionUri = () => vscode.extensions.getExtension('loss-walkthrough.loss-walkthrough')!.extensionUri;
  const show = async (name: string, renderedLabels: number) => {
    const source = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(name)));
    const state = { version: 1, source, documentName: name, documentUri: null, overrides: {}, renderedLabels } as const;
    const outcome = await WalkthroughPanel.show(extensionUri(), state);
    assert.ok(outcome.result.ok);
    const panel = WalkthroughPanel.active;
    assert.ok(panel);
    return { panel, walkthrough: outcome.result.value };
  };

  beforeEach(async () => {
    WalkthroughPanel.active?.dispose();
    await closeAllEditors();
  });
  after(async () => {
    WalkthroughPanel.active?.dispose();
    await closeAllEditors();
  });

  it('shows the derivation of any element, also one beyond the rendered cards', async () => {
    // batch.py: three samples of [car, cat, dog]; only two cards are rendered up front.
    const { panel, walkthrough } = await show('batch.py', 2);
    assert.equal(walkthrough.derivations.length, 2);
    // Element 5 (from 0) is sample 2, dog: target 0, prediction 0.1, so the loss is −ln(0.9) = 0.105361.
    const shown = await panel.showElement(5);
    assert.ok(shown.card.ok);
    assert.equal(shown.delivered, true);
    assert.match(shown.card.value, /data-element="1,2"/);
    assert.match(shown.card.value, />dog /);
    assert.match(shown.card.value, /0\.105361/);
    assert.match(shown.card.value, /<svg/);
  });

  it('says so for an index outside the input, and tells the page', async () => {
    const { panel } = await show('article.py', 50);
    const shown = await panel.showElement(3);
    assert.equal(shown.card.ok, false);
    assert.equal(shown.delivered, true);
  });
});

describe('walkthrough panel after a window reload', () => {
  // VS Code calls the serializer with the state panel.js saved; WalkthroughPanel.revive is what it
  // runs. The panel here is created by the test, as the workbench would create it on reload.
  const extensionUri = () => vscode.extensions.getExtension('loss-walkthrough.loss-walkthrough')!.extensionUri;
  const createPanel = () =>
    vscode.window.createWebviewPanel(VIEW_TYPE, 'restored', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true });

  beforeEach(closeAllEditors);
  after(closeAllEditors);

  it('rebuilds the walkthrough from the saved text, with the settings of the moment', async () => {
    const panel = createPanel();
    const state = {
      version: 1,
      source: 'labels = [car, cat, dog]\ntargets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]',
      documentName: 'article.py',
      documentUri: null,
      overrides: {},
      renderedLabels: 50,
    };
    await withSetting('logBase', '10', () => WalkthroughPanel.revive(panel, extensionUri(), state));
    assert.equal(panel.title, 'BCE: article.py');
    const html = panel.webview.html;
    // The cards typeset within the first budget are in the page; the rest follow it by message.
    const inPage = html.match(/class="lw-card"/g)?.length ?? 0;
    const pending = Number(/data-lw-pending-cards="(\d+)"/.exec(html)?.[1]);
    assert.ok(inPage >= 1);
    assert.equal(inPage + pending, 3);
    assert.match(html, /0\.0991898/);
    assert.match(html, /id="lw-state"/, 'the state is written again, for the next reload');
  });

  it('keeps a warm page small: the cards past the first few follow by message, even with every equation cached', async () => {
    const n = 50;
    const targets = Array.from({ length: n }, (_, i) => i % 2);
    const predictions = Array.from({ length: n }, (_, i) => ((i * 37) % 97) / 100 + 0.005);
    const state = { version: 1, source: `targets = [${targets.join(', ')}]\npredictions = [${predictions.join(', ')}]`, documentName: 'warm.py', documentUri: null, overrides: {}, renderedLabels: n };
    const first = createPanel();
    await WalkthroughPanel.revive(first, extensionUri(), state);
    first.dispose();
    // The same equations again: all of them typeset within the time budget from the cache.
    const panel = createPanel();
    await WalkthroughPanel.revive(panel, extensionUri(), state);
    const html = panel.webview.html;
    const inPage = html.match(/class="lw-card"/g)?.length ?? 0;
    const pending = Number(/data-lw-pending-cards="(\d+)"/.exec(html)?.[1]);
    assert.equal(inPage + pending, n);
    assert.ok(inPage >= 1 && inPage < 10, `${inPage} cards in the first page`);
  });

  it('says so when nothing was kept to rebuild from', async () => {
    const panel = createPanel();
    await WalkthroughPanel.revive(panel, extensionUri(), undefined);
    assert.match(panel.webview.html, /Run &quot;Explain Binary Cross Entropy&quot; again/);
  });
});

describe('walkthrough panel: a loaded page takes the next run', () => {
  // Writing webview.html makes the webview load a new document (hundreds of milliseconds in the
  // web workbench); a page that has loaded gets the next run by message instead.
  const extensionUri = () => vscode.extensions.getExtension('loss-walkthrough.loss-walkthrough')!.extensionUri;
  const stateOf = (source: string, documentName: string) => ({ version: 1, source, documentName, documentUri: null, overrides: {}, renderedLabels: 50 }) as const;
  const ARTICLE = stateOf('targets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]', 'article.py');
  // −(ln 0.6 + ln 0.5) / 2 = 0.601986
  const OTHER = stateOf('targets = [1, 0]\npredictions = [0.6, 0.5]', 'other.py');

  beforeEach(async () => {
    WalkthroughPanel.active?.dispose();
    await closeAllEditors();
  });
  after(async () => {
    WalkthroughPanel.active?.dispose();
    await closeAllEditors();
  });

  it('a new panel shows its first walkthrough, sent to the page it loaded meanwhile', async () => {
    const outcome = await WalkthroughPanel.show(extensionUri(), ARTICLE);
    assert.ok(outcome.result.ok);
    assert.equal(outcome.reused, false);
    const panel = WalkthroughPanel.active;
    assert.ok(panel);
    assert.match((await panel.whenPainted())?.answer ?? '', /^Loss L = 0\.228393\.$/);
    // The webview still holds the page it loaded meanwhile (the panel's own webview, for want of another handle on it).
    const webview = (panel as unknown as { readonly panel: vscode.WebviewPanel }).panel.webview;
    assert.match(webview.html, /class="lw-loading"/, 'the walkthrough went to the loading page by message');
    assert.doesNotMatch(webview.html, /mjx-container/, 'the loading page has no equation');
    assert.doesNotMatch(webview.html, /class="lw-card"/);
  });

  it("a new panel's first page shows the summary and the table of a walkthrough already built, before MathJax", async () => {
    const { explainSource, effectiveOptions } = await import('../../../src/extension/walkthrough/explain');
    const { readSettings } = await import('../../../src/extension/settings');
    const { panelExtent } = await import('../../../src/extension/walkthrough/panel');
    const built = explainSource(ARTICLE.source, effectiveOptions(readSettings(), {}), panelExtent(ARTICLE));
    assert.ok(built.ok);
    const outcome = await WalkthroughPanel.show(extensionUri(), ARTICLE, built.value);
    assert.ok(outcome.result.ok);
    const panel = WalkthroughPanel.active;
    assert.ok(panel);
    const painted = await panel.whenPainted();
    assert.match(painted?.answer ?? '', /^Loss L = 0\.228393\.$/);
    assert.ok(painted && painted.answerAt <= painted.firstPaintAt, 'the loss showed no later than the first part');
    const webview = (panel as unknown as { readonly panel: vscode.WebviewPanel }).panel.webview;
    // The page the webview loaded first: the answer and the table, the steps still being typeset.
    assert.match(webview.html, /<p class="lw-answer">Loss L = 0\.228393\.<\/p>/);
    assert.match(webview.html, /<table class="lw-table">/);
    assert.match(webview.html, /Typesetting the steps…/);
    assert.doesNotMatch(webview.html, /mjx-container|class="lw-card"|data-message="renderMore"/);
  });

  it('sends a second run to the loaded page, and writes it as the HTML when the panel is hidden', async () => {
    const webviewPanel = vscode.window.createWebviewPanel(VIEW_TYPE, 'first', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true });
    await WalkthroughPanel.revive(webviewPanel, extensionUri(), ARTICLE);
    const panel = WalkthroughPanel.active;
    assert.ok(panel);
    // Painted: the page's script runs, so it has said it is loaded.
    assert.match((await panel.whenPainted())?.answer ?? '', /0\.228393/);
    const firstHtml = webviewPanel.webview.html;

    const second = await panel.update(OTHER);
    assert.ok(second.ok);
    assert.match((await panel.whenPainted())?.answer ?? '', /^Loss L = 0\.601986\.$/, 'the page shows the second run');
    assert.equal(webviewPanel.webview.html, firstHtml, 'no new document: the run went by message');
    assert.match(panel.pageHtml ?? '', /0\.601986/);

    // A hidden webview drops its page and loads its HTML when shown again: that HTML must be the second run.
    const document = await vscode.workspace.openTextDocument({ content: 'x = 1', language: 'python' });
    await vscode.window.showTextDocument(document, { viewColumn: webviewPanel.viewColumn, preview: false });
    await eventually(async () => (webviewPanel.visible ? undefined : true));
    await eventually(async () => (/0\.601986/.test(webviewPanel.webview.html) ? true : undefined));
    assert.doesNotMatch(webviewPanel.webview.html, /0\.228393/);
  });
});
