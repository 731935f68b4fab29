/// <reference types="mocha" />
// The title bar's exports on the softmax panel, in the real workbench: each writes the softmax
// walkthrough's document (read back from the clipboard, the saved file, the preview's document),
// capped as the panel is; with both panels open they act on the one active or last run; and an
// open softmax panel follows a changed setting. Expected numbers were printed by
// test/core/softmax/goldens.py with the real PyTorch 1.13.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandId, SOFTMAX_VIEW_TYPE, WALKTHROUGH_VIEW_TYPE } from '../../../src/extension/commands';
import { PANEL_ACTIONS } from '../../../src/extension/walkthrough/messages';
import { MAX_PANEL_TABLE_ROWS } from '../../../src/extension/walkthrough/panel';
import { closeAllEditors, eventually, explain, openExample, withSetting, workspaceUri } from '../helpers';

const EXTENSION_ID = 'loss-walkthrough.loss-walkthrough';
const TEXT = 'y = [0, 2, 1, 2]\nlogits = [[2.0, 1.0, 0.1], [0.5, 2.5, -1.0], [-1.2, 0.3, 3.3], [0.0, 0.0, 0.0]]\n';
// torch.nn.CrossEntropyLoss()(logits, y) = 2.056983709335327 (float32), reduction='sum': 8.227934837341309.
const ANSWER = 'Softmax cross entropy (mean) = 2.05698';
const SUM_ANSWER = 'Softmax cross entropy (sum) = 8.22793';
// BCE on examples/article.py (the article's numbers, in nats).
const BCE_LOSS = '0.228393';

function softmaxTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(SOFTMAX_VIEW_TYPE));
}

async function revertUntitledAndClose(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'untitled')) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.window.tabGroups.close(softmaxTabs());
  await closeAllEditors();
}

async function explainSoftmax(text: string, documentName: string): Promise<void> {
  const r = await vscode.commands.executeCommand<{ loss: number } | undefined>(CommandId.explainSoftmaxCrossEntropy, text, { documentName });
  assert.ok(r, 'the softmax command returned nothing');
}

async function clipboardAfter(command: string): Promise<string> {
  await vscode.env.clipboard.writeText('');
  await vscode.commands.executeCommand(command);
  return vscode.env.clipboard.readText();
}

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

