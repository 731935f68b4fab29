/// <reference types="mocha" />
// Runs that overlap: the panel always ends on the newest one. Thirty runs of the command within
// three seconds, each on its own selection; closing the panel, changing a setting, or running
// the command again while a large walkthrough is still being typeset. What the page shows is
// what its script reports after painting (the loss sentence and the cards it holds), so an
// older render that finished late, or cards of an earlier run, would show up here.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  captureErrorMessages,
  closeAllEditors,
  eventually,
  explain,
  openText,
  panelPainted,
  recordUnhandledRejections,
  walkthroughTabs,
  withSetting,
} from '../helpers';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Block {
  readonly targets: readonly number[];
  readonly predictions: readonly number[];
}

/** Block `seed` of `labels` labels: its own predictions, so its loss differs from every other block's. */
function block(seed: number, labels: number): Block {
  const targets = Array.from({ length: labels }, (_, j) => (j + seed) % 2);
  const predictions = Array.from({ length: labels }, (_, j) => Number((0.05 + ((seed * 37 + j * 11) % 89) / 100).toFixed(2)));
  return { targets, predictions };
}

function text(b: Block): string {
  return `targets = [${b.targets.join(', ')}]\npredictions = [${b.predictions.join(', ')}]`;
}

/** The mean binary cross entropy in nats, written out here from the definition. */
function meanLoss(b: Block, base = Math.E): number {
  const losses = b.targets.map((y, j) => {
    const p = b.predictions[j]!;
    return -(y * Math.log(p) + (1 - y) * Math.log(1 - p)) / Math.log(base);
  });
  return losses.reduce((a, x) => a + x, 0) / losses.length;
}

/** Rejections are reported after the microtasks of their task: give them a few tasks. */
const settle = () => sleep(300);

describe('overlapping runs', () => {
  let recorder: ReturnType<typeof recordUnhandledRejections>;
  before(() => {
    recorder = recordUnhandledRejections();
  });
  after(async () => {
    recorder.stop();
    await closeAllEditors();
  });
  beforeEach(closeAllEditors);

  it('thirty runs within three seconds on different selections: the panel ends on the last', async function () {
    this.timeout(180_000);
    const blocks = Array.from({ length: 30 }, (_, i) => block(i, 20));
    const editor = await openText(blocks.map(text).join('\n'), 'python');
    await captureErrorMessages(undefined, async (messages) => {
      const runs: Thenable<unknown>[] = [];
      const started = performance.now();
      for (let i = 0; i < blocks.length; i++) {
        editor.selection = new vscode.Selection(2 * i, 0, 2 * i + 1, editor.document.lineAt(2 * i + 1).text.length);
        runs.push(explain());
        // Uneven gaps, a few runs back to back: about 1.5 s of gaps in all.
        await sleep(i % 5 === 0 ? 0 : 60);
      }
      const issuedMs = performance.now() - started;
      const results = await Promise.all(runs);
      console.log(`[rapid] thirty runs issued within ${Math.round(issuedMs)} ms`);
      assert.equal(results.filter((r) => r === undefined).length, 0, 'every run returned its summary');
      const page = await panelPainted();
      assert.ok(page, 'the panel reported its page');
      const last = blocks[blocks.length - 1]!;
      assert.ok(page.answer.includes(meanLoss(last).toPrecision(6)), `the page shows the last selection's loss ${meanLoss(last).toPrecision(6)}: '${page.answer}'`);
      assert.equal(page.cards, 20);
      assert.equal(walkthroughTabs().length, 1);
      assert.deepEqual(messages.map((m) => m.message), []);
    });
    await settle();
    assert.deepEqual(recorder.reasons.map(String), []);
  });

  // 200 elements, 50 cards (the default maxRenderedLabels) whose equations are all new to the
  // renderer: a second or more of typesetting, sent to the page in batches. (Each card is about
  // 40 KB of SVG: far more cards would measure the browser's layout, not the extension.)
  const large = block(1000, 200);

  it('closing the panel while a large walkthrough is typeset: no error, and the next run shows its own page', async function () {
    this.timeout(180_000);
    await (async () => {
      await captureErrorMessages(undefined, async (messages) => {
        let finished = false;
        const run = Promise.resolve(explain(text(large))).then((r) => ((finished = true), r));
        await eventually(async () => (walkthroughTabs().length > 0 ? true : undefined), 400);
        console.log(`[rapid] panel closed ${finished ? 'after' : 'before'} the large run finished`);
        await closeAllEditors();
        await run;
        const small = block(7, 3);
        assert.ok(await explain(text(small)));
        const page = await panelPainted();
        assert.ok(page?.answer.includes(meanLoss(small).toPrecision(6)), `the new page shows its loss: '${page?.answer}'`);
        assert.equal(page?.cards, 3);
        assert.deepEqual(messages.map((m) => m.message), []);
      });
    })();
    await settle();
    assert.deepEqual(recorder.reasons.map(String), []);
  });

  it('changing a setting while a large walkthrough is typeset: the page ends with the new setting', async function () {
    this.timeout(180_000);
    const other = block(2000, 200);
    await (async () => {
      await captureErrorMessages(undefined, async (messages) => {
        const run = explain(text(other));
        await eventually(async () => (walkthroughTabs().length > 0 ? true : undefined), 400);
        await withSetting('logBase', '10', async () => {
          await run;
          const expected = meanLoss(other, 10).toPrecision(6);
          // The refresh the setting started may still be on its way: wait for a page that shows it.
          const page = await eventually(async () => {
            const p = await panelPainted();
            return p?.answer.includes(expected) ? p : undefined;
          });
          assert.equal(page.cards, 50);
        });
        assert.deepEqual(messages.map((m) => m.message), []);
      });
    })();
    await settle();
    assert.deepEqual(recorder.reasons.map(String), []);
  });

  it('running the command again while a large walkthrough is typeset: the page shows the new run only', async function () {
    this.timeout(180_000);
    const first = block(3000, 200);
    const second = block(4000, 4);
    await (async () => {
      await captureErrorMessages(undefined, async (messages) => {
        const run = explain(text(first));
        await eventually(async () => (walkthroughTabs().length > 0 ? true : undefined), 400);
        const again = explain(text(second));
        await Promise.all([run, again]);
        const page = await panelPainted();
        assert.ok(page?.answer.includes(meanLoss(second).toPrecision(6)), `the page shows the second run: '${page?.answer}'`);
        // Not one card of the first run was added to the second run's page.
        assert.equal(page?.cards, 4);
        assert.deepEqual(messages.map((m) => m.message), []);
      });
    })();
    await settle();
    assert.deepEqual(recorder.reasons.map(String), []);
  });
});
