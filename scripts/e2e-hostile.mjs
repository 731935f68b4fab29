// Labels that are HTML, SVG or TeX, explained in the real panel: the panel shows them as text and
// no element is made from them, and the webview's Content Security Policy, read from the page, is
// `default-src 'none'` plus exactly what the panel needs. Its own example file is written into
// the test workspace before the workbench starts (examples/ stays as committed).
// Called by scripts/test-e2e.mjs after the other steps.
/* global document, window -- the callbacks given to waitForFunction and evaluate run in the page */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMAND_TITLE, STEP_TIMEOUT_MS, findPanelFrame, runCommandFromPalette } from './workbench-steps.mjs';

export const HOSTILE_FILE = 'hostile-labels.py';
export const HOSTILE_LABELS = [
  '<img src=x onerror=window.__lwInjected=1>',
  '</svg><script>window.__lwInjected=2</script>',
  String.raw`\def\x{\x}\x`,
  '$$',
  '}{',
  String.raw`\href{javascript:alert(1)}{x}`,
];

/** Writes the example into `workspace`; call before the workbench serves it, so the explorer lists it. */
export function writeHostileExample(workspace) {
  const n = HOSTILE_LABELS.length;
  const text = [
    '# Label names that look like markup: the walkthrough must show them as text.',
    `labels = [${HOSTILE_LABELS.map((l) => JSON.stringify(l)).join(', ')}]`,
    `targets = [${Array.from({ length: n }, (_, i) => i % 2).join(', ')}]`,
    `predictions = [${Array.from({ length: n }, (_, i) => (i % 2 ? 0.7 : 0.2)).join(', ')}]`,
    '',
  ].join('\n');
  writeFileSync(join(workspace, HOSTILE_FILE), text);
}

