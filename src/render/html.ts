// The walkthrough as HTML: a fragment for the panel (which supplies the page, its CSP and its
// stylesheets) and a standalone page for "Save as HTML". Semantic markup, `lw-` classes, no
// inline style, no script, no event attribute; every user string goes through escapeHtml and
// every equation through the MathJax renderer, which builds SVG from escaped TeX.
import type { DerivationStep, Walkthrough } from '../core/types';
import { escapeHtml } from './escape';
import type { MathRenderer } from './mathjax';
import { TITLE, cardHeading, omissionNotes, summaryLines, tableColumns } from './outline';

export interface HtmlPageOptions {
  /** The page's title (escaped here). */
  readonly title?: string;
  /** The walkthrough stylesheet (media/walkthrough.css), inlined. */
  readonly css?: string;
  /** The page's language, default 'en'. */
  readonly lang?: string;
}

function equation(math: MathRenderer, tex: string): string {
  // The container is MathJax's own element so that its stylesheet (centring) applies; the
  // wrapper scrolls a wide equation inside its card instead of widening the page.
  return `<div class="lw-eq"><mjx-container class="MathJax" jax="SVG" display="true">${math.toSvg(tex, { display: true })}</mjx-container></div>`;
}

function stepList(steps: readonly DerivationStep[], math: MathRenderer): string {
  const items = steps.map(
    (step) => `<li class="lw-step lw-step-${step.kind}">${equation(math, step.tex)}<p class="lw-explain">${escapeHtml(step.text)}</p></li>`,
  );
  return `<ol class="lw-steps">${items.join('')}</ol>`;
}

function table(w: Walkthrough): string {
  const columns = tableColumns(w);
  const head = columns.map((c) => `<th scope="col"${c.numeric ? ' class="lw-num"' : ''}>${escapeHtml(c.header)}</th>`).join('');
  const body = w.table
    .map((row) => {
      const cells = columns.map((c, i) => {
        const value = escapeHtml(c.cell(row));
        const cls = c.numeric ? ' class="lw-num"' : '';
        return i === 0 ? `<th scope="row"${cls}>${value}</th>` : `<td${cls}>${value}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('');
  return `<div class="lw-table-wrap"><table class="lw-table"><caption>Each element's target, prediction and loss</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** The walkthrough for the panel: summary, table, one card per derived element, reduction, notes. */
export function renderHtmlFragment(w: Walkthrough, math: MathRenderer): string {
  const parts: string[] = [];
  const [setting, answer] = summaryLines(w);
  parts.push(
    `<section class="lw-summary" aria-labelledby="lw-summary-h"><h2 id="lw-summary-h">Result</h2>` +
      `<p class="lw-answer">${escapeHtml(answer ?? '')}</p><p class="lw-setting">${escapeHtml(setting ?? '')}</p></section>`,
  );
  parts.push(`<section class="lw-inputs" aria-labelledby="lw-inputs-h"><h2 id="lw-inputs-h">Inputs and losses</h2>${table(w)}</section>`);

  const cards = w.derivations.map((d, i) => {
    const id = `lw-card-${i + 1}`;
    return (
      `<section class="lw-card" aria-labelledby="${id}-h"><h3 id="${id}-h">${escapeHtml(cardHeading(d))}</h3>` +
      `${stepList(d.steps, math)}</section>`
    );
  });
  if (cards.length > 0) {
    parts.push(`<section class="lw-derivations" aria-labelledby="lw-derivations-h"><h2 id="lw-derivations-h">Step by step</h2>${cards.join('')}</section>`);
  }
  parts.push(
    `<section class="lw-reduction" aria-labelledby="lw-reduction-h"><h2 id="lw-reduction-h">From element losses to the loss</h2>${stepList(w.reductionSteps, math)}</section>`,
  );
  if (w.notes.length > 0) {
    const items = w.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('');
    parts.push(`<section class="lw-notes" aria-labelledby="lw-notes-h"><h2 id="lw-notes-h">Notes</h2><ul>${items}</ul></section>`);
  }
  return `<article class="lw-walkthrough">${parts.join('')}</article>`;
}

/**
 * A standalone page: the stylesheet and MathJax's CSS inline, the equations as inline SVG, no
 * script and no network (its own CSP says so, in case the file is opened from anywhere).
 */
export function renderHtmlPage(w: Walkthrough, math: MathRenderer, options: HtmlPageOptions = {}): string {
  const title = options.title ?? TITLE;
  // A stylesheet cannot end the <style> element it sits in: `<` has no use in CSS outside
  // strings, where the CSS escape \3c means the same.
  const css = `${options.css ?? ''}\n${math.styleSheet()}`.replace(/</g, '\\3c ');
  const omitted = omissionNotes(w)
    .map((n) => `<p class="lw-omitted">${escapeHtml(n)}</p>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(options.lang ?? 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
${css}
</style>
</head>
<body>
<main class="lw-page">
<h1>${escapeHtml(title)}</h1>
${omitted}${renderHtmlFragment(w, math)}
</main>
</body>
</html>
`;
}
