// Long work in the extension host is cut into tasks: between them VS Code can deliver events,
// answer other extensions and keep the UI of the web worker host responsive.

/** Resolves on a later task (a macrotask, so pending I/O and messages run first). */
export function yieldToHost(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
