// Runs inside the walkthrough webview. It adds the derivation cards the extension sends after the
// page (see `cards` in messages.ts), tells the extension when the page has been painted, shows
// the derivation the extension sends back for a chosen heatmap cell, and keeps the panel's state
// (for a window reload) and scroll position. The exports are in the editor's title bar and the
// context menu (package.json), not on the page. Message names must match
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
  let scrollY = sameSource && typeof previous.scrollY === 'number' ? previous.scrollY : 0;
  vscode.setState({ panelState, scrollY });
  if (scrollY > 0) window.scrollTo(0, scrollY);

  // This page's render (a later one may arrive by message), and how many of its cards are still to come by message.
  let run = Number(document.body.getAttribute('data-lw-run')) || 0;
  const pageLoad = Number(document.body.getAttribute('data-lw-page-load')) || 0;
  const content = document.querySelector('.lw-content');
  const mathStyle = document.getElementById('lw-math-style');
  let derivations = document.querySelector('.lw-derivations');
  const cardCount = () => document.querySelectorAll('.lw-derivations > .lw-card').length;
  // Pages and cards come as UTF-8 bytes (see ExtensionMessage in messages.ts).
  const utf8 = new TextDecoder();
  const htmlOf = (value) => (typeof value === 'string' ? value : value instanceof Uint8Array ? utf8.decode(value) : undefined);

  /** After the next frame has been painted (a task queued from requestAnimationFrame runs after the paint). */
  function reportPaint(complete) {
    const paintedRun = run;
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (paintedRun !== run) return;
        const answer = (document.querySelector('.lw-answer')?.textContent || '').trim();
        vscode.postMessage({ type: 'painted', run, complete, cards: cardCount(), answer, at: Date.now() });
      }, 0),
    );
  }

  // Asks for the cards from the ones the page holds. Again when a batch arrives out of order
  // (one before it went missing) and when none has come for a while.
  let watchdog = 0;
  function askForCards() {
    clearTimeout(watchdog);
    vscode.postMessage({ type: 'ready', run, have: cardCount() });
    watchdog = setTimeout(askForCards, 5000);
  }

  /** The render's first part is in the page: ask for the rest, or report it complete. */
  function startRender(pendingCards) {
    clearTimeout(watchdog);
    if (pendingCards > 0 && derivations) {
      derivations.setAttribute('aria-busy', 'true');
      askForCards();
      reportPaint(false);
    } else {
      reportPaint(true);
    }
  }

  /**
   * A new render for this page (see `page` in src/extension/walkthrough/messages.ts): showing it
   * here costs the page's content only, where a new document would make the webview load again.
   */
  function showRender(message, main) {
    run = message.run;
    document.body.setAttribute('data-lw-run', String(run));
    document.body.setAttribute('data-lw-pending-cards', String(message.pendingCards));
    document.title = message.title;
    if (mathStyle && mathStyle.textContent !== message.styleSheet) mathStyle.textContent = message.styleSheet;
    const same = panelState && message.state && panelState.source === message.state.source;
    panelState = message.state;
    scrollY = same ? window.scrollY : 0;
    vscode.setState({ panelState, scrollY });
    // The extension's renderer wrote this HTML and escaped every text in it; the page's CSP runs
    // no script from it.
    if (content) content.innerHTML = main;
    derivations = document.querySelector('.lw-derivations');
    if (!same) window.scrollTo(0, 0);
    startRender(message.pendingCards);
  }

  // Before anything else: the extension may hold a newer render for this page than its HTML has.
  vscode.postMessage({ type: 'loaded', pageLoad, run });
  startRender(Number(document.body.getAttribute('data-lw-pending-cards')) || 0);

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
    const offer = target.getAttribute('data-message');
    if (offer === 'explainAsSoftmax') {
      vscode.postMessage({ type: 'explainAsSoftmax' });
      return;
    }
    // The softmax panel's own button (SOFTMAX_PANEL_MESSAGE_TYPES in src/extension/softmax/panel.ts).
    if (offer === 'explainAsBce') {
      vscode.postMessage({ type: 'explainAsBce' });
      return;
    }
    if (target.getAttribute('data-message') === 'renderMore') {
      target.setAttribute('disabled', '');
      target.setAttribute('aria-busy', 'true');
      vscode.postMessage({ type: 'renderMore' });
      return;
    }
    // The extension redraws the page with the targets and predictions swapped.
    if (target.getAttribute('data-message') === 'swapRoles') {
      target.setAttribute('disabled', '');
      target.setAttribute('aria-busy', 'true');
      vscode.postMessage({ type: 'swapRoles' });
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
    const html = htmlOf(message.type === 'page' ? message.main : message.html);
    if (message.type === 'page' && typeof message.run === 'number' && html !== undefined && typeof message.styleSheet === 'string' && typeof message.title === 'string') {
      showRender(message, html);
    } else if (message.type === 'cards' && message.run === run && html !== undefined) {
      // The extension's renderer wrote these cards and escaped every text in them. A batch this
      // page already holds (sent again after a reload) is skipped.
      if (!derivations || message.from < cardCount()) return;
      if (message.from > cardCount()) {
        askForCards();
        return;
      }
      derivations.insertAdjacentHTML('beforeend', html);
      clearTimeout(watchdog);
      if (!message.done) watchdog = setTimeout(askForCards, 5000);
      if (message.done) {
        derivations.removeAttribute('aria-busy');
        // The place the reader had scrolled to may have been further down than the first part reached.
        if (scrollY > window.scrollY) window.scrollTo(0, scrollY);
        reportPaint(true);
      }
    } else if (message.type === 'elementCard' && typeof message.html === 'string') {
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
