// The hover provider: reads the bounded text around the pointer (see window.ts), and shows the
// loss of the pair the array belongs to, or what the array alone looks like. A failure of any
// kind shows nothing rather than an error: a hover is asked for on every pointer rest.
import * as vscode from 'vscode';
import { noticeHoverMarkdown, pairHoverMarkdown, singleHoverMarkdown, commandUri, type HoverLink } from '../../render/hover';
import { readSettings } from '../settings';
import { effectiveOptions } from '../walkthrough/explain';
import type { LineSource } from '../walkthrough/locateInput';
import type { ExplainOverrides } from '../walkthrough/messages';
import type { FormulaImages } from './formula';
import { HOVER_EXPLAIN_COMMAND, type HoverLinkArgs } from './link';
import { HoverMemo } from './memo';
import { planHover, showHover, type DocumentRange, type PairPlan, type ShownHover } from './plan';

export const NOTEBOOK_CELL_SCHEME = 'vscode-notebook-cell';

export function documentLines(document: vscode.TextDocument): LineSource {
  return { lineCount: document.lineCount, lineText: (line) => document.lineAt(line).text };
}

function toRange(range: DocumentRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

function markdown(value: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(value);
  // Only the link's own command may run from this hover; user text is escaped and HTML is off.
  md.isTrusted = { enabledCommands: [HOVER_EXPLAIN_COMMAND] };
  md.supportHtml = false;
  return md;
}

function link(document: vscode.TextDocument, plan: PairPlan, options: ExplainOverrides): HoverLink {
  const linkArgs: HoverLinkArgs = { uri: document.uri.toString(), version: document.version, spans: plan.source.spans, options };
  return { title: vscode.l10n.t('Open walkthrough'), uri: commandUri(HOVER_EXPLAIN_COMMAND, [linkArgs]) };
}

export class LossHoverProvider implements vscode.HoverProvider {
  private readonly memo = new HoverMemo<ShownHover>();

  constructor(private readonly formulas: FormulaImages) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    try {
      return await this.hover(document, position, token);
    } catch (err) {
      console.error('Loss Walkthrough hover failed:', err);
      return undefined;
    }
  }

  private async hover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const settings = readSettings(document);
    const options = effectiveOptions(settings, {});
    const key = { uri: document.uri.toString(), version: document.version, context: JSON.stringify(options) };
    let shown = this.memo.get(key, position);
    if (!shown) {
      const plan = planHover(documentLines(document), {
        line: position.line,
        character: position.character,
        wholeCell: document.uri.scheme === NOTEBOOK_CELL_SCHEME,
        inputKind: settings.inputKind,
      });
      if (plan === null || token.isCancellationRequested) return undefined;
      if (plan.kind === 'notice') return new vscode.Hover(markdown(noticeHoverMarkdown(plan.message)));
      const computed = showHover(plan, options);
      if (computed === null) return undefined;
      this.memo.set(key, computed.plan.range, computed);
      shown = computed;
    }
    if (token.isCancellationRequested) return undefined;
    if (shown.kind === 'single') return new vscode.Hover(markdown(singleHoverMarkdown(shown.plan.analysis, options.precision)), toRange(shown.plan.range));

    const w = shown.walkthrough;
    const image = await this.formulas.image({ reduction: w.result.options.reduction, logBase: w.result.options.logBase, input: w.parsed.inputKind });
    if (token.isCancellationRequested) return undefined;
    const { preset, inputKind, reduction, logBase, precision } = options;
    const open = link(document, shown.plan, { preset, inputKind, reduction, logBase, precision });
    return new vscode.Hover(markdown(pairHoverMarkdown(w, image, open, shown.plan.analysis.lossCall ?? null)), toRange(shown.plan.range));
  }
}
