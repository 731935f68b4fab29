/// <reference types="mocha" />
// Failures are visible and contained: every command, with good and bad arguments, settles (no
// unhandled rejection in the extension host, web worker or Node alike); bad input gets the
// engine's message; an unexpected error gets a short message that points at the log.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { guarded, OUTPUT_CHANNEL_NAME } from '../../src/extension/log';
import { captureErrorMessages, closeAllEditors, explain, openText, recordUnhandledRejections } from './helpers';

/** Rejections are reported after the microtasks of their task: give them a few tasks. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

const throwingToString = {
  toString(): string {
    throw new Error('a name that cannot be read');
  },
};

describe('failures are visible', () => {
  let recorder: ReturnType<typeof recordUnhandledRejections>;
  before(() => {
    recorder = recordUnhandledRejections();
  });
  after(async () => {
    recorder.stop();
    await closeAllEditors();
  });

  it('every command settles with good and bad input, and no rejection goes unhandled', async function () {
    this.timeout(120_000);
    await captureErrorMessages(undefined, async (messages) => {
      const good = await explain('targets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]');
      assert.equal(good?.loss.toPrecision(6), '0.228393');
      await vscode.commands.executeCommand('lossWalkthrough.copyMarkdown');

      assert.equal(await explain('targets = [1, 0, 1\npredictions = [0.8, 0.3, 0.9]'), undefined);
      assert.equal(await explain('targets = [1, 0, 1]\npredictions = [0.8, 1.3, 0.9]', { inputKind: 'probabilities' }), undefined);
      assert.equal(await explain('', { preset: 'nope', precision: 'x', reduction: {} }), undefined);
      await openText('no numbers here at all', 'plaintext');
      assert.equal(await explain(), undefined);
      assert.equal(await vscode.commands.executeCommand('lossWalkthrough.openExample', 'no-such-example.py'), undefined);
      assert.equal(await vscode.commands.executeCommand('lossWalkthrough.explainFromHover', { uri: 42, spans: 'x' }), undefined);
      assert.ok(messages.length >= 5, `the bad inputs were each reported: ${messages.map((m) => m.message).join(' | ')}`);
      assert.match(messages[0]?.message ?? '', /index|bracket|close/i, 'the unclosed bracket is reported first');

      await closeAllEditors();
      // With no panel open the palette commands say so instead of failing.
      await vscode.commands.executeCommand('lossWalkthrough.copyLatex');
      await vscode.commands.executeCommand('lossWalkthrough.saveHtml');
    });
    await settle();
    assert.deepEqual(recorder.reasons.map(String), []);
  });

  it('an unexpected error inside a command is logged and shown as a short message, not thrown', async () => {
    await captureErrorMessages(undefined, async (messages) => {
      // openExample quotes the name it was given: a name whose text cannot be read throws inside.
      const result = await vscode.commands.executeCommand('lossWalkthrough.openExample', throwingToString);
      assert.equal(result, undefined);
      assert.equal(messages.length, 1);
      assert.match(messages[0]?.message ?? '', /^Loss Walkthrough: Open Example failed unexpectedly\. The details are in the "Loss Walkthrough" output\.$/);
      assert.deepEqual(messages[0]?.items, ['Show Log']);
    });
    await settle();
    assert.deepEqual(recorder.reasons.map(String), []);
  });

  it('guarded: a throw and a rejection both come back as undefined with the friendly message', async () => {
    await captureErrorMessages(undefined, async (messages) => {
      const sync = guarded('Sync step', () => {
        throw new TypeError('boom');
      });
      const async = guarded('Async step', async (x: number) => {
        await Promise.resolve();
        if (x > 0) throw new RangeError('late boom');
        return x;
      });
      assert.equal(await sync(), undefined);
      assert.equal(await async(1), undefined);
      assert.equal(await async(0), 0);
      assert.deepEqual(
        messages.map((m) => m.message),
        [
          `Loss Walkthrough: Sync step failed unexpectedly. The details are in the "${OUTPUT_CHANNEL_NAME}" output.`,
          `Loss Walkthrough: Async step failed unexpectedly. The details are in the "${OUTPUT_CHANNEL_NAME}" output.`,
        ],
      );
    });
    await settle();
    assert.deepEqual(recorder.reasons.map(String), []);
  });
});
