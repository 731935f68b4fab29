// The walkthrough as Markdown with `$$` display math, which VS Code's Markdown preview (KaTeX)
// and GitHub (MathJax) both render. User text is escaped as Markdown in prose and tables; in the
// math it is already escaped TeX (see texText), which contains no `<`, `>` or `$$`.
import * as l10n from '@vscode/l10n';
import type { DerivationStep, Walkthrough } from '../core/types';
import { escapeMarkdown } from './escape';
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

/** A display equation on lines of its own, blank lines around, as both renderers require. */
function displayMath(tex: string): string {
  // One line of TeX: a blank line inside `$$` ends the block in some renderers.
  return `$$\n${tex.replace(/\s*\n\s*/g, ' ')}\n$$`;
}

export function steps(list: readonly DerivationStep[]): string {
  return list.map((s) => `${displayMath(s.tex)}\n\n${escapeMarkdown(s.text)}`).join('\n\n');
}

export function pipeTable(headers: readonly string[], numeric: readonly boolean[], rows: readonly string[][]): string {
  const head = `| ${headers.map(escapeMarkdown).join(' | ')} |`;
  const rule = `| ${numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`;
  return [head, rule, ...rows.map((r) => `| ${r.map(escapeMarkdown).join(' | ')} |`)].join('\n');
}

function table(w: Walkthrough): string {
  const columns = tableColumns(w);
  return pipeTable(
    columns.map((c) => c.header),
    columns.map((c) => c.numeric),
    w.table.map((r) => columns.map((c) => c.cell(r))),
  );
}

function batch(w: Walkthrough): string[] {
  const grid = batchGrid(w);
  if (grid === null) return [];
  const headers = [l10n.t('Sample'), ...grid.columns, l10n.t('Sample mean')];
  const rows = grid.rows.map((r) => [r.header, ...r.cells.map((c) => c.text), r.mean]);
  return [
    `## ${escapeMarkdown(sections().batch)}`,
    ...grid.omitted.map((n) => `*${escapeMarkdown(n)}*`),
    escapeMarkdown(l10n.t('Loss of each label in each sample, with each sample’s mean over its labels.')),
    pipeTable(headers, headers.map((_, i) => i > 0), rows),
    `**${escapeMarkdown(grid.overall)}**`,
  ];
}

function frameworks(w: Walkthrough): string[] {
  const t = frameworkTable(w);
  if (t === null) return [];
  const headers = frameworkHeaders();
  const table = pipeTable(headers, headers.map((_, i) => i >= 3), t.rows.map(frameworkCells));
  return [
    `## ${escapeMarkdown(sections().frameworks)}`,
    ...t.summary.map(escapeMarkdown),
    table,
    t.rows.map((r) => `- **${escapeMarkdown(r.framework)}**: ${escapeMarkdown(r.explanation)}`).join('\n'),
  ];
}

export function renderMarkdown(w: Walkthrough, title: string = walkthroughTitle()): string {
  const section = sections();
  const out: string[] = [`# ${escapeMarkdown(title)}`];
  const [setting, answer] = summaryLines(w);
  out.push(`**${escapeMarkdown(answer ?? '')}**\n\n${escapeMarkdown(setting ?? '')}`);
  for (const note of inputNotes(w)) out.push(`> ${escapeMarkdown(note)}`);
  for (const note of omissionNotes(w)) out.push(`*${escapeMarkdown(note)}*`);
  out.push(`## ${escapeMarkdown(section.inputs)}`, table(w));
  out.push(...batch(w));
  if (w.derivations.length > 0) {
    out.push(`## ${escapeMarkdown(section.steps)}`);
    for (const d of w.derivations) {
      const { loss, gradient } = splitSteps(d);
      out.push(`### ${escapeMarkdown(cardHeading(d))}`, steps(loss));
      if (gradient.length > 0) out.push(`#### ${escapeMarkdown(backpropHeading())}`, steps(gradient));
    }
  }
  out.push(`## ${escapeMarkdown(section.reduction)}`, steps(w.reductionSteps));
  out.push(...frameworks(w));
  if (w.whyBce !== undefined && w.whyBce.length > 0) out.push(`## ${escapeMarkdown(section.whyBce)}`, ...w.whyBce.map(escapeMarkdown));
  const notes = endNotes(w);
  if (notes.length > 0) out.push(`## ${escapeMarkdown(section.notes)}`, notes.map((n) => `- ${escapeMarkdown(n)}`).join('\n'));
  return `${out.join('\n\n')}\n`;
}
