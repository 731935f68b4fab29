// Runs inside the walkthrough webview. It only forwards button presses to the extension and
// keeps the panel's state (for a window reload) and scroll position. Message names must match
// src/extension/walkthrough/messages.ts (a test reads this file and checks).
// @ts-check
(function () {
  'use strict';
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();

  const stateBlock = document.getElementById('lw-state');
  const previous = vscode.getState() || {};
  let panelState = previous.panelState;
  if (stateBlock) {
    try {
      panelState = JSON.parse(stateBlock.textContent || 'null');
    } catch {
      // A state the extension wrote is always valid JSON; keep the previous one if not.
    }
  }
  // Scroll is restored only for the same text: a new input starts at the top.
  const sameSource = previous.panelState && panelState && previous.panelState.source === panelState.source;
  const scrollY = sameSource && typeof previous.scrollY === 'number' ? previous.scrollY : 0;
  vscode.setState({ panelState, scrollY });
  if (scrollY > 0) window.scrollTo(0, scrollY);

  let scrollTimer = 0;
  window.addEventListener('scroll', () => {
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(() => vscode.setState({ panelState, scrollY: window.scrollY }), 200);
  });

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('button') : null;
    if (!target) return;
    const action = target.getAttribute('data-action');
    if (action) {
      vscode.postMessage({ type: 'action', action });
      return;
    }
    if (target.getAttribute('data-message') === 'renderMore') {
      target.setAttribute('disabled', '');
      target.setAttribute('aria-busy', 'true');
      vscode.postMessage({ type: 'renderMore' });
    }
  });
})();
