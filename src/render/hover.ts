// The hover over an array, as a Markdown string: the formula as an image, the loss, a short
// table, a link to the full walkthrough; or, for an array alone, what it looks like and how to
// pair it. VS Code shows hover Markdown raw beyond 100,000 characters, so every part is bounded
// here (rows, cell widths, notes) and whatever the user typed is escaped as Markdown.
import * as l10n from '@vscode/l10n';
import type { ArraySummary, SingleAnalysis } from '../core/hover';
import { formatNumber } from '../core/derivation/format';
import type { InputKind, LogBase, Reduction, TableRow, Walkthrough } from '../core/types';
import type { LossCall } from '../core/softmax/hover';
import { escapeMarkdown } from './escape';
import { indexLabel, inputWarnings, summaryLines, warningLabel } from './outline';

/** VS Code renders hover Markdown longer than this as plain text. */
export const HOVER_MARKDOWN_LIMIT = 100_000;
/** Rows of the hover's table; the rest are counted, not listed. */
export const HOVER_TABLE_ROWS = 10;
/** Longest cell, note or message, in characters before escaping (escaping can multiply it by 5). */
const MAX_CELL = 40;
const MAX_SENTENCE = 400;
const MAX_NOTES = 3;

export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

/**
 * The formula's colour per theme kind. An image cannot inherit the hover's text colour, so
 * these approximate the default hover foreground of each kind (high contrast: pure white/black).
 */
export function formulaColor(kind: ThemeKind): string {
  switch (kind) {
    case 'light':
      return '#3b3b3b';
    case 'dark':
      return '#cccccc';
    case 'high-contrast':
      return '#ffffff';
    case 'high-contrast-light':
      return '#000000';
  }
}

export interface FormulaChoice {
  readonly reduction: Reduction;
  readonly logBase: LogBase;
  readonly input: InputKind;
}

const LOG = { e: '\\ln', '2': '\\log_{2}', '10': '\\log_{10}' } as const;

/**
 * The BCE formula as the hover shows it: the reduction chosen, the log in the chosen base
 * (log_b x = ln x / ln b, so this is exactly the change of unit), σ(z) for logits.
 */
export function hoverFormulaTex(choice: FormulaChoice): string {
  const log = LOG[choice.logBase];
  const bracket = `\\left[ y_i ${log} \\hat{y}_i + (1 - y_i) ${log} (1 - \\hat{y}_i) \\right]`;
  let tex: string;
  if (choice.reduction === 'mean') tex = `L = -\\frac{1}{N} \\sum_{i=1}^{N} ${bracket}`;
  else if (choice.reduction === 'sum') tex = `L = -\\sum_{i=1}^{N} ${bracket}`;
  else tex = `\\ell_i = -${bracket}`;
  if (choice.input === 'logits') tex += ', \\quad \\hat{y}_i = \\sigma(z_i)';
  return tex;
}

/** Plain words for the formula, the image's alternative text. */
export function hoverFormulaText(choice: FormulaChoice): string {
  const log = choice.logBase === 'e' ? 'ln' : `log${choice.logBase}`;
  // Parentheses, not brackets: the text goes inside the image's `![...]`.
  const bracket = `(y ${log}(ŷ) + (1 − y) ${log}(1 − ŷ))`;
  const lhs = choice.reduction === 'mean' ? 'L = −(1/N) Σ ' : choice.reduction === 'sum' ? 'L = −Σ ' : 'ℓ = −';
  const formula = `${lhs}${bracket}${choice.input === 'logits' ? ', ŷ = σ(z)' : ''}`;
  return l10n.t`Binary cross entropy: ${formula}`;
}

/** An SVG as a `data:` URI an image in hover Markdown can show (base64: no character of it needs escaping). */
export function svgDataUri(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/**
 * A `command:` URI with its arguments as VS Code decodes them (JSON, URI-encoded). Parentheses
 * and quotes are encoded too: in a Markdown link destination they would end or break the link.
 */
export function commandUri(command: string, args: readonly unknown[]): string {
  const encoded = encodeURIComponent(JSON.stringify(args)).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `command:${command}?${encoded}`;
}

/** Text cut to `max` characters (whole code points), with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars: string[] = [];
  for (const ch of text) {
    if (chars.length === max) return `${chars.slice(0, max - 1).join('')}…`;
    chars.push(ch);
  }
  return text;
}

const cell = (text: string): string => escapeMarkdown(clip(text, MAX_CELL));
const sentence = (text: string): string => escapeMarkdown(clip(text, MAX_SENTENCE));

export interface HoverImage {
  /** A `data:` URI. */
  readonly uri: string;
  readonly alt: string;
}

