// The walkthrough as plain text for a terminal: the same story as the other writers, with the
// plain sentence of each step in place of its equation.
import * as l10n from '@vscode/l10n';
import type { Walkthrough } from '../core/types';
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
  warningLabel,
  clampExtent,
  shownDerivations,
  type WriterExtent,
} from './outline';
import { joinChunks, tableRows } from './chunks';

/**
 * Rows padded into columns, two spaces apart, numbers right-aligned. `rows` is called twice, once
 * to measure the columns and once to write them, so that a table of any length is never held.
 */
function* padded(rows: () => Iterable<readonly string[]>, numeric: readonly boolean[], indent = ''): Generator<string> {
  const widths = numeric.map(() => 0);
  for (const row of rows()) {
    for (let c = 0; c < widths.length; c++) widths[c] = Math.max(widths[c] ?? 0, (row[c] ?? '').length);
  }
  for (const row of rows()) {
    const line = row.map((cell, c) => (numeric[c] ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd();
    yield `${indent}${line}`;
  }
}

function* lines(w: Walkthrough, extent: WriterExtent): Generator<string> {
  const section = sections();
  yield* summaryLines(w);
  for (const m of inputWarnings(w)) yield `${warningLabel()} ${m}`;
  yield* inputNotes(w);
  yield '';
  const columns = tableColumns(w);
  const tableCells = function* (): Generator<string[]> {
    yield columns.map((c) => c.header);
    for (const row of tableRows(w, extent.tableRows)) yield columns.map((c) => c.cell(row));
  };
  yield* padded(tableCells, columns.map((c) => c.numeric));
  yield '';
  const grid = batchGrid(w);
  if (grid !== null) {
    yield section.batch;
    for (const n of grid.omitted) yield `  ${n}`;
    const header = [l10n.t('Sample'), ...grid.columns, l10n.t('Sample mean')];
    const cells = [header, ...grid.rows.map((r) => [r.header, ...r.cells.map((c) => c.text), r.mean])];
    yield* padded(() => cells, header.map((_, i) => i > 0), '  ');
    yield `  ${grid.overall}`;
    yield '';
  }
  for (const d of shownDerivations(w, extent)) {
    yield cardHeading(d);
    const { loss, gradient } = splitSteps(d);
    for (const step of loss) yield `  ${step.text}`;
    if (gradient.length > 0) {
      yield `  ${backpropHeading()}:`;
      for (const s of gradient) yield `    ${s.text}`;
    }
    yield '';
  }
  if (w.reductionSteps.length > 0) {
    yield l10n.t('Reduction');
    for (const step of w.reductionSteps) yield `  ${step.text}`;
    yield '';
  }
  const frameworks = frameworkTable(w);
  if (frameworks !== null) {
    yield section.frameworks;
    for (const s of frameworks.summary) yield `  ${s}`;
    const headers = frameworkHeaders();
    const cells = [headers, ...frameworks.rows.map(frameworkCells)];
    yield* padded(() => cells, headers.map((_, i) => i >= 3), '  ');
    for (const r of frameworks.rows) yield `  - ${r.framework}: ${r.explanation}`;
    yield '';
  }
  if (w.whyBce !== undefined && w.whyBce.length > 0) {
    yield section.whyBce;
    for (const p of w.whyBce) yield `  ${p}`;
    yield '';
  }
  const notes = [...omissionNotes(w, extent), ...endNotes(w)];
  if (notes.length > 0) {
    yield section.notes;
    for (const n of notes) yield `  - ${n}`;
  }
}

export interface TextOptions {
  /** How many derivations and table rows to write; default what the walkthrough holds. */
  readonly extent?: WriterExtent;
}

/**
 * The text, chunk by chunk, element by element: the lines joined by newlines, without trailing
 * blank lines or spaces, and one final newline.
 */
export function* textChunks(w: Walkthrough, options: TextOptions = {}): Generator<string> {
  // Blank lines are held back until a line with text follows, so that none trails the end.
  let held: string | null = null;
  const blanks: string[] = [];
  for (const line of lines(w, clampExtent(w, options.extent))) {
    if (line.trim() === '') {
      blanks.push(line);
      continue;
    }
    if (held !== null) yield `${held}\n`;
    for (const blank of blanks) yield `${blank}\n`;
    blanks.length = 0;
    held = line;
  }
  yield `${(held ?? '').trimEnd()}\n`;
}

export function renderText(w: Walkthrough): string {
  return joinChunks(textChunks(w));
}
