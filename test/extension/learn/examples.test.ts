/// <reference types="mocha" />
// lossWalkthrough.openExample opens the extension's own copy of an example as an untitled
// document (the workspace copy of examples/ gives the expected text), and
// with `{ explain: true }` explains it with the given overrides.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OpenExampleResult } from '../../../src/extension/learn/examples';
import { captureErrorMessages, closeAllEditors, workspaceUri } from '../helpers';

const OPEN_EXAMPLE = 'lossWalkthrough.openExample';

/** Runs the command; an error message it shows fails the test with that message. */
async function openExample(...args: unknown[]): Promise<OpenExampleResult | undefined> {
  return captureErrorMessages(undefined, async (messages) => {
    const result = await vscode.commands.executeCommand<OpenExampleResult | undefined>(OPEN_EXAMPLE, ...args);
    assert.deepEqual(messages, [], 'error shown');
    return result;
  });
}

async function workspaceText(name: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(name)));
}

/** Untitled documents stay dirty; revert them so that closing asks nothing. */
async function revertUntitled(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'untitled')) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await closeAllEditors();
}

describe('open an example', () => {
  beforeEach(revertUntitled);
  after(revertUntitled);

  it('opens article.py with its text, all of it selected, and shows the same copy again', async () => {
    const result = await openExample('article.py');
    assert.ok(result);
    assert.equal(result.explanation, undefined);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.equal(editor.document.uri.toString(), result.documentUri);
    assert.equal(editor.document.uri.scheme, 'untitled');
    assert.equal(editor.document.languageId, 'python');
    assert.equal(editor.document.getText(), await workspaceText('article.py'));
    assert.equal(editor.document.getText(editor.selection), editor.document.getText());
    assert.equal((await openExample('article.py'))?.documentUri, result.documentUri);
  });

  it('explains it when asked, with the overrides given (the article example in log base 10)', async () => {
    const result = await openExample('article.py', { explain: true, logBase: '10' });
    const explanation = result?.explanation;
    assert.ok(explanation);
    assert.equal(explanation.documentName, 'article.py');
    assert.equal(explanation.logBase, '10');
    assert.deepEqual(explanation.labels, ['car', 'cat', 'dog']);
    // loss-semantics.md: the tutorial's log10 mean 0.09918982 (float32 agrees to 6 digits).
    assert.equal(explanation.loss.toPrecision(6), '0.0991898');
  });

  it('explains the logits and batch examples the later steps use', async () => {
    const logits = (await openExample('pytorch_logits.py', { explain: true }))?.explanation;
    assert.ok(logits);
    assert.equal(logits.inputKind, 'logits');
    // loss-semantics.md: logits [2, -1, 3], targets [1, 0, 1], mean 0.162926.
    assert.equal(logits.loss.toPrecision(6), '0.162926');
    const batch = (await openExample('batch.py', { explain: true }))?.explanation;
    assert.ok(batch);
    assert.equal(batch.elementCount, 9);
    // By hand: the nine −ln terms sum to 2.98985; over 9 elements, 0.332205.
    assert.equal(batch.loss.toPrecision(6), '0.332205');
  });

  it('refuses a name that is not one of the examples, and says which are', async () => {
    await captureErrorMessages(undefined, async (messages) => {
      assert.equal(await vscode.commands.executeCommand(OPEN_EXAMPLE, '../package.json'), undefined);
      assert.equal(await vscode.commands.executeCommand(OPEN_EXAMPLE, 42), undefined);
      assert.equal(messages.length, 2);
      assert.match(messages[0]!.message, /no example called \.\.\/package\.json.*article\.py/);
    });
  });
});
