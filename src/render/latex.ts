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
import { joinChunks, separated, tableRows, type Block } from './chunks';

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

/** A longtable, row by row (`rows` may be produced as they are written); the columns listed in `breakable` may break long dotted names. */
export function* longtable(spec: string, headers: readonly string[], rows: Iterable<readonly string[]>, breakable: readonly number[] = []): Generator<string> {
  const cell = (c: string, i: number): string => (breakable.includes(i) ? breakableLatexText(c) : escapeLatexText(c));
  yield `\\begin{longtable}{${spec}}\n\\hline\n${headers.map(escapeLatexText).join(' & ')} \\\\\n\\hline\n\\endhead\n`;
  for (const r of rows) yield `${r.map(cell).join(' & ')} \\\\\n`;
  yield '\\hline\n\\end{longtable}';
}

function* tableCells(w: Walkthrough, count: number): Generator<string[]> {
  const columns = tableColumns(w);
  for (const row of tableRows(w, count)) yield columns.map((c) => c.cell(row));
}

function table(w: Walkthrough, count: number): Iterable<string> {
  const columns = tableColumns(w);
  return longtable(
    columns.map((c) => (c.numeric ? 'r' : 'l')).join(''),
    columns.map((c) => c.header),
    tableCells(w, count),
  );
}

function batch(w: Walkthrough): Block[] {
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

function frameworks(w: Walkthrough): Block[] {
  const t = frameworkTable(w);
  if (t === null) return [];
  const items = t.rows.map((r) => `\\item[${escapeLatexText(r.framework)}] ${escapeLatexText(r.explanation)}`);
  const calls = joinChunks(
    longtable('>{\\raggedright\\arraybackslash}p{2.1cm}>{\\raggedright\\arraybackslash}p{3.6cm}lr>{\\raggedright\\arraybackslash}p{1.9cm}', frameworkHeaders(), t.rows.map(frameworkCells), [1]),
  );
  return [
    `\\subsection*{${escapeLatexText(sections().frameworks)}}`,
    t.summary.map(escapeLatexText).join('\n\n'),
    // The calls are long: they wrap in a paragraph column instead of running off the page.
    `{\\small\n${calls}\n}`,
    ['\\begin{description}', ...items, '\\end{description}'].join('\n'),
  ];
}

export interface LatexOptions {
  readonly title?: string;
  /** How many derivations and table rows to write; default what the walkthrough holds. */
  readonly extent?: WriterExtent;
}

function* body(w: Walkthrough, title: string, extent: WriterExtent): Generator<Block> {
  const [setting, answer] = summaryLines(w);
  const section = sections();
  yield `\\section*{${escapeLatexText(title)}}`;
  yield `\\textbf{${escapeLatexText(answer ?? '')}}\n\n${escapeLatexText(setting ?? '')}`;
  for (const warning of inputWarnings(w)) yield `\\begin{quote}\\textbf{${escapeLatexText(warningLabel())}} ${escapeLatexText(warning)}\\end{quote}`;
  for (const note of inputNotes(w)) yield `\\begin{quote}${escapeLatexText(note)}\\end{quote}`;
  for (const note of omissionNotes(w, extent)) yield `\\emph{${escapeLatexText(note)}}`;
  yield `\\subsection*{${escapeLatexText(section.inputs)}}`;
  yield table(w, extent.tableRows);
  yield* batch(w);
  if (extent.derivations > 0) {
    yield `\\subsection*{${escapeLatexText(section.steps)}}`;
    for (const d of shownDerivations(w, extent)) {
      const { loss, gradient } = splitSteps(d);
      yield `\\subsubsection*{${escapeLatexText(cardHeading(d))}}`;
      yield steps(loss);
      if (gradient.length > 0) {
        yield `\\paragraph*{${escapeLatexText(backpropHeading())}}`;
        yield steps(gradient);
      }
    }
  }
  yield `\\subsection*{${escapeLatexText(section.reduction)}}`;
  yield steps(w.reductionSteps);
  yield* frameworks(w);
  if (w.whyBce !== undefined && w.whyBce.length > 0) {
    yield `\\subsection*{${escapeLatexText(section.whyBce)}}`;
    yield* w.whyBce.map(escapeLatexText);
  }
  const notes = endNotes(w);
  if (notes.length > 0) {
    yield `\\subsection*{${escapeLatexText(section.notes)}}`;
    yield ['\\begin{itemize}', ...notes.map((n) => `\\item ${escapeLatexText(n)}`), '\\end{itemize}'].join('\n');
  }
}

/** The LaTeX document, chunk by chunk, element by element: memory stays flat whatever the extent. */
export function* latexChunks(w: Walkthrough, options: LatexOptions = {}): Generator<string> {
  yield `\\documentclass{article}
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
`;
  yield* separated(body(w, options.title ?? walkthroughTitle(), clampExtent(w, options.extent)), '\n\n');
  yield '\n\\end{document}\n';
}

export function renderLatex(w: Walkthrough, title: string = walkthroughTitle()): string {
  return joinChunks(latexChunks(w, { title }));
}
