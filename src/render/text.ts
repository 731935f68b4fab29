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
} from './outline';

function pad(cells: string[][], numeric: boolean[]): string[] {
  const widths = cells[0]?.map((_, c) => Math.max(...cells.map((row) => (row[c] ?? '').length))) ?? [];
  return cells.map((row) => row.map((cell, c) => (numeric[c] ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd());
}

export function renderText(w: Walkthrough): string {
  const section = sections();
  const out: string[] = [...summaryLines(w), ...inputWarnings(w).map((m) => `${warningLabel()} ${m}`), ...inputNotes(w), ''];
  const columns = tableColumns(w);
  const rows = [columns.map((c) => c.header), ...w.table.map((row) => columns.map((c) => c.cell(row)))];
  out.push(...pad(rows, columns.map((c) => c.numeric)), '');
  const grid = batchGrid(w);
  if (grid !== null) {
    out.push(section.batch, ...grid.omitted.map((n) => `  ${n}`));
    const header = [l10n.t('Sample'), ...grid.columns, l10n.t('Sample mean')];
    const cells = [header, ...grid.rows.map((r) => [r.header, ...r.cells.map((c) => c.text), r.mean])];
    out.push(...pad(cells, header.map((_, i) => i > 0)).map((l) => `  ${l}`), `  ${grid.overall}`, '');
  }
  for (const d of w.derivations) {
    out.push(cardHeading(d));
    const { loss, gradient } = splitSteps(d);
    for (const step of loss) out.push(`  ${step.text}`);
    if (gradient.length > 0) out.push(`  ${backpropHeading()}:`, ...gradient.map((s) => `    ${s.text}`));
    out.push('');
  }
  if (w.reductionSteps.length > 0) {
    out.push(l10n.t('Reduction'));
    for (const step of w.reductionSteps) out.push(`  ${step.text}`);
    out.push('');
  }
  const frameworks = frameworkTable(w);
  if (frameworks !== null) {
    out.push(section.frameworks, ...frameworks.summary.map((s) => `  ${s}`));
    const headers = frameworkHeaders();
    const cells = [headers, ...frameworks.rows.map(frameworkCells)];
    out.push(...pad(cells, headers.map((_, i) => i >= 3)).map((l) => `  ${l}`));
    for (const r of frameworks.rows) out.push(`  - ${r.framework}: ${r.explanation}`);
    out.push('');
  }
  if (w.whyBce !== undefined && w.whyBce.length > 0) out.push(section.whyBce, ...w.whyBce.map((p) => `  ${p}`), '');
  const notes = [...omissionNotes(w), ...endNotes(w)];
  if (notes.length > 0) {
    out.push(section.notes);
    for (const n of notes) out.push(`  - ${n}`);
  }
  return out.join('\n').trimEnd() + '\n';
}
