// Long work in the extension host is cut into tasks: between them VS Code can deliver events,
// answer other extensions and keep the UI of the web worker host responsive.

/**
 * Resolves on a later task. A delay of 1 ms, not 0: Chromium runs a zero-delay timer before
 * timers that fell due while the thread was busy, so a 0 ms yield after a long stretch would let
 * nothing else in; a 1 ms timer queues behind them (measured with the million-number test).
 */
export function yieldToHost(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 1));
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
