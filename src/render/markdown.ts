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

/** A display equation on lines of its own, blank lines around, as both renderers require. */
function displayMath(tex: string): string {
  // One line of TeX: a blank line inside `$$` ends the block in some renderers.
  return `$$\n${tex.replace(/\s*\n\s*/g, ' ')}\n$$`;
}

export function steps(list: readonly DerivationStep[]): string {
  return list.map((s) => `${displayMath(s.tex)}\n\n${escapeMarkdown(s.text)}`).join('\n\n');
}

/** A pipe table, row by row: `rows` may be produced as they are written. */
export function* pipeTable(headers: readonly string[], numeric: readonly boolean[], rows: Iterable<readonly string[]>): Generator<string> {
  yield `| ${headers.map(escapeMarkdown).join(' | ')} |\n`;
  yield `| ${numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`;
  for (const r of rows) yield `\n| ${r.map(escapeMarkdown).join(' | ')} |`;
}

function* tableCells(w: Walkthrough, count: number): Generator<string[]> {
  const columns = tableColumns(w);
  for (const row of tableRows(w, count)) yield columns.map((c) => c.cell(row));
}

function table(w: Walkthrough, count: number): Iterable<string> {
  const columns = tableColumns(w);
  return pipeTable(
    columns.map((c) => c.header),
    columns.map((c) => c.numeric),
    tableCells(w, count),
  );
}

function batch(w: Walkthrough): Block[] {
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

function frameworks(w: Walkthrough): Block[] {
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

export interface MarkdownOptions {
  readonly title?: string;
  /** How many derivations and table rows to write; default what the walkthrough holds. */
  readonly extent?: WriterExtent;
}

function* blocks(w: Walkthrough, title: string, extent: WriterExtent): Generator<Block> {
  const section = sections();
  yield `# ${escapeMarkdown(title)}`;
  const [setting, answer] = summaryLines(w);
  yield `**${escapeMarkdown(answer ?? '')}**\n\n${escapeMarkdown(setting ?? '')}`;
  for (const warning of inputWarnings(w)) yield `> **${escapeMarkdown(warningLabel())}** ${escapeMarkdown(warning)}`;
  for (const note of inputNotes(w)) yield `> ${escapeMarkdown(note)}`;
  for (const note of omissionNotes(w, extent)) yield `*${escapeMarkdown(note)}*`;
  yield `## ${escapeMarkdown(section.inputs)}`;
  yield table(w, extent.tableRows);
  yield* batch(w);
  if (extent.derivations > 0) {
    yield `## ${escapeMarkdown(section.steps)}`;
    for (const d of shownDerivations(w, extent)) {
      const { loss, gradient } = splitSteps(d);
      yield `### ${escapeMarkdown(cardHeading(d))}`;
      yield steps(loss);
      if (gradient.length > 0) {
        yield `#### ${escapeMarkdown(backpropHeading())}`;
        yield steps(gradient);
      }
    }
  }
  yield `## ${escapeMarkdown(section.reduction)}`;
  yield steps(w.reductionSteps);
  yield* frameworks(w);
  if (w.whyBce !== undefined && w.whyBce.length > 0) {
    yield `## ${escapeMarkdown(section.whyBce)}`;
    yield* w.whyBce.map(escapeMarkdown);
  }
  const notes = endNotes(w);
  if (notes.length > 0) {
    yield `## ${escapeMarkdown(section.notes)}`;
    yield notes.map((n) => `- ${escapeMarkdown(n)}`).join('\n');
  }
}

/** The Markdown document, chunk by chunk, element by element: memory stays flat whatever the extent. */
export function* markdownChunks(w: Walkthrough, options: MarkdownOptions = {}): Generator<string> {
  yield* separated(blocks(w, options.title ?? walkthroughTitle(), clampExtent(w, options.extent)), '\n\n');
  yield '\n';
}

export function renderMarkdown(w: Walkthrough, title: string = walkthroughTitle()): string {
  return joinChunks(markdownChunks(w, { title }));
}