/** `directive-name sources...; ...` → Map of name → sources, as the browser reads it. */
function parseCsp(policy) {
  const directives = new Map();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/**
 * The panel is reused, and VS Code swaps its inner frame when the page is rewritten: look through
 * the frames until one shows `text` (the previous walkthrough's frame may be detached meanwhile).
 */
async function framesShowing(page, text) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      try {
        if (await frame.evaluate((t) => !!document.querySelector('.lw-content') && (document.body.textContent ?? '').includes(t), text)) return frame;
      } catch {
        // A frame being replaced mid-query: look again on the next round.
      }
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no frame shows '${text}' after ${STEP_TIMEOUT_MS / 1000}s`);
}

export async function hostileLabelsShowAsText({ check }, page) {
  const frame = await check(`${HOSTILE_FILE}: the labels that look like markup are explained`, async () => {
    const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${HOSTILE_FILE}"]`).first();
    if (!(await row.isVisible().catch(() => false))) await page.keyboard.press('Control+Shift+E');
    await row.waitFor({ state: 'visible' });
    await row.click();
    await page.locator('.monaco-editor .view-lines', { hasText: 'onerror' }).first().waitFor({ state: 'visible' });
    await page.locator('.tabs-container .tab', { hasText: HOSTILE_FILE }).first().click();
    await page.keyboard.press('Control+A');
    await runCommandFromPalette(page, COMMAND_TITLE);
    await findPanelFrame(page);
    return framesShowing(page, HOSTILE_LABELS[0]);
  });
  if (!frame) return;

  await check('each label appears as text, and no img, script or handler was made from it', async () => {
    const found = await frame.evaluate((labels) => {
      const text = document.body.textContent ?? '';
      return {
        missing: labels.filter((l) => !text.includes(l)),
        images: document.querySelectorAll('img').length,
        scripts: [...document.querySelectorAll('script')].map((s) => s.getAttribute('src') ?? `inline type=${s.getAttribute('type')} id=${s.id}`),
        handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length,
        links: document.querySelectorAll('a[href^="javascript:" i], [href*="javascript:" i]').length,
        foreignObjects: document.querySelectorAll('foreignObject').length,
        mathErrors: document.querySelectorAll('.lw-math-error, [data-mjx-error]').length,
        injected: window.__lwInjected ?? null,
      };
    }, HOSTILE_LABELS);
    if (found.missing.length) throw new Error(`not shown as text: ${found.missing.join(' | ')}`);
    if (found.images) throw new Error(`${found.images} img element(s) in the panel`);
    if (found.handlers) throw new Error(`${found.handlers} element(s) with an on* attribute`);
    if (found.links) throw new Error(`${found.links} javascript: link(s)`);
    if (found.foreignObjects) throw new Error(`${found.foreignObjects} foreignObject element(s)`);
    if (found.mathErrors) throw new Error(`${found.mathErrors} equation(s) rendered as a MathJax error`);
    if (found.injected !== null) throw new Error(`a label ran as script (window.__lwInjected = ${found.injected})`);
    // panel.js, the saved-state data block and VS Code's own acquireVsCodeApi shim are the page's only scripts.
    const ours = (s) => /\/media\/panel\.js(\?|$)/.test(s) || s === 'inline type=application/json id=lw-state' || s === 'inline type=null id=_vscodeApiScript';
    const unexpected = found.scripts.filter((s) => !ours(s));
    if (unexpected.length) throw new Error(`unexpected script element(s): ${unexpected.join(' | ')}`);
  });

  await check("the panel's Content Security Policy is default-src 'none' plus only what it needs", async () => {
    const { policy, scriptNonce, styleNonces } = await frame.evaluate(() => ({
      policy: document.querySelector('meta[http-equiv="Content-Security-Policy" i]')?.getAttribute('content') ?? null,
      scriptNonce: document.querySelector('script[src]')?.nonce ?? null,
      // VS Code adds its own default styles to every webview; ours carry the nonce.
      styleNonces: [...document.querySelectorAll('style:not(#_defaultStyles)')].map((s) => s.nonce),
    }));
    if (!policy) throw new Error('no Content-Security-Policy meta element in the webview');
    const csp = parseCsp(policy);
    const names = [...csp.keys()].sort().join(', ');
    if (names !== 'default-src, img-src, script-src, style-src') throw new Error(`directives are ${names}`);
    const same = (name, expected) => {
      const got = (csp.get(name) ?? []).join(' ');
      if (got !== expected) throw new Error(`${name} is '${got}', expected '${expected}'`);
    };
    same('default-src', "'none'");
    same('img-src', 'data:');
    if (!scriptNonce) throw new Error('panel.js carries no nonce');
    same('script-src', `'nonce-${scriptNonce}'`);
    const style = csp.get('style-src') ?? [];
    // webview.cspSource (for our two stylesheets; in VS Code for the web it is the workbench's
    // extension path, 'self' and the webview resource CDN), then the nonce of MathJax's style block.
    const origin = new URL(page.url()).origin;
    const resourceSource = (s) => s === "'self'" || s === 'https://*.vscode-cdn.net' || s.startsWith(`${origin}/`);
    const sources = style.slice(0, -1);
    if (style[style.length - 1] !== `'nonce-${scriptNonce}'` || sources.length === 0 || !sources.every(resourceSource)) {
      throw new Error(`style-src is '${style.join(' ')}', expected only the webview's resource sources and 'nonce-${scriptNonce}'`);
    }
    if (styleNonces.some((n) => n !== scriptNonce)) throw new Error('a style element without the page nonce');
  });

  await check("MathJax's stylesheet is in force, also when the walkthrough reached the page by message", async () => {
    const { css, overflow } = await frame.evaluate(() => ({
      css: document.getElementById('lw-math-style')?.textContent ?? '',
      // MathJax's stylesheet lets its SVGs overflow; an inner <svg> clips by default.
      overflow: (() => {
        const svg = document.querySelector('mjx-container > svg');
        return svg ? window.getComputedStyle(svg).overflow : null;
      })(),
    }));
    if (!css.includes('mjx-container')) throw new Error("the page's MathJax style block is empty");
    if (overflow !== 'visible') throw new Error(`an equation's SVG has overflow '${overflow}', not MathJax's 'visible'`);
  });
}