export interface HoverLink {
  readonly title: string;
  /** A `command:` URI, see `commandUri`. */
  readonly uri: string;
}

function imageMarkdown(image: HoverImage | null): string | null {
  // A URI that is not the base64 SVG built above could carry Markdown: leave it out.
  if (image === null || !/^data:image\/svg\+xml;base64,[A-Za-z0-9+/=]*$/.test(image.uri)) return null;
  return `![${sentence(image.alt)}](${image.uri})`;
}

function linkMarkdown(link: HoverLink | null): string | null {
  if (link === null || !/^command:[\w.-]+(\?[A-Za-z0-9%._~-]*)?$/.test(link.uri)) return null;
  return `[${escapeMarkdown(link.title)}](${link.uri})`;
}

function tableMarkdown(w: Walkthrough): string {
  const logits = w.parsed.inputKind === 'logits';
  const labelled = w.parsed.labels !== null;
  // The words are translated, then escaped: a translation must not add a table cell.
  const head = [labelled ? escapeMarkdown(l10n.t('label')) : '#', 'y', ...(logits ? ['z'] : []), 'ŷ', escapeMarkdown(l10n.t('loss'))];
  const rule = [labelled ? ':--' : '--:', '--:', ...(logits ? ['--:'] : []), '--:', '--:'];
  const row = (r: TableRow): string[] => [
    labelled && r.label !== null ? r.label : indexLabel(r.index),
    r.target,
    ...(logits ? [r.logit ?? ''] : []),
    r.prediction,
    r.loss,
  ];
  const lines = [`| ${head.join(' | ')} |`, `| ${rule.join(' | ')} |`];
  for (const r of w.table.slice(0, HOVER_TABLE_ROWS)) lines.push(`| ${row(r).map(cell).join(' | ')} |`);
  const shown = Math.min(w.table.length, HOVER_TABLE_ROWS);
  const more = w.elementCount - shown;
  if (more > 0) lines.push('', escapeMarkdown(l10n.t`… ${more.toLocaleString('en-US')} more`));
  return lines.join('\n');
}

/** Joins the parts and keeps the result under the limit: the image goes first if anything must. */
function assemble(parts: readonly (string | null)[], image: string | null): string {
  const text = parts.filter((p): p is string => p !== null && p !== '');
  const withImage = image !== null ? [image, ...text].join('\n\n') : text.join('\n\n');
  if (withImage.length < HOVER_MARKDOWN_LIMIT) return withImage;
  const without = text.join('\n\n');
  // Cannot happen with the bounds above; a last guard rather than a hover shown as raw text.
  return without.length < HOVER_MARKDOWN_LIMIT ? without : `${without.slice(0, HOVER_MARKDOWN_LIMIT - 2)}…`;
}

/** The command that explains softmax cross entropy (its id, kept here as render cannot import the extension's list). */
const EXPLAIN_SOFTMAX = 'lossWalkthrough.explainSoftmaxCrossEntropy';

/** Which loss the targets call for, said in so many words, with softmax CE's value and a link to it when it is that one. */
export function lossCallMarkdown(call: LossCall, precision: number): string {
  if (call.calls === 'bce') return `**${escapeMarkdown(l10n.t('Binary cross entropy fits:'))}** ${sentence(call.reason)}`;
  const args = call.source !== null ? [call.source] : [];
  const value = l10n.t`PyTorch CrossEntropyLoss (mean) = ${formatNumber(call.softmaxLoss, precision)}.`;
  return `**${escapeMarkdown(l10n.t('Softmax cross entropy fits:'))}** ${sentence(call.reason)} ${escapeMarkdown(value)} [${escapeMarkdown(l10n.t('Explain Softmax Cross Entropy'))}](${commandUri(EXPLAIN_SOFTMAX, args)})`;
}

/** The hover over one of a pair: formula, the loss with its preset and unit, the table, the link; for N×C targets, the loss they call for. */
export function pairHoverMarkdown(w: Walkthrough, image: HoverImage | null, link: HoverLink | null, call?: LossCall | null): string {
  const [setting, answer] = summaryLines(w);
  const notes = w.parsed.notes.slice(0, MAX_NOTES).map((n) => `*${sentence(n)}*`);
  const warnings = inputWarnings(w).map((m) => `**${sentence(warningLabel())}** ${sentence(m)}`);
  return assemble(
    [
      `**${sentence(answer ?? '')}** ${sentence(setting ?? '')}`,
      ...warnings,
      call ? lossCallMarkdown(call, w.precision ?? 6) : null,
      tableMarkdown(w),
      ...notes,
      linkMarkdown(link),
    ],
    imageMarkdown(image),
  );
}

