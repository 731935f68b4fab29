// The writers for a LossDocument (src/core/document.ts): HTML fragment and page, Markdown, LaTeX
// and text, built from the same pieces as BCE's writers (their step lists, tables and escapes), so
// a loss that is a peer of BCE reads and looks like BCE's walkthrough in every format.
import type { DocumentCard, DocumentSection, DocumentTable, LossDocument } from '../core/document';
import type { DerivationStep } from '../core/types';
import { escapeHtml, escapeMarkdown } from './escape';
import { stepList } from './html';
import { escapeLatexText, longtable, steps as latexSteps } from './latex';
import { pipeTable, steps as markdownSteps } from './markdown';
import { joinChunks } from './chunks';
import type { MathPage, MathRenderer } from './mathjax';
import { backpropHeading, sections } from './outline';

function notesHeading(): string {
  return sections().notes;
}

function htmlTable(t: DocumentTable): string {
  const head = t.headers.map((h, i) => `<th scope="col"${t.numeric[i] ? ' class="lw-num"' : ''}>${escapeHtml(h)}</th>`).join('');
  const body = t.rows
    .map((row) => `<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row"${t.numeric[i] ? ' class="lw-num"' : ''}>${escapeHtml(cell)}</th>` : `<td${t.numeric[i] ? ' class="lw-num"' : ''}>${escapeHtml(cell)}</td>`)).join('')}</tr>`)
    .join('');
  return `<div class="lw-table-wrap"><table class="lw-table"><caption>${escapeHtml(t.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

function htmlCard(card: DocumentCard, math: MathPage): string {
  const id = `lw-${card.id}`;
  const backprop =
    card.gradient.length === 0
      ? ''
      : `<section class="lw-backprop" aria-labelledby="${id}-g"><h4 id="${id}-g">${escapeHtml(backpropHeading())}</h4>${stepList(card.gradient, math)}</section>`;
  return `<section class="lw-card" id="${id}" aria-labelledby="${id}-h"><h3 id="${id}-h">${escapeHtml(card.heading)}</h3>${stepList(card.steps, math)}${backprop}</section>`;
}

function htmlSection(s: DocumentSection): string {
  const id = `lw-${s.id}-h`;
  return `<section class="lw-${escapeHtml(s.id)}" aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(s.heading)}</h2>${s.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}${s.table !== undefined ? htmlTable(s.table) : ''}</section>`;
}

/** The document for a panel, with the same sections and classes as BCE's fragment. */
export function renderDocumentHtmlFragment(doc: LossDocument, renderer: MathRenderer): string {
  const math = renderer.page();
  const parts: string[] = [];
  const [answer, ...setting] = doc.summary;
  parts.push(
    `<section class="lw-summary" aria-labelledby="lw-summary-h"><h2 id="lw-summary-h">${escapeHtml(sections().result)}</h2>` +
      `<p class="lw-answer">${escapeHtml(answer ?? '')}</p>${setting.map((s) => `<p class="lw-setting">${escapeHtml(s)}</p>`).join('')}` +
      doc.assumptions.map((n) => `<p class="lw-assumption">${escapeHtml(n)}</p>`).join('') +
      doc.omitted.map((n) => `<p class="lw-omitted">${escapeHtml(n)}</p>`).join('') +
      '</section>',
  );
  parts.push(`<section class="lw-inputs" aria-labelledby="lw-inputs-h"><h2 id="lw-inputs-h">${escapeHtml(sections().inputs)}</h2>${htmlTable(doc.table)}</section>`);
  if (doc.cards.length > 0) {
    parts.push(`<section class="lw-derivations" aria-labelledby="lw-derivations-h"><h2 id="lw-derivations-h">${escapeHtml(doc.cardsHeading)}</h2>${doc.cards.map((c) => htmlCard(c, math)).join('')}</section>`);
  }
  parts.push(`<section class="lw-reduction" aria-labelledby="lw-reduction-h"><h2 id="lw-reduction-h">${escapeHtml(doc.reductionHeading)}</h2>${stepList(doc.reduction, math)}</section>`);
  for (const s of doc.sections) parts.push(htmlSection(s));
  if (doc.notes.length > 0) {
    parts.push(`<section class="lw-notes" aria-labelledby="lw-notes-h"><h2 id="lw-notes-h">${escapeHtml(notesHeading())}</h2><ul>${doc.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul></section>`);
  }
  parts.push(math.defs());
  return `<article class="lw-walkthrough">${parts.join('')}</article>`;
}

export interface DocumentPageOptions {
  readonly title?: string;
  readonly css?: string;
  readonly lang?: string;
}

/** A standalone page: no script, no network, its own CSP, as BCE's saved page. */
export function renderDocumentHtmlPage(doc: LossDocument, math: MathRenderer, options: DocumentPageOptions = {}): string {
  const title = options.title ?? doc.title;
  const css = `${options.css ?? ''}\n${math.styleSheet()}`.replace(/</g, '\\3c ');
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
${renderDocumentHtmlFragment(doc, math)}
</main>
</body>
</html>
`;
}

export function renderDocumentMarkdown(doc: LossDocument, title: string = doc.title): string {
  const out: string[] = [`# ${escapeMarkdown(title)}`];
  const [answer, ...setting] = doc.summary;
  out.push(`**${escapeMarkdown(answer ?? '')}**`, ...setting.map(escapeMarkdown));
  for (const n of doc.assumptions) out.push(`> ${escapeMarkdown(n)}`);
  for (const n of doc.omitted) out.push(`*${escapeMarkdown(n)}*`);
  out.push(`## ${escapeMarkdown(sections().inputs)}`, joinChunks(pipeTable(doc.table.headers, doc.table.numeric, doc.table.rows)));
  if (doc.cards.length > 0) {
    out.push(`## ${escapeMarkdown(doc.cardsHeading)}`);
    for (const c of doc.cards) {
      out.push(`### ${escapeMarkdown(c.heading)}`, markdownSteps(c.steps));
      if (c.gradient.length > 0) out.push(`#### ${escapeMarkdown(backpropHeading())}`, markdownSteps(c.gradient));
    }
  }
  out.push(`## ${escapeMarkdown(doc.reductionHeading)}`, markdownSteps(doc.reduction));
  for (const s of doc.sections) {
    out.push(`## ${escapeMarkdown(s.heading)}`, ...s.paragraphs.map(escapeMarkdown));
    if (s.table !== undefined) out.push(joinChunks(pipeTable(s.table.headers, s.table.numeric, s.table.rows)));
  }
  if (doc.notes.length > 0) out.push(`## ${escapeMarkdown(notesHeading())}`, doc.notes.map((n) => `- ${escapeMarkdown(n)}`).join('\n'));
  return `${out.join('\n\n')}\n`;
}

function latexTable(t: DocumentTable): string {
  return joinChunks(longtable(t.numeric.map((n) => (n ? 'r' : 'l')).join(''), t.headers, t.rows));
}

export function renderDocumentLatex(doc: LossDocument, title: string = doc.title): string {
  const body: string[] = [`\\section*{${escapeLatexText(title)}}`];
  const [answer, ...setting] = doc.summary;
  body.push(`\\textbf{${escapeLatexText(answer ?? '')}}\n\n${setting.map(escapeLatexText).join('\n\n')}`);
  for (const n of doc.assumptions) body.push(`\\begin{quote}${escapeLatexText(n)}\\end{quote}`);
  for (const n of doc.omitted) body.push(`\\emph{${escapeLatexText(n)}}`);
  body.push(`\\subsection*{${escapeLatexText(sections().inputs)}}`, latexTable(doc.table));
  if (doc.cards.length > 0) {
    body.push(`\\subsection*{${escapeLatexText(doc.cardsHeading)}}`);
    for (const c of doc.cards) {
      body.push(`\\subsubsection*{${escapeLatexText(c.heading)}}`, latexSteps(c.steps));
      if (c.gradient.length > 0) body.push(`\\paragraph*{${escapeLatexText(backpropHeading())}}`, latexSteps(c.gradient));
    }
  }
  body.push(`\\subsection*{${escapeLatexText(doc.reductionHeading)}}`, latexSteps(doc.reduction));
  for (const s of doc.sections) {
    body.push(`\\subsection*{${escapeLatexText(s.heading)}}`, ...s.paragraphs.map(escapeLatexText));
    if (s.table !== undefined) body.push(latexTable(s.table));
  }
  if (doc.notes.length > 0) body.push(`\\subsection*{${escapeLatexText(notesHeading())}}`, ['\\begin{itemize}', ...doc.notes.map((n) => `\\item ${escapeLatexText(n)}`), '\\end{itemize}'].join('\n'));
  return `\\documentclass{article}
\\usepackage[utf8]{inputenc}
\\usepackage[T1]{fontenc}
\\usepackage{amsmath}
\\usepackage{longtable}
\\usepackage{array}
\\providecommand{\\lt}{<}
\\providecommand{\\gt}{>}
\\allowdisplaybreaks
\\begin{document}
${body.join('\n\n')}
\\end{document}
`;
}

function pad(cells: readonly (readonly string[])[], numeric: readonly boolean[]): string[] {
  const widths = cells[0]?.map((_, c) => Math.max(...cells.map((row) => (row[c] ?? '').length))) ?? [];
  return cells.map((row) => row.map((cell, c) => (numeric[c] ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd());
}

function textSteps(list: readonly DerivationStep[], indent: string): string[] {
  return list.map((s) => `${indent}${s.text}`);
}

export function renderDocumentText(doc: LossDocument): string {
  const out: string[] = [...doc.summary, ...doc.assumptions, ...doc.omitted, ''];
  out.push(...pad([doc.table.headers, ...doc.table.rows], doc.table.numeric), '');
  for (const c of doc.cards) {
    out.push(c.heading, ...textSteps(c.steps, '  '));
    if (c.gradient.length > 0) out.push(`  ${backpropHeading()}:`, ...textSteps(c.gradient, '    '));
    out.push('');
  }
  out.push(doc.reductionHeading, ...textSteps(doc.reduction, '  '), '');
  for (const s of doc.sections) {
    out.push(s.heading, ...s.paragraphs.map((p) => `  ${p}`));
    if (s.table !== undefined) out.push(...pad([s.table.headers, ...s.table.rows], s.table.numeric).map((l) => `  ${l}`));
    out.push('');
  }
  if (doc.notes.length > 0) out.push(notesHeading(), ...doc.notes.map((n) => `  - ${n}`));
  return out.join('\n').trimEnd() + '\n';
}
