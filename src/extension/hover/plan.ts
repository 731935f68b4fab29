// What the hover at a position shows, decided without vscode: the bounded text around the
// pointer, the array under it, its partner (same paragraph or cell, else a neighbouring
// paragraph whose array's name says it is the partner), and the walkthrough to summarise,
// built on the command's own path so the hover and the panel give the same numbers.
import * as l10n from '@vscode/l10n';
import { analyseHover, bracketDepthAt, holdsNamedSide, isInsideBrackets, summariseValues, wantsNamedPartner } from '../../core/hover';
import type { HoverAnalysis, PairAnalysis, SingleAnalysis } from '../../core/hover';
import type { InputKindOption, Result, Walkthrough } from '../../core/types';
import { HOVER_TABLE_ROWS } from '../../render/hover';
import { walkthroughFromParsed, type EffectiveOptions } from '../walkthrough/explain';
import type { LineSource, LineSpan } from '../walkthrough/locateInput';
import {
  assembleSource,
  boundedLines,
  DEFAULT_HOVER_LIMITS,
  isCut,
  nearSpan,
  neighbourParagraphs,
  offsetInSource,
  positionInDocument,
  type AssembledSource,
  type BoundedLines,
  type HoverLimits,
  type LinePosition,
} from './window';

export interface HoverRequest {
  readonly line: number;
  readonly character: number;
  /** A notebook cell: its whole text is one unit, blank lines and all. */
  readonly wholeCell: boolean;
  readonly inputKind: InputKindOption;
  readonly limits?: HoverLimits;
}

export interface DocumentRange {
  readonly start: LinePosition;
  readonly end: LinePosition;
}

export interface NoticePlan {
  readonly kind: 'notice';
  readonly message: string;
}

export interface SinglePlan {
  readonly kind: 'single';
  readonly analysis: SingleAnalysis;
  readonly range: DocumentRange;
}

export interface PairPlan {
  readonly kind: 'pair';
  readonly analysis: PairAnalysis;
  /** The text parsed, and the spans it came from (the link re-reads exactly these). */
  readonly source: AssembledSource;
  readonly range: DocumentRange;
}

export type HoverPlan = NoticePlan | SinglePlan | PairPlan;

// Through @vscode/l10n like the engine's text, since this module does without vscode.
const explainTitle = () => l10n.t('Explain Binary Cross Entropy');

function tooLongNotice(length: number, limits: HoverLimits): NoticePlan {
  return {
    kind: 'notice',
    message: l10n.t(
      'This line is too long to preview ({0} characters; a hover reads lines of up to {1}). Select the arrays and run "{2}".',
      length.toLocaleString('en-US'),
      limits.maxLineChars.toLocaleString('en-US'),
      explainTitle(),
    ),
  };
}

function rangeOf(lines: LineSource, source: AssembledSource, analysis: SingleAnalysis | PairAnalysis): DocumentRange {
  const { start, end } = analysis.hovered.range;
  return { start: positionInDocument(lines, source, start), end: positionInDocument(lines, source, end) };
}

/** Analyses `spans` for the pointer; null when the pointer is outside them. */
function analyseSpans(bounded: BoundedLines, spans: readonly LineSpan[], request: HoverRequest): { source: AssembledSource; offset: number; analysis: HoverAnalysis | null } | null {
  const source = assembleSource(bounded, spans);
  const offset = offsetInSource(bounded, source, request);
  if (offset < 0) return null;
  return { source, offset, analysis: analyseHover(source.lines, offset, { inputKind: request.inputKind }) };
}

/** The pointer's array may find its named partner in the nearest paragraph that holds one. */
function withNamedPartner(bounded: BoundedLines, near: LineSpan, single: SingleAnalysis, request: HoverRequest) {
  const wanted = wantsNamedPartner(single);
  if (wanted === null) return null;
  for (const paragraph of neighbourParagraphs(bounded, near)) {
    if (!holdsNamedSide(assembleSource(bounded, [paragraph]).text, wanted)) continue;
    const joined = analyseSpans(bounded, [near, paragraph], request);
    return joined?.analysis?.kind === 'pair' || joined?.analysis?.kind === 'single' ? joined : null;
  }
  return null;
}