describe('exports of the softmax panel', () => {
  beforeEach(revertUntitledAndClose);
  after(revertUntitledAndClose);

  it("the title bar's and the panel context menu's exports show on the softmax panel too", () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: { menus: Record<string, { command: string; when?: string }[]> };
    };
    const ids: Record<string, string> = CommandId;
    // A `when` of alternatives joined by ||; each panel's clause must be one of them on its own.
    const alternatives = (when: string | undefined) => (when ?? '').split('||').map((a) => a.trim());
    for (const action of PANEL_ACTIONS) {
      const id = ids[action]!;
      const title = manifest.contributes.menus['editor/title']!.filter((m) => m.command === id);
      assert.equal(title.length, 1, `${id} is in the title bar once`);
      for (const viewType of [WALKTHROUGH_VIEW_TYPE, SOFTMAX_VIEW_TYPE]) {
        assert.ok(alternatives(title[0]!.when).includes(`activeWebviewPanelId == '${viewType}'`), `${id} in the title bar of ${viewType}: ${title[0]!.when}`);
      }
      const context = manifest.contributes.menus['webview/context']!.filter((m) => m.command === id);
      assert.equal(context.length, 1, `${id} is in the panel's context menu once`);
      for (const viewType of [WALKTHROUGH_VIEW_TYPE, SOFTMAX_VIEW_TYPE]) {
        assert.ok(alternatives(context[0]!.when).includes(`webviewId == '${viewType}'`), `${id} in the context menu of ${viewType}: ${context[0]!.when}`);
      }
    }
  });

  it('copies, saves and previews the softmax walkthrough', async () => {
    await explainSoftmax(TEXT, 'batch');

    const latex = await clipboardAfter(CommandId.copyLatex);
    assert.match(latex, /^\\documentclass\{article\}/);
    assert.match(latex, /\\section\*\{Softmax cross entropy walkthrough\}/);
    assert.ok(latex.includes(`\\textbf{${ANSWER}}`), 'the answer, in bold');
    assert.equal(latex.match(/\\subsubsection\*\{Sample \d/g)?.length, 4, 'one card per sample');

    const markdown = await clipboardAfter(CommandId.copyMarkdown);
    assert.match(markdown, /^# Softmax cross entropy walkthrough\n/);
    assert.ok(markdown.includes(`**${ANSWER}**`), 'the answer, in bold');
    for (const n of [0, 1, 2, 3]) assert.match(markdown, new RegExp(`^### Sample ${n} \\(target `, 'm'));
    // The per-sample losses of torch_idx_none, in the table.
    for (const loss of ['0.417030', '3.65318', '3.05911', '1.09861']) assert.ok(markdown.includes(loss), loss);

    const markdownFile = workspaceUri('softmax-export.md');
    const htmlFile = workspaceUri('softmax-export.html');
    try {
      await vscode.commands.executeCommand(CommandId.saveMarkdown, markdownFile);
      assert.equal(await readText(markdownFile), markdown, 'the saved file is the copied Markdown');

      await vscode.commands.executeCommand(CommandId.saveHtml, htmlFile);
      const html = await readText(htmlFile);
      assert.match(html, /^<!DOCTYPE html>/i);
      assert.match(html, /<title>Softmax cross entropy: batch<\/title>/);
      assert.match(html, /<h1>Softmax cross entropy: batch<\/h1>/);
      assert.ok(html.includes(`<p class="lw-answer">${ANSWER}</p>`), 'the answer');
      assert.equal(html.match(/class="lw-card"/g)?.length, 4);
      assert.match(html, /<svg/, 'typeset equations');
      // Standalone: the walkthrough stylesheet is inlined, and nothing runs or loads.
      assert.match(html, /\.lw-card/);
      assert.doesNotMatch(html, /<script|<link /i);
    } finally {
      for (const file of [markdownFile, htmlFile]) await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
    }

    await vscode.commands.executeCommand(CommandId.openMarkdownPreview);
    const preview = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'untitled' && d.languageId === 'markdown');
    assert.ok(preview, 'no untitled Markdown document');
    assert.equal(preview.getText(), markdown);
    await eventually(async () =>
      vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .some((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('markdown.preview'))
        ? true
        : undefined,
    );
  });

  it("proposes a file name beside the document, named for softmax CE, in the save dialog", async () => {
    const file = workspaceUri('softmax-batch.py');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(TEXT));
    const window = vscode.window as { showSaveDialog: unknown };
    const original = window.showSaveDialog;
    const proposed: (string | undefined)[] = [];
    try {
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file), { viewColumn: vscode.ViewColumn.One });
      editor.selection = new vscode.Selection(0, 0, editor.document.lineCount, 0);
      const r = await vscode.commands.executeCommand<{ loss: number } | undefined>(CommandId.explainSoftmaxCrossEntropy);
      assert.ok(r);
      // The person cancels the dialog: nothing is written.
      window.showSaveDialog = (options?: vscode.SaveDialogOptions) => (proposed.push(options?.defaultUri?.toString()), Promise.resolve(undefined));
      await vscode.commands.executeCommand(CommandId.saveMarkdown);
      await vscode.commands.executeCommand(CommandId.saveHtml);
    } finally {
      window.showSaveDialog = original;
      await vscode.workspace.fs.delete(file);
    }
    assert.deepEqual(proposed, [workspaceUri('softmax-batch.softmax-ce.md').toString(), workspaceUri('softmax-batch.softmax-ce.html').toString()]);
  });

  it('caps what it writes as the panel does, and says what it left out', async function () {
    this.timeout(120_000);
    // Every sample has equal logits: each loss, and the mean, is ln 3 = 1.09861.
    const samples = MAX_PANEL_TABLE_ROWS + 1_000;
    const text = `y = [${Array.from({ length: samples }, (_, i) => i % 3).join(', ')}]\nlogits = [${Array.from({ length: samples }, () => '[0, 0, 0]').join(', ')}]\n`;
    await withSetting('maxRenderedLabels', 3, async () => {
      await explainSoftmax(text, 'many');
      const markdown = await clipboardAfter(CommandId.copyMarkdown);
      assert.ok(markdown.includes('Softmax cross entropy (mean) = 1.09861'), 'the answer covers every sample');
      assert.ok(markdown.includes(`Step-by-step derivations are shown for the first 3 of ${samples} samples.`), 'says which derivations');
      assert.ok(markdown.includes(`The table lists the first ${MAX_PANEL_TABLE_ROWS} of ${samples} samples.`), 'says which rows');
      assert.equal(markdown.match(/^### Sample /gm)?.length, 3);
      // Rows 0 to MAX_PANEL_TABLE_ROWS − 1 (the which-loss table has rows 0 to 19 too).
      assert.match(markdown, new RegExp(`^\\| ${MAX_PANEL_TABLE_ROWS - 1} \\|`, 'm'));
      assert.doesNotMatch(markdown, new RegExp(`^\\| ${MAX_PANEL_TABLE_ROWS} \\|`, 'm'));
    });
  });

  it('with both panels open, acts on the one last run, or the one made active', async () => {
    await openExample('article.py', 6, 0);
    await explainSoftmax(TEXT, 'batch');
    assert.ok(await explain());
    assert.match(await clipboardAfter(CommandId.copyMarkdown), new RegExp(BCE_LOSS), 'BCE was run last');
    await explainSoftmax(TEXT, 'batch');
    assert.ok((await clipboardAfter(CommandId.copyMarkdown)).includes(ANSWER), 'softmax was run last');

    // Both panels are in the second group; the softmax one is on top. Make the BCE panel the active editor, as a click on its tab does.
    await vscode.commands.executeCommand('workbench.action.focusSecondEditorGroup');
    const bceTab = vscode.window.tabGroups.activeTabGroup.tabs.findIndex((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(WALKTHROUGH_VIEW_TYPE));
    assert.ok(bceTab >= 0, 'the BCE panel is in the second group');
    await vscode.commands.executeCommand('workbench.action.openEditorAtIndex', bceTab);
    await eventually(async () => (vscode.window.tabGroups.activeTabGroup.activeTab?.label === 'BCE: article.py' ? true : undefined));
    const copied = await eventually(async () => {
      const text = await clipboardAfter(CommandId.copyMarkdown);
      return text.includes(BCE_LOSS) ? text : undefined;
    }, 40);
    assert.ok(!copied.includes(ANSWER));

    // Closed, it is no export target: the other panel is.
    await vscode.window.tabGroups.close(vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.label === 'BCE: article.py'));
    await eventually(async () => ((await clipboardAfter(CommandId.copyMarkdown)).includes(ANSWER) ? true : undefined), 40);
  });

  it('follows a changed setting, as the BCE panel does', async () => {
    await explainSoftmax(TEXT, 'batch');
    assert.ok((await clipboardAfter(CommandId.copyMarkdown)).includes(ANSWER));
    await withSetting('reduction', 'sum', async () => {
      // The refresh is asynchronous (it renders equations); the export shows it once it is done.
      await eventually(async () => ((await clipboardAfter(CommandId.copyMarkdown)).includes(SUM_ANSWER) ? true : undefined));
    });
    await eventually(async () => ((await clipboardAfter(CommandId.copyMarkdown)).includes(ANSWER) ? true : undefined));
  });

  it('a setting the input cannot take leaves nothing to export, until it is put back', async () => {
    // PyTorch skips target −100 (ignore_index); the mean is sample 0's loss, 0.417030 (torch_idx_none). Keras has no ignore_index.
    await explainSoftmax('y = [0, -100]\nlogits = [[2.0, 1.0, 0.1], [0.5, 2.5, -1.0]]\n', 'ignored');
    const before = await clipboardAfter(CommandId.copyMarkdown);
    assert.ok(before.includes('Softmax cross entropy (mean) = 0.417030'), 'under PyTorch');
    const window = vscode.window as { showWarningMessage: unknown };
    const original = window.showWarningMessage;
    const warnings: string[] = [];
    window.showWarningMessage = (message: string) => (warnings.push(message), Promise.resolve(undefined));
    try {
      await withSetting('preset', 'keras', async () => {
        await eventually(async () => {
          warnings.length = 0;
          const copied = await clipboardAfter(CommandId.copyMarkdown);
          return warnings.length === 1 && copied === '' ? true : undefined;
        });
        assert.deepEqual(warnings, ['The panel shows no walkthrough to export.']);
      });
    } finally {
      window.showWarningMessage = original;
    }
    await eventually(async () => ((await clipboardAfter(CommandId.copyMarkdown)) === before ? true : undefined));
  });
});
