// What every writer (HTML, Markdown, LaTeX) says around the equations, as plain unescaped text,
// so the three formats tell the same story and each only has to escape for itself.
// Every sentence goes through l10n.t when it is written, never at import: the extension loads
// the translation bundle after this module is evaluated.
import * as l10n from '@vscode/l10n';
import { PRESETS, elementLossAt } from '../core/loss';
import { formatNumber } from '../core/derivation/format';
import { quoteText } from '../core/parse/text';
import { describeElement, isNamed } from '../core/derivation/steps';
import { derivationFor } from '../core/derivation/walkthrough';
import type { DerivationStep, LabelDerivation, LogBase, TableRow, Walkthrough } from '../core/types';

/** The walkthrough's title, in the display language. */
export function walkthroughTitle(): string {
  return l10n.t('Binary cross entropy, step by step');
}

function baseName(base: LogBase): string {
  switch (base) {
    case 'e':
      return l10n.t('natural log (ln)');
    case '2':
      return l10n.t('log base 2 (bits)');
    case '10':
      return l10n.t('log base 10');
  }
}

export interface TableColumn {
  readonly header: string;
  /** Numbers are right-aligned so their digits line up. */
  readonly numeric: boolean;
  readonly cell: (row: TableRow) => string;
}

/** "1" or "(2, 3)": 1-based, as in the equations' subscripts. */
export function indexLabel(index: readonly number[]): string {
  const one = index.map((i) => i + 1);
  return one.length > 1 ? `(${one.join(', ')})` : String(one[0] ?? '');
}

export function tableColumns(w: Walkthrough): TableColumn[] {
  const columns: TableColumn[] = [{ header: '#', numeric: true, cell: (r) => indexLabel(r.index) }];
  if (w.parsed.labels !== null) columns.push({ header: l10n.t('Label'), numeric: false, cell: (r) => r.label ?? '' });
  columns.push({ header: l10n.t('Target y'), numeric: true, cell: (r) => r.target });
  if (w.parsed.inputKind === 'logits') columns.push({ header: l10n.t('Logit z'), numeric: true, cell: (r) => r.logit ?? '' });
  columns.push({ header: l10n.t('Prediction ŷ'), numeric: true, cell: (r) => r.prediction });
  columns.push({ header: l10n.t('Loss'), numeric: true, cell: (r) => r.loss });
  return columns;
}

/** One or two sentences: which rule, which reduction, which unit, and the answer. */
export function summaryLines(w: Walkthrough): string[] {
  const o = w.result.options;
  const preset = PRESETS[o.preset];
  const call = o.input === 'logits' ? (preset.logitsCall ?? preset.call) : preset.call;
  const n = w.elementCount;
  const base = baseName(o.logBase);
  const setting =
    n === 1
      ? l10n.t`${preset.displayName} (${call}), reduction '${o.reduction}', ${base}, ${o.input}, ${n} element.`
      : l10n.t`${preset.displayName} (${call}), reduction '${o.reduction}', ${base}, ${o.input}, ${n} elements.`;
  const answer =
    o.reduction === 'none'
      ? l10n.t('No reduction: the answer is one loss per element, listed in the table.')
      : l10n.t`Loss L = ${formatNumber(w.result.loss, w.precision)}.`;
  return [setting, answer];
}

/** The card's heading: the label if there is one, with the element's position. */
export function cardHeading(d: LabelDerivation): string {
  const position = indexLabel(d.detail.index);
  return d.detail.label !== null && isNamed(d.detail.label) ? l10n.t`${d.detail.label} (element ${position})` : l10n.t`Element ${position}`;
}

/** A plain description of whom a card is about, for assistive text. */
export function cardDescription(d: LabelDerivation): string {
  return describeElement(d.detail);
}

/**
 * How much of a walkthrough a writer writes: the first `derivations` elements' derivations and the
 * first `tableRows` rows of the table. It may go beyond what the walkthrough built (up to every
 * element): the writer then derives each further element as it reaches it.
 */
export interface WriterExtent {
  readonly derivations: number;
  readonly tableRows: number;
}

/** What the walkthrough itself holds: the default extent of every writer. */
export function builtExtent(w: Walkthrough): WriterExtent {
  return { derivations: w.derivations.length, tableRows: w.table.length };
}

