// The walkthrough as plain text for a terminal: the same story as the other writers, with the
// plain sentence of each step in place of its equation.
import type { Walkthrough } from '../core/types';
import { cardHeading, omissionNotes, summaryLines, tableColumns } from './outline';

function pad(cells: string[][], numeric: boolean[]): string[] {
  const widths = cells[0]?.map((_, c) => Math.max(...cells.map((row) => (row[c] ?? '').length))) ?? [];
  return cells.map((row) => row.map((cell, c) => (numeric[c] ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd());
}

export function renderText(w: Walkthrough): string {
  const out: string[] = [...summaryLines(w), ''];
  const columns = tableColumns(w);
  const rows = [columns.map((c) => c.header), ...w.table.map((row) => columns.map((c) => c.cell(row)))];
  out.push(...pad(rows, columns.map((c) => c.numeric)), '');
  for (const d of w.derivations) {
    out.push(cardHeading(d));
    for (const step of d.steps) out.push(`  ${step.text}`);
    out.push('');
  }
  if (w.reductionSteps.length > 0) {
    out.push('Reduction');
    for (const step of w.reductionSteps) out.push(`  ${step.text}`);
    out.push('');
  }
  const notes = [...omissionNotes(w), ...w.notes];
  if (notes.length > 0) {
    out.push('Notes');
    for (const n of notes) out.push(`  - ${n}`);
  }
  return out.join('\n').trimEnd() + '\n';
}