/** What to show for the pointer at (line, character) of `lines`; null for nothing. */
export function planHover(lines: LineSource, request: HoverRequest): HoverPlan | null {
  const limits = request.limits ?? DEFAULT_HOVER_LIMITS;
  if (request.line < 0 || request.line >= lines.lineCount) return null;
  const lineText = lines.lineText(request.line);
  if (lineText.length > limits.maxLineChars) {
    return bracketDepthAt(lineText, request.character) > 0 ? tooLongNotice(lineText.length, limits) : null;
  }
  const bounded = boundedLines(lines, request.line, limits);
  const near = nearSpan(bounded, request.line, request.wholeCell);
  if (near === null) return null;
  let found = analyseSpans(bounded, [near], request);
  if (found === null || found.analysis === null) return null;

  if (found.analysis.kind === 'unreadable') {
    if (!isInsideBrackets(found.source.text, found.offset)) return null;
    if (found.analysis.error.code === 'too-many-numbers') return { kind: 'notice', message: found.analysis.error.message };
    if (isCut(bounded, near)) {
      return {
        kind: 'notice',
        message: l10n.t(
          'This array runs past the {0} lines above and below that a hover reads. Select it with its partner and run "{1}".',
          limits.linesAround,
          explainTitle(),
        ),
      };
    }
    return null;
  }
  if (found.analysis.kind === 'single' && !request.wholeCell) found = withNamedPartner(bounded, near, found.analysis, request) ?? found;

  const analysis = found.analysis;
  if (analysis === null || analysis.kind === 'unreadable') return null;
  const range = rangeOf(bounded, found.source, analysis);
  return analysis.kind === 'pair' ? { kind: 'pair', analysis, source: found.source, range } : { kind: 'single', analysis, range };
}

/** The hover's walkthrough: the loss in full, the table capped, none of the sections it does not show. */
export function hoverWalkthrough(plan: PairPlan, options: EffectiveOptions): Result<Walkthrough> {
  return walkthroughFromParsed(plan.analysis.parsed, options, { maxDerivations: 0, maxTableRows: HOVER_TABLE_ROWS, compareFrameworks: false, explain: false });
}

/** A pair whose loss cannot be computed (e.g. a preset refusing the values) is shown as the hovered array alone, with why. */
export function pairAsSingle(plan: PairPlan, walkthrough: Result<Walkthrough>): SinglePlan | null {
  if (walkthrough.ok) return null;
  const { analysis } = plan;
  const array = analysis.side === 'targets' ? analysis.parsed.targets : analysis.parsed.predictions;
  const { code, message, suggestion } = walkthrough.error;
  return {
    kind: 'single',
    range: plan.range,
    analysis: {
      kind: 'single',
      hovered: analysis.hovered,
      summary: summariseValues(array.values, array.shape),
      missing: null,
      problem: { code, message, ...(suggestion !== undefined ? { suggestion } : {}) },
    },
  };
}

/** What a hover shows once the loss is computed: a pair with its walkthrough, or one array alone. */
export type ShownHover = { readonly kind: 'pair'; readonly plan: PairPlan; readonly walkthrough: Walkthrough } | { readonly kind: 'single'; readonly plan: SinglePlan };

export function showHover(plan: PairPlan | SinglePlan, options: EffectiveOptions): ShownHover | null {
  if (plan.kind === 'single') return { kind: 'single', plan };
  const walkthrough = hoverWalkthrough(plan, options);
  if (walkthrough.ok) return { kind: 'pair', plan, walkthrough: walkthrough.value };
  const single = pairAsSingle(plan, walkthrough);
  return single ? { kind: 'single', plan: single } : null;
}