/** `extent` kept within the element count. */
export function clampExtent(w: Walkthrough, extent: WriterExtent | undefined): WriterExtent {
  const e = extent ?? builtExtent(w);
  return { derivations: Math.min(w.elementCount, Math.max(0, e.derivations)), tableRows: Math.min(w.elementCount, Math.max(0, e.tableRows)) };
}

/** The derivations a writer shows, one at a time: none is kept once the writer has moved on. */
export function* shownDerivations(w: Walkthrough, extent: WriterExtent): Generator<LabelDerivation> {
  for (let i = 0; i < extent.derivations; i++) {
    const d = derivationFor(w, i);
    if (d.ok) yield d.value;
  }
}

/** Sentences saying what was left out of a capped walkthrough (the loss still covers everything). */
export function omissionNotes(w: Walkthrough, extent: WriterExtent = builtExtent(w)): string[] {
  const out: string[] = [];
  if (extent.derivations < w.elementCount) {
    out.push(l10n.t`Step-by-step derivations are shown for ${extent.derivations} of ${w.elementCount} elements; the table lists the others.`);
  }
  if (extent.tableRows < w.elementCount) {
    out.push(l10n.t`The table shows the first ${extent.tableRows} of ${w.elementCount} elements; the loss covers all of them.`);
  }
  return out;
}

export type SectionId = 'result' | 'inputs' | 'batch' | 'steps' | 'reduction' | 'frameworks' | 'whyBce' | 'notes';

/** Section headings shared by the writers, so the three formats have the same outline. */
export function sections(): Readonly<Record<SectionId, string>> {
  return {
    result: l10n.t('Result'),
    inputs: l10n.t('Inputs and losses'),
    batch: l10n.t('The batch at a glance'),
    steps: l10n.t('Step by step'),
    reduction: l10n.t('From element losses to the loss'),
    frameworks: l10n.t('The same numbers in each framework'),
    whyBce: l10n.t('Why binary cross entropy, not softmax and NLL'),
    notes: l10n.t('Notes'),
  };
}

/** The heading over each element's gradient, inside its card. */
export function backpropHeading(): string {
  return l10n.t('How backprop adjusts it');
}

/** What the parser assumed about the input (order, logits read by 'auto'): shown up front, not only in the notes. */
export function inputNotes(w: Walkthrough): readonly string[] {
  return w.parsed.notes;
}

/** Warnings about the input (roles that look swapped), shown before everything but the answer. */
export function inputWarnings(w: Walkthrough): readonly string[] {
  return w.parsed.roleWarning !== undefined ? [w.parsed.roleWarning.message] : [];
}

/** The word a warning starts with. */
export function warningLabel(): string {
  return l10n.t('Warning:');
}

/** The notes at the end: everything not already shown up front. */
export function endNotes(w: Walkthrough): string[] {
  const shown = new Set(inputNotes(w));
  return w.notes.filter((n) => !shown.has(n));
}

/** A card's steps split into the loss and backprop's part (the gradient). */
export function splitSteps(d: LabelDerivation): { loss: DerivationStep[]; gradient: DerivationStep[] } {
  return { loss: d.steps.filter((s) => s.kind !== 'gradient'), gradient: d.steps.filter((s) => s.kind === 'gradient') };
}

/** Rows and columns of the batch grid written out; beyond them the table below lists every element. */
export const MAX_GRID_ROWS = 100;
export const MAX_GRID_COLUMNS = 40;

export interface GridCell {
  /** Row-major index into the element losses. */
  readonly flatIndex: number;
  readonly row: number;
  readonly column: number;
  /** The element loss, in the chosen base. */
  readonly loss: number;
  /** Short text for the cell (3 significant digits). */
  readonly text: string;
  /** One sentence for a screen reader: which label, which sample, the loss, its target and prediction. */
  readonly description: string;
}

export interface BatchGrid {
  /** One header per label (the user's name or "Label j"). */
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<{ readonly header: string; readonly cells: readonly GridCell[]; readonly mean: string }>;
  /** The loss the framework reports, as a sentence. */
  readonly overall: string;
  /** Sentences saying which rows or columns were left out. */
  readonly omitted: readonly string[];
}

/**
 * The per-sample, per-label losses of a 2-D input with each sample's mean over the last axis (as
 * Keras computes it) and the overall loss; null for 1-D input.
 */
