/// <reference types="mocha" />
// The live-values entry points when no program is paused (the paused cases run under a real
// debugger in `npm run test:live`): each says what to do, and nothing opens.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { captureErrorMessages, closeAllEditors, explain, openText, walkthroughTabs } from '../helpers';

describe('Live values without a paused program', () => {
  beforeEach(closeAllEditors);
  after(closeAllEditors);

  it('the cursor on a loss line with no debug session: says to stop at a breakpoint, opens no panel', async () => {
    const editor = await openText('criterion = nn.BCEWithLogitsLoss(pos_weight=w)\n\nloss = criterion(outputs, labels)\n');
    editor.selection = new vscode.Selection(2, 3, 2, 3);
    await captureErrorMessages(undefined, async (messages) => {
      assert.equal(await explain(), undefined);
      assert.equal(messages.length, 1);
      assert.match(messages[0]!.message, /start debugging, stop at a breakpoint/);
    });
    assert.equal(walkthroughTabs().length, 0);
  });

  it('a loss line beside literal arrays is still explained from the text', async () => {
    const editor = await openText('targets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]\nloss = F.binary_cross_entropy(predictions, targets)\n');
    editor.selection = new vscode.Selection(2, 0, 2, 0);
    const result = await explain();
    assert.ok(result);
    assert.equal(result.loss.toPrecision(6), '0.228393');
  });

  it('Use as Targets with no paused session says so', async () => {
    await captureErrorMessages(undefined, async (messages) => {
      assert.equal(await vscode.commands.executeCommand('lossWalkthrough.useAsTargets', { variable: { name: 'labels', evaluateName: 'labels' } }), undefined);
      assert.equal(messages.length, 1);
      assert.match(messages[0]!.message, /start debugging|not paused/);
    });
  });

  it('Update at the current stop without a walkthrough from a paused program says so', async () => {
    const window = vscode.window as { showInformationMessage: unknown };
    const original = window.showInformationMessage;
    const messages: string[] = [];
    window.showInformationMessage = (message: string) => (messages.push(message), Promise.resolve(undefined));
    try {
      assert.equal(await vscode.commands.executeCommand('lossWalkthrough.updateAtCurrentStop'), undefined);
    } finally {
      window.showInformationMessage = original;
    }
    assert.equal(messages.length, 1);
    assert.match(messages[0]!, /did not come from a paused program/);
  });
});
