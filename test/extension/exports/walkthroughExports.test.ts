/// <reference types="mocha" />
// Exports reachable from the palette and from the panel alike, and "Open as Markdown Preview":
// the Markdown export in an untitled document, shown in VS Code's own Markdown preview.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandId } from '../../../src/extension/commands';
import { PANEL_ACTIONS } from '../../../src/extension/walkthrough/messages';
import { closeAllEditors, eventually, explain, openExample } from '../helpers';

const EXTENSION_ID = 'loss-walkthrough.loss-walkthrough';

async function revertUntitledAndClose(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'untitled')) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await closeAllEditors();
}

describe('exports', () => {
  beforeEach(revertUntitledAndClose);
  after(revertUntitledAndClose);

  it('every panel button has a palette command and a panel context-menu entry', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: { menus: Record<string, { command: string; when?: string }[]> };
    };
    const palette = manifest.contributes.menus['commandPalette']!.map((m) => m.command);
    const webview = manifest.contributes.menus['webview/context']!.map((m) => m.command);
    const ids: Record<string, string> = CommandId;
    for (const action of PANEL_ACTIONS) {
      const id = ids[action];
      assert.ok(id, `no command for the panel action ${action}`);
      assert.ok(palette.includes(id), `${id} is not in the palette`);
      assert.ok(webview.includes(id), `${id} is not in the panel's context menu`);
    }
    assert.deepEqual([...PANEL_ACTIONS].sort(), ['copyLatex', 'copyMarkdown', 'openMarkdownPreview', 'saveHtml', 'saveMarkdown']);
  });

  it('opens the Markdown export in the Markdown preview', async () => {
    await openExample('article.py', 6, 0);
    assert.ok(await explain());
    await vscode.commands.executeCommand(CommandId.openMarkdownPreview);
    const markdown = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'untitled' && d.languageId === 'markdown');
    assert.ok(markdown, 'no untitled Markdown document');
    assert.match(markdown.getText(), /^# /);
    assert.match(markdown.getText(), /0\.228393/);
    for (const label of ['car', 'cat', 'dog']) assert.match(markdown.getText(), new RegExp(`### ${label} `));
    // The preview is a webview tab of the Markdown extension.
    await eventually(async () =>
      vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .some((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('markdown.preview'))
        ? true
        : undefined,
    );
  });

  it('says there is nothing to export when no walkthrough is open', async () => {
    const window = vscode.window as { showInformationMessage: unknown };
    const original = window.showInformationMessage;
    const shown: string[] = [];
    window.showInformationMessage = (message: string) => (shown.push(message), Promise.resolve(undefined));
    try {
      await vscode.commands.executeCommand(CommandId.openMarkdownPreview);
    } finally {
      window.showInformationMessage = original;
    }
    assert.equal(shown.length, 1);
    assert.match(shown[0]!, /Explain Binary Cross Entropy/);
    assert.equal(vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'untitled' && d.languageId === 'markdown').length, 0);
  });
});
