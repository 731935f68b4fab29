/// <reference types="mocha" />
// The pauser lets the extension host in between long steps, and only then: a small page must
// not wait on a timer per card, a large one must not hold the host for the whole loop.
import assert from 'node:assert/strict';
import { createPauser } from '../../src/extension/schedule';

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
