// The walkthrough as HTML: a fragment for the panel (which supplies the page, its CSP and its
// stylesheets) and a standalone page for "Save as HTML". Semantic markup, `lw-` classes, no
// inline style, no script, no event attribute; every user string goes through escapeHtml and
// every equation through the MathJax renderer, which builds SVG from escaped TeX. Each equation's
// text alternative is the plain sentence of its step.
import * as l10n from '@vscode/l10n';
import { derivationFor } from '../core/derivation';
import type { DerivationStep, LabelDerivation, Result, Walkthrough } from '../core/types';
import { escapeHtml } from './escape';
import { heatBand, heatLegend } from './heatmap';
import type { MathPage, MathRenderer } from './mathjax';
import {
  backpropHeading,
  batchGrid,
  cardHeading,
  endNotes,
  frameworkCells,
  frameworkHeaders,
  frameworkTable,
  inputNotes,
  inputWarnings,
  omissionNotes,
  sections,
  splitSteps,
  summaryLines,
  tableColumns,
  walkthroughTitle,
  warningLabel,
  clampExtent,
  shownDerivations,
  type WriterExtent,
} from './outline';
import { joinChunks, tableRows } from './chunks';

export interface HtmlPageOptions {
  /** The page's title (escaped here). */
  readonly title?: string;
  /** The walkthrough stylesheet (media/walkthrough.css), inlined. */
  readonly css?: string;
  /** The page's language, default 'en'. */
  readonly lang?: string;
}

export interface HtmlFragmentOptions {
  /**
   * What a heatmap cell is: 'button' (default; the panel shows the chosen cell's derivation, see
   * `renderDerivationCard`), or 'link' to the cell's card on the same page where the card exists
   * (a saved page has no script).
   */
  readonly heatmapCells?: 'button' | 'link';
  /**
   * A button that asks for the walkthrough with the targets and predictions swapped (the panel,
   * whose script sends `swapRoles`), under a role warning or after a swap; a saved page has none.
   */
  readonly swapButton?: boolean;
}

function equation(math: MathPage, tex: string, label: string): string {
  // The container is MathJax's own element so that its stylesheet (centring) applies; the
  // wrapper scrolls a wide equation inside its card instead of widening the page.
  return `<div class="lw-eq"><mjx-container class="MathJax" jax="SVG" display="true">${math.toSvg(tex, { display: true, label })}</mjx-container></div>`;
}

function stepItem(step: DerivationStep, math: MathPage): string {
  // A split step shows its general formula (the same on every card, so typeset once a page) above its numbers.
  const equations = step.split
    ? equation(math, step.split.general, step.split.generalText) + equation(math, step.split.numbers, step.text)
    : equation(math, step.tex, step.text);
  return `${equations}<p class="lw-explain">${escapeHtml(step.text)}</p>`;
}

export function stepList(steps: readonly DerivationStep[], math: MathPage): string {
  const items = steps.map((step) => `<li class="lw-step lw-step-${step.kind}">${stepItem(step, math)}</li>`);
  return `<ol class="lw-steps">${items.join('')}</ol>`;
}

function cardId(d: LabelDerivation): string {
  return `lw-card-${d.detail.flatIndex + 1}`;
}

function card(d: LabelDerivation, math: MathPage): string {
  const id = cardId(d);
  const { loss, gradient } = splitSteps(d);
  const backprop =
    gradient.length === 0
      ? ''
      : `<section class="lw-backprop" aria-labelledby="${id}-g"><h4 id="${id}-g">${escapeHtml(backpropHeading())}</h4>` +
        gradient.map((s) => `<div class="lw-step lw-step-${s.kind}">${stepItem(s, math)}</div>`).join('') +
        '</section>';
  return (
    `<section class="lw-card" id="${id}" data-element="${d.detail.index.join(',')}" aria-labelledby="${id}-h">` +
    `<h3 id="${id}-h">${escapeHtml(cardHeading(d))}</h3>${stepList(loss, math)}${backprop}</section>`
  );
}

/**
 * One element's derivation card (row-major `flatIndex`), the same markup as in the fragment, for
 * any element including those beyond `maxDerivations`: the panel shows it when a heatmap cell is
 * chosen. The card is followed by the hidden `<svg>` that defines its glyphs, so it shows
 * wherever it is added. An index out of range comes back as the error, never thrown.
 */
