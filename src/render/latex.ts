// The walkthrough as a complete LaTeX document (article + amsmath) that pdflatex compiles as is.
// Prose and table cells are escaped for text mode; the equations are the derivation's TeX, whose
// user text is already escaped (see texText), with characters pdflatex cannot typeset replaced.
import * as l10n from '@vscode/l10n';
import { controlsToSpaces } from '../core/derivation/tex';
import type { DerivationStep, Walkthrough } from '../core/types';
import {
  backpropHeading,
  batchGrid,
  cardHeading,
  endNotes,
  frameworkCells,
  frameworkHeaders,
  frameworkTable,
  inputNotes,
  omissionNotes,
  sections,
  splitSteps,
  summaryLines,
  tableColumns,
  walkthroughTitle,
} from './outline';

const TEXT_SPECIALS: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '#': '\\#',
  '^': '\\textasciicircum{}',
  _: '\\_',
  '%': '\\%',
  '~': '\\textasciitilde{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

// The symbols the walkthrough's own sentences use, for pdflatex (which knows no Greek or maths
// characters in text).
const TEXT_SYMBOLS: Readonly<Record<string, string>> = {
  '−': '\\ensuremath{-}',
  'σ': '\\ensuremath{\\sigma}',
  'ε': '\\ensuremath{\\varepsilon}',
  '∂': '\\ensuremath{\\partial}',
  '≈': '\\ensuremath{\\approx}',
  '∞': '\\ensuremath{\\infty}',
  '·': '\\ensuremath{\\cdot}',
  '×': '\\ensuremath{\\times}',
  'ŷ': '\\ensuremath{\\hat{y}}',
  '…': '\\ldots{}',
  '—': '---',
  '“': '``',
  '”': "''",
  '’': "'",
  '‘': '`',
};

/** Text outside Latin-1 that pdflatex with T1 fonts could not typeset. */
function unsupported(ch: string): boolean {
  return (ch.codePointAt(0) ?? 0) > 0xff;
}

/** User or prose text for LaTeX text mode. */
export function escapeLatexText(s: string): string {
  let out = '';
  for (const ch of controlsToSpaces(s)) {
    out += TEXT_SPECIALS[ch] ?? TEXT_SYMBOLS[ch] ?? (unsupported(ch) ? '?' : ch);
  }
  return out;
}

/** The derivation's TeX, made safe for pdflatex: only labels can hold such characters. */
function mathForLatex(tex: string): string {
  let out = '';
  for (const ch of tex) out += ch === '…' ? '\\ldots{}' : unsupported(ch) ? '?' : ch;
  return out;
}

export function steps(list: readonly DerivationStep[]): string {
  return list
    .map((s) => {
      const tex = mathForLatex(s.tex);
      // `aligned` must sit in a display; \[ \] gives one, unnumbered.
      return `\\[\n${tex}\n\\]\n${escapeLatexText(s.text)}\n`;
    })
    .join('\n');
}