/** What the values suggest the array is (a function: the translation is loaded after import). */
function looksLike(kind: ArraySummary['looksLike']): string {
  switch (kind) {
    case 'zero-one':
      return l10n.t('every value is 0 or 1, so these look like targets (labels).');
    case 'probabilities':
      return l10n.t('every value is within [0, 1], so these look like probabilities.');
    case 'logits':
      return l10n.t('some values are outside [0, 1], so these look like logits (raw scores; the sigmoid turns them into probabilities).');
    case 'unknown':
      return l10n.t('there is no finite value to judge by.');
  }
}

function describeSummary(s: ArraySummary, precision: number): string {
  if (s.count === 0) return l10n.t('An empty array.');
  const shape = s.shape.length > 1 ? ` (${s.shape.join(' × ')})` : '';
  const n = s.count.toLocaleString('en-US');
  const count = s.count === 1 ? l10n.t`${n} number${shape}` : l10n.t`${n} numbers${shape}`;
  const range = Number.isNaN(s.min) ? '' : l10n.t`, min ${formatNumber(s.min, precision)}, max ${formatNumber(s.max, precision)}`;
  const nonFinite = s.nonFinite.toLocaleString('en-US');
  const bad = s.nonFinite === 1 ? l10n.t`${nonFinite} of them is NaN or infinite.` : l10n.t`${nonFinite} of them are NaN or infinite.`;
  return `${count}${range}: ${looksLike(s.looksLike)}${s.nonFinite > 0 ? ` ${bad}` : ''}`;
}

const EXAMPLE = { targets: '`targets = [1, 0, 1]`', predictions: '`predictions = [0.8, 0.3, 0.9]`' } as const;

/** How to give this array a partner, from what its name says or, failing that, from its values. */
function pairingHint(a: SingleAnalysis): string {
  // Our own Markdown (the examples are code spans), not escaped; the sides are whole sentences so that each translates as one.
  const where = l10n.t('in the same statement, paragraph or notebook cell');
  if (a.missing === 'targets') return l10n.t`To see the loss, put the targets next to it (${where}), e.g. ${EXAMPLE.targets}.`;
  if (a.missing === 'predictions') return l10n.t`To see the loss, put the predictions next to it (${where}), e.g. ${EXAMPLE.predictions}.`;
  return a.summary.looksLike === 'zero-one'
    ? l10n.t`To see the loss, name it (if these are the targets: ${EXAMPLE.targets}) and put the predictions ${where}.`
    : l10n.t`To see the loss, name it (if these are the predictions: ${EXAMPLE.predictions}) and put the targets ${where}.`;
}

const NO_PARTNER_CODES: ReadonlySet<string> = new Set(['one-array', 'no-arrays']);

/** Its name, and the role the name or its place in a call gives it when that is not obvious. */
function describeArray(a: SingleAnalysis): string {
  const name = a.hovered.name !== null ? `**${cell(a.hovered.name)}**` : `**${escapeMarkdown(l10n.t('Array'))}**`;
  const role = a.hovered.role;
  if (role === null || role === 'labels' || a.hovered.roleStrength >= 3) return name;
  const readAs =
    role === 'targets' ? l10n.t('(read as the targets)') : role === 'predictions' ? l10n.t('(read as the predictions)') : l10n.t('(read as the logits)');
  return `${name} ${escapeMarkdown(readAs)}`;
}

/** The hover over an array that has no partner, or whose pair cannot give a loss. */
export function singleHoverMarkdown(a: SingleAnalysis, precision: number): string {
  const parts: (string | null)[] = [`${describeArray(a)}: ${sentence(describeSummary(a.summary, precision))}`];
  const problem = a.problem;
  if (a.lossCall !== undefined) {
    // Binary cross entropy cannot take these targets as they are; the loss they call for can.
    parts.push(lossCallMarkdown(a.lossCall, precision));
  } else if (problem !== null && !NO_PARTNER_CODES.has(problem.code)) {
    const why = problem.suggestion !== undefined ? `${problem.message} ${problem.suggestion}` : problem.message;
    parts.push(`**${escapeMarkdown(l10n.t('No loss:'))}** ${sentence(why)}`);
    if (problem.code === 'ambiguous-arrays') parts.push(pairingHint(a));
  } else {
    parts.push(pairingHint(a));
  }
  return assemble(parts, null);
}

/** A one-line hover: something under the pointer that is not worth reading (too long, too many numbers). */
export function noticeHoverMarkdown(message: string): string {
  return assemble([`**Loss Walkthrough:** ${sentence(message)}`], null);
}
