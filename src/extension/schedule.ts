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