export function renderDerivationCard(w: Walkthrough, flatIndex: number, math: MathRenderer): Result<string> {
  const d = derivationFor(w, flatIndex);
  if (!d.ok) return d;
  const page = math.page();
  const markup = card(d.value, page);
  return { ok: true, value: markup + page.defs() };
}

/**
 * The cards of several derived elements (`derivations` of the walkthrough), the same markup as
 * in the fragment, followed by one hidden `<svg>` with the glyphs they use: the panel sends the
 * cards after its first paint in batches of these.
 */
export function renderDerivationCards(derivations: readonly LabelDerivation[], math: MathRenderer): string {
  const page = math.page();
  return derivations.map((d) => card(d, page)).join('') + page.defs();
}

function* table(w: Walkthrough, count: number): Generator<string> {
  const columns = tableColumns(w);
  const head = columns.map((c) => `<th scope="col"${c.numeric ? ' class="lw-num"' : ''}>${escapeHtml(c.header)}</th>`).join('');
  yield `<div class="lw-table-wrap"><table class="lw-table"><caption>${escapeHtml(l10n.t("Each element's target, prediction and loss"))}</caption><thead><tr>${head}</tr></thead><tbody>`;
  for (const row of tableRows(w, count)) {
    const cells = columns.map((c, i) => {
      const value = escapeHtml(c.cell(row));
      const cls = c.numeric ? ' class="lw-num"' : '';
      return i === 0 ? `<th scope="row"${cls}>${value}</th>` : `<td${cls}>${value}</td>`;
    });
    yield `<tr>${cells.join('')}</tr>`;
  }
  yield '</tbody></table></div>';
}

