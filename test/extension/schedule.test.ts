/// <reference types="mocha" />
// The pauser lets the extension host in between long steps, and only then: a small page must
// not wait on a timer per card, a large one must not hold the host for the whole loop.
import assert from 'node:assert/strict';
import { createPauser, yieldToHost } from '../../src/extension/schedule';

/** Whether a timer queued before `step` fired before `step` settled, i.e. whether `step` yielded to the host. */
async function yieldedDuring(step: () => Promise<void>): Promise<boolean> {
  let fired = false;
  const timer = setTimeout(() => {
    fired = true;
  }, 0);
  await step();
  clearTimeout(timer);
  return fired;
}

function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // the host is blocked, as by a card being typeset
  }
}

describe('createPauser', () => {
  it('does not yield while the work since the last yield is within its budget', async () => {
    const pauser = createPauser(1_000);
    for (let i = 0; i < 5; i++) assert.equal(await yieldedDuring(() => pauser.pause()), false, `pause ${i + 1}`);
  });

  it('yields once the budget is spent, then counts again from there', async () => {
    const pauser = createPauser(20);
    busy(25);
    assert.equal(await yieldedDuring(() => pauser.pause()), true, 'after 25 ms of work');
    assert.equal(await yieldedDuring(() => pauser.pause()), false, 'right after a yield');
  });
});

describe('yieldToHost', () => {
  it('lets in a message that was waiting, as VS Code\'s own messages to the host wait', async () => {
    const channel = new MessageChannel();
    let delivered = false;
    channel.port1.onmessage = () => {
      delivered = true;
    };
    await yieldToHost(); // the next yield is then a message to ourselves, where the host can tell
    channel.port2.postMessage('from the workbench');
    busy(5);
    await yieldToHost();
    channel.port1.close();
    assert.equal(delivered, true);
  });

  it('lets in a timer that fell due while the host worked', async () => {
    await yieldToHost();
    let fired = false;
    const timer = setTimeout(() => {
      fired = true;
    }, 0);
    const started = performance.now();
    // Slices of work with a yield after each, as a render typesets: the timer must get its turn.
    while (!fired && performance.now() - started < 1_000) {
      busy(10);
      await yieldToHost();
    }
    clearTimeout(timer);
    assert.equal(fired, true, 'the timer never ran in a second of yields');
    console.log(`      the due timer ran after ${Math.round(performance.now() - started)} ms of slices`);
  });
});
