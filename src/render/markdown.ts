// The walkthrough as Markdown with `$$` display math, which VS Code's Markdown preview (KaTeX)
// and GitHub (MathJax) both render. User text is escaped as Markdown in prose and tables; in the
// math it is already escaped TeX (see texText), which contains no `<`, `>` or `$$`.
import type { DerivationStep, Walkthrough } from '../core/types';
import { escapeMarkdown } from './escape';
import { TITLE, cardHeading, omissionNotes, summaryLines, tableColumns } from './outline';

/** A display equation on lines of its own, blank lines around, as both renderers require. */
function displayMath(tex: string): string {
  // One line of TeX: a blank line inside `$$` ends the block in some renderers.
  return `$$\n${tex.replace(/\s*\n\s*/g, ' ')}\n$$`;
}

function steps(list: readonly DerivationStep[]): string {
  return list.map((s) => `${displayMath(s.tex)}\n\n${escapeMarkdown(s.text)}`).join('\n\n');
}

function table(w: Walkthrough): string {
  const columns = tableColumns(w);
  const head = `| ${columns.map((c) => escapeMarkdown(c.header)).join(' | ')} |`;
  const rule = `| ${columns.map((c) => (c.numeric ? '---:' : '---')).join(' | ')} |`;
  const rows = w.table.map((r) => `| ${columns.map((c) => escapeMarkdown(c.cell(r))).join(' | ')} |`);
  return [head, rule, ...rows].join('\n');
}

export function renderMarkdown(w: Walkthrough, title: string = TITLE): string {
  const out: string[] = [`# ${escapeMarkdown(title)}`];
  const [setting, answer] = summaryLines(w);
  out.push(`**${escapeMarkdown(answer ?? '')}**\n\n${escapeMarkdown(setting ?? '')}`);
  for (const note of omissionNotes(w)) out.push(`*${escapeMarkdown(note)}*`);
  out.push('## Inputs and losses', table(w));
  if (w.derivations.length > 0) {
    out.push('## Step by step');
    for (const d of w.derivations) out.push(`### ${escapeMarkdown(cardHeading(d))}`, steps(d.steps));
  }
  out.push('## From element losses to the loss', steps(w.reductionSteps));
  if (w.notes.length > 0) out.push('## Notes', w.notes.map((n) => `- ${escapeMarkdown(n)}`).join('\n'));
  return `${out.join('\n\n')}\n`;
}
