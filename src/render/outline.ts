// What every writer (HTML, Markdown, LaTeX) says around the equations, as plain unescaped text,
// so the three formats tell the same story and each only has to escape for itself.
import { PRESETS } from '../core/loss';
import { formatNumber } from '../core/derivation/format';
import { describeElement, isNamed } from '../core/derivation/steps';
import type { LabelDerivation, TableRow, Walkthrough } from '../core/types';

export const TITLE = 'Binary cross entropy, step by step';

const BASE_NAMES = { e: 'natural log (ln)', '2': 'log base 2 (bits)', '10': 'log base 10' } as const;

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
  if (w.parsed.labels !== null) columns.push({ header: 'Label', numeric: false, cell: (r) => r.label ?? '' });
  columns.push({ header: 'Target y', numeric: true, cell: (r) => r.target });
  if (w.parsed.inputKind === 'logits') columns.push({ header: 'Logit z', numeric: true, cell: (r) => r.logit ?? '' });
  columns.push({ header: 'Prediction ŷ', numeric: true, cell: (r) => r.prediction });
  columns.push({ header: 'Loss', numeric: true, cell: (r) => r.loss });
  return columns;
}

/** One or two sentences: which rule, which reduction, which unit, and the answer. */
export function summaryLines(w: Walkthrough): string[] {
  const o = w.result.options;
  const preset = PRESETS[o.preset];
  const call = o.input === 'logits' ? (preset.logitsCall ?? preset.call) : preset.call;
  const setting = `${preset.displayName} (${call}), reduction '${o.reduction}', ${BASE_NAMES[o.logBase]}, ${o.input}, ${w.elementCount} element${w.elementCount === 1 ? '' : 's'}.`;
  const answer =
    o.reduction === 'none'
      ? 'No reduction: the answer is one loss per element, listed in the table.'
      : `Loss L = ${formatNumber(w.result.loss, w.precision)}.`;
  return [setting, answer];
}

/** The card's heading: the label if there is one, with the element's position. */
export function cardHeading(d: LabelDerivation): string {
  const position = indexLabel(d.detail.index);
  return d.detail.label !== null && isNamed(d.detail.label) ? `${d.detail.label} (element ${position})` : `Element ${position}`;
}

/** A plain description of whom a card is about, for assistive text. */
export function cardDescription(d: LabelDerivation): string {
  return describeElement(d.detail);
}

/** Sentences saying what was left out of a capped walkthrough (the loss still covers everything). */
export function omissionNotes(w: Walkthrough): string[] {
  const out: string[] = [];
  if (w.derivations.length < w.elementCount) {
    out.push(`Step-by-step derivations are shown for ${w.derivations.length} of ${w.elementCount} elements; the table lists the others.`);
  }
  if (w.table.length < w.elementCount) {
    out.push(`The table shows the first ${w.table.length} of ${w.elementCount} elements; the loss covers all of them.`);
  }
  return out;
}