/** Text that may break after its dots and before its parentheses (a long call such as keras.losses.X(from_logits=True)). */
function breakableLatexText(s: string): string {
  return escapeLatexText(s).replace(/\./g, '.\\allowbreak{}').replace(/\(/g, '\\allowbreak{}(');
}

/** A longtable; the columns listed in `breakable` may break long dotted names. */
export function longtable(spec: string, headers: readonly string[], rows: readonly string[][], breakable: readonly number[] = []): string {
  const cell = (c: string, i: number): string => (breakable.includes(i) ? breakableLatexText(c) : escapeLatexText(c));
  return [
    `\\begin{longtable}{${spec}}`,
    '\\hline',
    `${headers.map(escapeLatexText).join(' & ')} \\\\`,
    '\\hline',
    '\\endhead',
    ...rows.map((r) => `${r.map(cell).join(' & ')} \\\\`),
    '\\hline',
    '\\end{longtable}',
  ].join('\n');
}

function table(w: Walkthrough): string {
  const columns = tableColumns(w);
  return longtable(
    columns.map((c) => (c.numeric ? 'r' : 'l')).join(''),
    columns.map((c) => c.header),
    w.table.map((r) => columns.map((c) => c.cell(r))),
  );
}

function batch(w: Walkthrough): string[] {
  const grid = batchGrid(w);
  if (grid === null) return [];
  const headers = [l10n.t('Sample'), ...grid.columns, l10n.t('Sample mean')];
  return [
    `\\subsection*{${escapeLatexText(sections().batch)}}`,
    ...grid.omitted.map((n) => `\\emph{${escapeLatexText(n)}}`),
    escapeLatexText(l10n.t('Loss of each label in each sample, with each sample’s mean over its labels.')),
    longtable(`l${'r'.repeat(grid.columns.length)}r`, headers, grid.rows.map((r) => [r.header, ...r.cells.map((c) => c.text), r.mean])),
    `\\textbf{${escapeLatexText(grid.overall)}}`,
  ];
}

function frameworks(w: Walkthrough): string[] {
  const t = frameworkTable(w);
  if (t === null) return [];
  const items = t.rows.map((r) => `\\item[${escapeLatexText(r.framework)}] ${escapeLatexText(r.explanation)}`);
  return [
    `\\subsection*{${escapeLatexText(sections().frameworks)}}`,
    t.summary.map(escapeLatexText).join('\n\n'),
    // The calls are long: they wrap in a paragraph column instead of running off the page.
    `{\\small\n${longtable('>{\\raggedright\\arraybackslash}p{2.1cm}>{\\raggedright\\arraybackslash}p{3.6cm}lr>{\\raggedright\\arraybackslash}p{1.9cm}', frameworkHeaders(), t.rows.map(frameworkCells), [1])}\n}`,
    ['\\begin{description}', ...items, '\\end{description}'].join('\n'),
  ];
}

export function renderLatex(w: Walkthrough, title: string = walkthroughTitle()): string {
  const [setting, answer] = summaryLines(w);
  const section = sections();
  const body: string[] = [];
  body.push(`\\section*{${escapeLatexText(title)}}`);
  body.push(`\\textbf{${escapeLatexText(answer ?? '')}}\n\n${escapeLatexText(setting ?? '')}`);
  for (const note of inputNotes(w)) body.push(`\\begin{quote}${escapeLatexText(note)}\\end{quote}`);
  for (const note of omissionNotes(w)) body.push(`\\emph{${escapeLatexText(note)}}`);
  body.push(`\\subsection*{${escapeLatexText(section.inputs)}}`, table(w));
  body.push(...batch(w));
  if (w.derivations.length > 0) {
    body.push(`\\subsection*{${escapeLatexText(section.steps)}}`);
    for (const d of w.derivations) {
      const { loss, gradient } = splitSteps(d);
      body.push(`\\subsubsection*{${escapeLatexText(cardHeading(d))}}`, steps(loss));
      if (gradient.length > 0) body.push(`\\paragraph*{${escapeLatexText(backpropHeading())}}`, steps(gradient));
    }
  }
  body.push(`\\subsection*{${escapeLatexText(section.reduction)}}`, steps(w.reductionSteps));
  body.push(...frameworks(w));
  if (w.whyBce !== undefined && w.whyBce.length > 0) body.push(`\\subsection*{${escapeLatexText(section.whyBce)}}`, ...w.whyBce.map(escapeLatexText));
  const notes = endNotes(w);
  if (notes.length > 0) {
    body.push(`\\subsection*{${escapeLatexText(section.notes)}}`, ['\\begin{itemize}', ...notes.map((n) => `\\item ${escapeLatexText(n)}`), '\\end{itemize}'].join('\n'));
  }
  return `\\documentclass{article}
\\usepackage[utf8]{inputenc}
\\usepackage[T1]{fontenc}
\\usepackage{amsmath}
\\usepackage{longtable}
\\usepackage{array}
% The equations print < and > with \\lt and \\gt, as MathJax and KaTeX do.
\\providecommand{\\lt}{<}
\\providecommand{\\gt}{>}
\\allowdisplaybreaks
\\begin{document}
${body.join('\n\n')}
\\end{document}
`;
}
