// Runs inside the walkthrough webview. It forwards button presses to the extension, shows the
// derivation the extension sends back for a chosen heatmap cell, and keeps the panel's state
// (for a window reload) and scroll position. Message names must match
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

  // Heatmap cells are <button>s, so Enter and Space choose them as a click does.
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('button') : null;
    if (!target) return;
    const flatIndex = target.getAttribute('data-flat-index');
    if (flatIndex !== null) {
      for (const cell of document.querySelectorAll('.lw-heat-cell[aria-current]')) cell.removeAttribute('aria-current');
      target.setAttribute('aria-current', 'true');
      chosenSlot().setAttribute('aria-busy', 'true');
      vscode.postMessage({ type: 'showElement', flatIndex: Number(flatIndex) });
      return;
    }
    const action = target.getAttribute('data-action');
    if (action) {
      vscode.postMessage({ type: 'action', action });
      return;
    }
    if (target.getAttribute('data-message') === 'explainAsSoftmax') {
      vscode.postMessage({ type: 'explainAsSoftmax' });
      return;
    }
    if (target.getAttribute('data-message') === 'renderMore') {
      target.setAttribute('disabled', '');
      target.setAttribute('aria-busy', 'true');
      vscode.postMessage({ type: 'renderMore' });
    }
  });

  /** Where a chosen element's derivation goes: right under the heatmap, so the next cell is close. */
  function chosenSlot() {
    let slot = document.getElementById('lw-chosen');
    if (!slot) {
      slot = document.createElement('section');
      slot.id = 'lw-chosen';
      slot.className = 'lw-chosen';
      slot.setAttribute('aria-live', 'polite');
      const batch = document.querySelector('.lw-batch');
      if (batch) batch.after(slot);
      else document.querySelector('.lw-content')?.prepend(slot);
    }
    return slot;
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'elementCard' && typeof message.html === 'string') {
      const slot = chosenSlot();
      // The extension's renderer wrote this card and escaped every text in it; the page's CSP
      // runs no script from it. Its ids get a prefix: the same card may also be further down.
      slot.innerHTML = message.html;
      // Glyph definitions inside SVGs keep their ids: the equations' <use> elements point at them.
      for (const el of slot.querySelectorAll('[id]')) if (!el.closest('svg')) el.id = `lw-chosen-${el.id}`;
      for (const el of slot.querySelectorAll('[aria-labelledby]')) el.setAttribute('aria-labelledby', `lw-chosen-${el.getAttribute('aria-labelledby')}`);
      slot.setAttribute('data-flat-index', String(message.flatIndex));
      slot.removeAttribute('aria-busy');
      slot.scrollIntoView({ block: 'start' });
    } else if (message.type === 'elementError' && typeof message.message === 'string') {
      const slot = chosenSlot();
      const p = document.createElement('p');
      p.className = 'lw-error';
      p.setAttribute('role', 'alert');
      p.textContent = message.message;
      slot.replaceChildren(p);
      slot.removeAttribute('aria-busy');
    }
  });
})();