function heatmap(w: Walkthrough, cells: 'button' | 'link', extent: WriterExtent): string {
  const grid = batchGrid(w);
  if (grid === null) return '';
  const base = w.result.options.logBase;
  // The cards shown are those of the first elements: a cell links to its card if it has one.
  const derived = { has: (flatIndex: number) => flatIndex < extent.derivations };
  const head = [
    `<th scope="col">${escapeHtml(l10n.t('Sample'))}</th>`,
    ...grid.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`),
    `<th scope="col" class="lw-num">${escapeHtml(l10n.t('Sample mean'))}</th>`,
  ];
  const body = grid.rows.map((row) => {
    const tds = row.cells.map((cell) => {
      const attrs = `data-index="${cell.row},${cell.column}" data-flat-index="${cell.flatIndex}" aria-label="${escapeHtml(cell.description)}"`;
      let inner: string;
      if (cells === 'button') inner = `<button type="button" class="lw-heat-cell" ${attrs}>${escapeHtml(cell.text)}</button>`;
      else if (derived.has(cell.flatIndex)) inner = `<a class="lw-heat-cell" href="#lw-card-${cell.flatIndex + 1}" ${attrs}>${escapeHtml(cell.text)}</a>`;
      else inner = `<span class="lw-heat-cell" ${attrs}>${escapeHtml(cell.text)}</span>`;
      return `<td class="lw-heat lw-heat-${heatBand(cell.loss, base)}">${inner}</td>`;
    });
    return `<tr><th scope="row">${escapeHtml(row.header)}</th>${tds.join('')}<td class="lw-num">${escapeHtml(row.mean)}</td></tr>`;
  });
  const caption =
    cells === 'button'
      ? l10n.t("Loss of each label in each sample, darker for larger losses, with each sample's mean over its labels; choose a cell to see its derivation")
      : l10n.t("Loss of each label in each sample, darker for larger losses, with each sample's mean over its labels; a linked number leads to its derivation");
  const legend = heatLegend(base)
    .map((b) => `<li><span class="lw-heat-swatch lw-heat-${b.band}" aria-hidden="true"></span>${escapeHtml(b.range)}</li>`)
    .join('');
  const omitted = grid.omitted.map((n) => `<p class="lw-omitted">${escapeHtml(n)}</p>`).join('');
  return (
    `<section class="lw-batch" aria-labelledby="lw-batch-h"><h2 id="lw-batch-h">${escapeHtml(sections().batch)}</h2>${omitted}` +
    `<div class="lw-table-wrap"><table class="lw-heatmap"><caption>${escapeHtml(caption)}</caption>` +
    `<thead><tr>${head.join('')}</tr></thead><tbody>${body.join('')}</tbody></table></div>` +
    `<p class="lw-overall">${escapeHtml(grid.overall)}</p>` +
    `<ul class="lw-heat-legend" aria-label="${escapeHtml(l10n.t('Colour bands of the loss'))}">${legend}</ul></section>`
  );
}

function frameworks(w: Walkthrough): string {
  const t = frameworkTable(w);
  if (t === null) return '';
  const head = frameworkHeaders().map((h, i) => `<th scope="col"${i >= 3 ? ' class="lw-num"' : ''}>${escapeHtml(h)}</th>`).join('');
  const body = t.rows
    .map((r) => {
      const [name, ...rest] = frameworkCells(r);
      const tds = rest.map((c, i) => `<td${i >= 2 ? ' class="lw-num"' : ''}>${escapeHtml(c)}</td>`).join('');
      return `<tr${r.differs ? ' class="lw-differs"' : ''}><th scope="row">${escapeHtml(name ?? '')}</th>${tds}</tr>`;
    })
    .join('');
  const why = t.rows.map((r) => `<dt>${escapeHtml(r.framework)}</dt><dd>${escapeHtml(r.explanation)}</dd>`).join('');
  return (
    `<section class="lw-frameworks" aria-labelledby="lw-frameworks-h"><h2 id="lw-frameworks-h">${escapeHtml(sections().frameworks)}</h2>` +
    t.summary.map((s) => `<p>${escapeHtml(s)}</p>`).join('') +
    `<div class="lw-table-wrap"><table class="lw-table lw-framework-table"><caption>${escapeHtml(l10n.t("Your input under each framework's own rule and default dtype"))}</caption>` +
    `<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div><dl class="lw-framework-notes">${why}</dl></section>`
  );
}

function whyBce(w: Walkthrough): string {
  if (w.whyBce === undefined || w.whyBce.length === 0) return '';
  return (
    `<section class="lw-why" aria-labelledby="lw-why-h"><h2 id="lw-why-h">${escapeHtml(sections().whyBce)}</h2>` +
    w.whyBce.map((p) => `<p>${escapeHtml(p)}</p>`).join('') +
    '</section>'
  );
}

/** The role warning, with the panel's swap button when asked for; after a swap without a warning, the button alone (to undo it). */
function warnings(w: Walkthrough, swapButton: boolean): string {
  const messages = inputWarnings(w);
  const swapped = w.parsed.rolesSwapped === true;
  const button =
    swapButton && (messages.length > 0 || swapped)
      ? `<button type="button" class="lw-swap" data-message="swapRoles">${escapeHtml(messages.length > 0 ? l10n.t('Swap targets and predictions') : l10n.t('Undo the swap'))}</button>`
      : '';
  if (messages.length === 0) return button === '' ? '' : `<p class="lw-swap-row">${button}</p>`;
  const text = messages.map((m) => `<p><strong>${escapeHtml(warningLabel())}</strong> ${escapeHtml(m)}</p>`).join('');
  return `<div class="lw-warning" role="alert">${text}${button}</div>`;
}

export interface HtmlFragmentExtentOptions extends HtmlFragmentOptions {
  /** How many derivations and table rows to write; default what the walkthrough holds. */
  readonly extent?: WriterExtent;
}

/** The panel's fragment, chunk by chunk, card by card (see `renderHtmlFragment`). */
export function* htmlFragmentChunks(w: Walkthrough, renderer: MathRenderer, options: HtmlFragmentExtentOptions = {}): Generator<string> {
  const extent = clampExtent(w, options.extent);
  // The fragment is one document's content: its equations share one set of glyph definitions.
  const math = renderer.page();
  const section = sections();
  yield '<article class="lw-walkthrough">';
  yield* summaryAndInputs(w, options, extent);
  if (extent.derivations > 0) {
    yield `<section class="lw-derivations" aria-labelledby="lw-derivations-h"><h2 id="lw-derivations-h">${escapeHtml(section.steps)}</h2>`;
    for (const d of shownDerivations(w, extent)) yield card(d, math);
    yield '</section>';
  }
  yield `<section class="lw-reduction" aria-labelledby="lw-reduction-h"><h2 id="lw-reduction-h">${escapeHtml(section.reduction)}</h2>${stepList(w.reductionSteps, math)}</section>`;
  yield frameworks(w);
  yield whyBce(w);
  const notes = endNotes(w);
  if (notes.length > 0) {
    const items = notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('');
    yield `<section class="lw-notes" aria-labelledby="lw-notes-h"><h2 id="lw-notes-h">${escapeHtml(section.notes)}</h2><ul>${items}</ul></section>`;
  }
  // Last: the glyphs of every equation above, which may reference them before they are defined.
  yield math.defs();
  yield '</article>';
}

/** The fragment's first sections, which need no equation: the summary, the table and the batch heatmap. */
function* summaryAndInputs(w: Walkthrough, options: HtmlFragmentOptions, extent: WriterExtent): Generator<string> {
  const section = sections();
  const [setting, answer] = summaryLines(w);
  const assumptions = inputNotes(w)
    .map((n) => `<p class="lw-assumption">${escapeHtml(n)}</p>`)
    .join('');
  yield (
    `<section class="lw-summary" aria-labelledby="lw-summary-h"><h2 id="lw-summary-h">${escapeHtml(section.result)}</h2>` +
    `<p class="lw-answer">${escapeHtml(answer ?? '')}</p><p class="lw-setting">${escapeHtml(setting ?? '')}</p>${warnings(w, options.swapButton === true)}${assumptions}</section>`
  );
  yield `<section class="lw-inputs" aria-labelledby="lw-inputs-h"><h2 id="lw-inputs-h">${escapeHtml(section.inputs)}</h2>`;
  yield* table(w, extent.tableRows);
  yield '</section>';
  yield heatmap(w, options.heatmapCells ?? 'button', extent);
}

/**
 * The summary, the table and the batch heatmap alone, as the fragment writes them: what a page
 * can show before MathJax has loaded (a new panel's first page, while its equations are typeset).
 */
export function renderHtmlPreview(w: Walkthrough, options: HtmlFragmentOptions = {}): string {
  return joinChunks(['<article class="lw-walkthrough">', ...summaryAndInputs(w, options, clampExtent(w, undefined)), '</article>']);
}

/** The walkthrough for the panel: summary, table, batch heatmap, one card per derived element, reduction, frameworks, why BCE, notes. */
export function renderHtmlFragment(w: Walkthrough, renderer: MathRenderer, options: HtmlFragmentOptions = {}): string {
  return joinChunks(htmlFragmentChunks(w, renderer, options));
}

export interface HtmlPageExtentOptions extends HtmlPageOptions {
  /** How many derivations and table rows to write; default what the walkthrough holds. */
  readonly extent?: WriterExtent;
}

/** The standalone page, chunk by chunk, card by card (see `renderHtmlPage`). */
export function* htmlPageChunks(w: Walkthrough, math: MathRenderer, options: HtmlPageExtentOptions = {}): Generator<string> {
  const extent = clampExtent(w, options.extent);
  const title = options.title ?? walkthroughTitle();
  // A stylesheet cannot end the <style> element it sits in: `<` has no use in CSS outside
  // strings, where the CSS escape \3c means the same.
  const css = `${options.css ?? ''}\n${math.styleSheet()}`.replace(/</g, '\\3c ');
  const omitted = omissionNotes(w, extent)
    .map((n) => `<p class="lw-omitted">${escapeHtml(n)}</p>`)
    .join('');
  yield `<!DOCTYPE html>
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
${omitted}`;
  yield* htmlFragmentChunks(w, math, { heatmapCells: 'link', extent });
  yield `
</main>
</body>
</html>
`;
}

/**
 * A standalone page: the stylesheet and MathJax's CSS inline, the equations as inline SVG, no
 * script and no network (its own CSP says so, in case the file is opened from anywhere).
 */
export function renderHtmlPage(w: Walkthrough, math: MathRenderer, options: HtmlPageOptions = {}): string {
  return joinChunks(htmlPageChunks(w, math, options));
}
