/// <reference types="mocha" />
// Every panel export on a walkthrough of a million numbers (500,000 targets and 500,000
// predictions, the parser's default limit), in the real workbench: each is capped as the panel
// is (maxRenderedLabels derivations, the panel's table rows) and says what it left out, and each
// finishes. How long each took is logged, never asserted.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandId } from '../../../src/extension/commands';
import { MAX_PANEL_TABLE_ROWS } from '../../../src/extension/walkthrough/panel';
import { closeAllEditors, eventually, explain, openText, workspaceUri } from '../helpers';

const HALF = 500_000;
const DERIVATIONS = 50; // maxRenderedLabels' default
const LEFT_OUT = [
  `Step-by-step derivations are shown for ${DERIVATIONS} of ${HALF} elements`,
  `The table shows the first ${MAX_PANEL_TABLE_ROWS} of ${HALF} elements`,
];

async function revertUntitledAndClose(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'untitled')) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await closeAllEditors();
}

function assertCapped(what: string, text: string, card: (n: number) => string): void {
  for (const sentence of LEFT_OUT) assert.ok(text.includes(sentence), `${what} does not say: ${sentence}`);
  assert.ok(text.includes('0.223144'), `${what}: no loss`);
  assert.ok(text.includes(card(DERIVATIONS)), `${what}: no card ${DERIVATIONS}`);
  assert.ok(!text.includes(card(DERIVATIONS + 1)), `${what}: a card past the cap`);
  // Bounded: a few MB at most, whatever the input (the input alone is about 5 MB of text).
  assert.ok(text.length < 8_000_000, `${what} is ${text.length} characters`);
}

async function timed<T>(what: string, body: () => Thenable<T> | Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await body();
  console.log(`[million exports] ${what}: ${Math.round(performance.now() - started)} ms`);
  return result;
}

describe('exports of a million numbers', () => {
  after(revertUntitledAndClose);

  it('copies, saves and previews a million-number walkthrough, capped and saying what it left out', async function () {
    this.timeout(900_000);
    await revertUntitledAndClose();
    // Every element is y = 1, ŷ = 0.8 or y = 0, ŷ = 0.2, so every loss, and the mean, is −ln 0.8 = 0.223144.
    const targets = Array.from({ length: HALF }, (_, i) => (i % 2 ? '0' : '1')).join(', ');
    const predictions = Array.from({ length: HALF }, (_, i) => (i % 2 ? '0.2' : '0.8')).join(', ');
    const editor = await openText(`targets = [${targets}]\npredictions = [${predictions}]\n`, 'plaintext');
    editor.selection = new vscode.Selection(0, 0, editor.document.lineCount, 0);
    const result = await timed('explain', () => explain());
    assert.ok(result, 'the command returned no summary');
    assert.equal(result.elementCount, HALF);
    assert.equal(result.derivationCount, DERIVATIONS);

    const markdownCard = (n: number) => `### Element ${n}\n`;
    const latexCard = (n: number) => `{Element ${n}}`;
    const htmlCard = (n: number) => `id="lw-card-${n}"`;

    await timed('Copy LaTeX', () => vscode.commands.executeCommand(CommandId.copyLatex));
    const latex = await vscode.env.clipboard.readText();
    assert.match(latex, /\\begin\{document\}/);
    assertCapped('Copy LaTeX', latex, latexCard);

    await timed('Copy Markdown', () => vscode.commands.executeCommand(CommandId.copyMarkdown));
    assertCapped('Copy Markdown', await vscode.env.clipboard.readText(), markdownCard);

    const markdownFile = workspaceUri('million.md');
    await timed('Save as Markdown', () => vscode.commands.executeCommand(CommandId.saveMarkdown, markdownFile));
    assertCapped('Save as Markdown', new TextDecoder().decode(await vscode.workspace.fs.readFile(markdownFile)), markdownCard);

    const htmlFile = workspaceUri('million.html');
    await timed('Save as HTML', () => vscode.commands.executeCommand(CommandId.saveHtml, htmlFile));
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(htmlFile));
    assert.match(html, /^<!DOCTYPE html>/i);
    assertCapped('Save as HTML', html, htmlCard);
    assert.equal(html.match(/class="lw-card"/g)?.length, DERIVATIONS);

    await timed('Open as Markdown Preview', () => vscode.commands.executeCommand(CommandId.openMarkdownPreview));
    const preview = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'untitled' && d.languageId === 'markdown');
    assert.ok(preview, 'no untitled Markdown document');
    assertCapped('Markdown preview', preview.getText(), markdownCard);
    await eventually(async () =>
      vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .some((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('markdown.preview'))
        ? true
        : undefined,
    );
    for (const file of [markdownFile, htmlFile]) await vscode.workspace.fs.delete(file);
  });
});
