// Long work in the extension host is cut into tasks: between them VS Code can deliver events,
// answer other extensions and keep the UI of the web worker host responsive.

/**
 * In a browser (VS Code for the web runs extensions in a web worker), mostly a message to
 * ourselves: a chain of timers is clamped to 4 ms each after the fifth, and a cold 20-label
 * walkthrough yielded 54 times, waiting 262 ms in all. A posted message
 * queues behind the messages already there, VS Code's own among them. Timers that fell due
 * meanwhile got in too (test/extension/schedule.test.ts), but nothing promises their order
 * against messages: so at least every TIMER_YIELD_MS the yield is a timer. In Node
 * (desktop VS Code), always a timer. The cold 20-label page was whole 758 and 784 ms after the
 * command, against 903 and 844 ms with timers alone (bench/workbench.ts, in turns, 3 starts each).
 */
const channel = typeof setImmediate !== 'function' && typeof MessageChannel === 'function' ? new MessageChannel() : undefined;
const waiting: (() => void)[] = [];
if (channel) channel.port1.onmessage = () => waiting.shift()?.();
const TIMER_YIELD_MS = 50;
let lastTimerYield = 0;

/**
 * Resolves on a later task. A timer's delay is 1 ms, not 0: a zero-delay timer runs before
 * timers that fell due while the thread was busy, so a 0 ms yield after a long stretch would let
 * nothing else in; a 1 ms timer queues behind them (measured with the million-number test).
 */
export function yieldToHost(): Promise<void> {
  if (!channel || performance.now() - lastTimerYield >= TIMER_YIELD_MS) {
    return new Promise((resolve) =>
      setTimeout(() => {
        lastTimerYield = performance.now();
        resolve();
      }, 1),
    );
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

/**
 * For a loop of short steps: `pause()` yields to the host only once `budgetMs` of work has
 * passed since the last yield. Yielding after every step would make a small page wait on a
 * timer per step (Chromium clamps nested timers to 4 ms), for nothing.
 */
export function createPauser(budgetMs = 25): { pause(): Promise<void> } {
  let since = performance.now();
  return {
    async pause() {
      if (performance.now() - since < budgetMs) return;
      await yieldToHost();
      since = performance.now();
    },
  };
}
