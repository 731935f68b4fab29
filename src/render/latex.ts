// The walkthrough as a complete LaTeX document (article + amsmath) that pdflatex compiles as is.
// Prose and table cells are escaped for text mode; the equations are the derivation's TeX, whose
// user text is already escaped (see texText), with characters pdflatex cannot typeset replaced.
import { controlsToSpaces } from '../core/derivation/tex';
import type { DerivationStep, Walkthrough } from '../core/types';
import { TITLE, cardHeading, omissionNotes, summaryLines, tableColumns } from './outline';

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

function steps(list: readonly DerivationStep[]): string {
  return list
    .map((s) => {
      const tex = mathForLatex(s.tex);
      // `aligned` must sit in a display; \[ \] gives one, unnumbered.
      return `\\[\n${tex}\n\\]\n${escapeLatexText(s.text)}\n`;
    })
    .join('\n');
}

function table(w: Walkthrough): string {
  const columns = tableColumns(w);
  const spec = columns.map((c) => (c.numeric ? 'r' : 'l')).join('');
  const head = columns.map((c) => escapeLatexText(c.header)).join(' & ');
  const rows = w.table.map((r) => `${columns.map((c) => escapeLatexText(c.cell(r))).join(' & ')} \\\\`);
  return [
    `\\begin{longtable}{${spec}}`,
    '\\hline',
    `${head} \\\\`,
    '\\hline',
    '\\endhead',
    ...rows,
    '\\hline',
    '\\end{longtable}',
  ].join('\n');
}

export function renderLatex(w: Walkthrough, title: string = TITLE): string {
  const [setting, answer] = summaryLines(w);
  const body: string[] = [];
  body.push(`\\section*{${escapeLatexText(title)}}`);
  body.push(`\\textbf{${escapeLatexText(answer ?? '')}}\n\n${escapeLatexText(setting ?? '')}`);
  for (const note of omissionNotes(w)) body.push(`\\emph{${escapeLatexText(note)}}`);
  body.push('\\subsection*{Inputs and losses}', table(w));
  if (w.derivations.length > 0) {
    body.push('\\subsection*{Step by step}');
    for (const d of w.derivations) body.push(`\\subsubsection*{${escapeLatexText(cardHeading(d))}}`, steps(d.steps));
  }
  body.push('\\subsection*{From element losses to the loss}', steps(w.reductionSteps));
  if (w.notes.length > 0) {
    body.push('\\subsection*{Notes}', ['\\begin{itemize}', ...w.notes.map((n) => `\\item ${escapeLatexText(n)}`), '\\end{itemize}'].join('\n'));
  }
  return `\\documentclass{article}
\\usepackage[utf8]{inputenc}
\\usepackage[T1]{fontenc}
\\usepackage{amsmath}
\\usepackage{longtable}
% The equations print < and > with \\lt and \\gt, as MathJax and KaTeX do.
\\providecommand{\\lt}{<}
\\providecommand{\\gt}{>}
\\allowdisplaybreaks
\\begin{document}
${body.join('\n\n')}
\\end{document}
`;
}