export function batchGrid(w: Walkthrough): BatchGrid | null {
  const r = w.result;
  if (r.shape.length < 2 || r.sampleLosses === null) return null;
  const rows = r.shape[0] ?? 0;
  const columns = r.shape[r.shape.length - 1] ?? 0;
  const shownRows = Math.min(rows, MAX_GRID_ROWS);
  const shownColumns = Math.min(columns, MAX_GRID_COLUMNS);
  const logits = w.parsed.inputKind === 'logits';
  const fmt = (x: number): string => formatNumber(x, w.precision);
  const labelName = (c: number): string => {
    const label = w.parsed.labels?.[c];
    // Cut: a long name would be repeated in up to 4000 cells' descriptions.
    return label !== undefined && isNamed(label) ? quoteText(label) : l10n.t`Label ${c + 1}`;
  };
  const header = Array.from({ length: shownColumns }, (_, c) => labelName(c));
  const gridRows = [];
  for (let b = 0; b < shownRows; b++) {
    const cells: GridCell[] = [];
    for (let c = 0; c < shownColumns; c++) {
      const i = b * columns + c;
      const loss = elementLossAt(r, i);
      const input = w.parsed.predictions.values[i] ?? NaN;
      const what = logits ? l10n.t`logit ${fmt(input)}` : l10n.t`prediction ${fmt(input)}`;
      cells.push({
        flatIndex: i,
        row: b,
        column: c,
        loss,
        text: formatNumber(loss, 3),
        description: l10n.t`${labelName(c)}, sample ${b + 1}: loss ${fmt(loss)} (target ${fmt(w.parsed.targets.values[i] ?? NaN)}, ${what}).`,
      });
    }
    gridRows.push({ header: l10n.t`Sample ${b + 1}`, cells, mean: fmt(r.sampleLosses[b] ?? NaN) });
  }
  const omitted: string[] = [];
  if (shownRows < rows) omitted.push(l10n.t`The grid shows the first ${shownRows} of ${rows} samples; the table lists every element.`);
  if (shownColumns < columns) omitted.push(l10n.t`The grid shows the first ${shownColumns} of ${columns} labels; the table lists every element.`);
  const overall =
    r.options.reduction === 'none'
      ? l10n.t("With reduction 'none' there is no overall loss: each cell is an answer.")
      : l10n.t`Overall loss L = ${fmt(r.loss)}, the number ${PRESETS[r.options.preset].displayName} reports; the reduction below shows how the element losses make it.`;
  return { columns: header, rows: gridRows, overall, omitted };
}

export interface FrameworkTableRow {
  readonly framework: string;
  readonly call: string;
  readonly dtype: string;
  readonly loss: string;
  /** "reference", "same (≤ 1e-6)", "differs by 84%" or "cannot: …". */
  readonly difference: string;
  readonly differs: boolean;
  readonly explanation: string;
}

/** The side-by-side table as text cells; null when the walkthrough has no comparison. */
export function frameworkTable(w: Walkthrough): { rows: FrameworkTableRow[]; summary: readonly string[] } | null {
  const c = w.frameworks;
  if (c === undefined) return null;
  const none = w.result.options.reduction === 'none';
  const rows = c.rows.map((r, i) => {
    let difference: string;
    if (r.error !== null) difference = l10n.t('not available');
    else if (i === 0) difference = l10n.t('reference');
    else if (!r.differs) difference = l10n.t('same (within 1e-6)');
    else {
      const percent = formatNumber(r.relativeDifference * 100, 3);
      difference = none ? l10n.t`differs by ${percent}% (largest element)` : l10n.t`differs by ${percent}%`;
    }
    return {
      framework: r.framework,
      call: r.call,
      dtype: r.dtype,
      loss: r.error !== null ? '—' : none ? l10n.t('per element') : formatNumber(r.loss, w.precision),
      difference,
      differs: r.differs,
      explanation: r.explanation.join(' '),
    };
  });
  return { rows, summary: c.summary };
}

/** The framework table's column headers; the last two columns are numeric. */
export function frameworkHeaders(): string[] {
  return [l10n.t('Framework'), l10n.t('Call'), l10n.t('dtype'), l10n.t('Loss'), l10n.t('Compared with PyTorch')];
}

/** The framework table's cells in header order. */
export function frameworkCells(r: FrameworkTableRow): string[] {
  return [r.framework, r.call, r.dtype, r.loss, r.difference];
}
