// Which lines a hover reads. A hover is asked for on every pointer rest, so it must never read
// the whole file: at most HOVER_LINES_AROUND lines above and below the pointer, no line longer
// than MAX_HOVER_LINE_CHARS except the pointer's own, and at most MAX_WINDOW_CHARS in all.
// Inside those bounds a file is read by paragraphs (the command's own paragraph rule, reused
// from locateInput) and a notebook cell as a whole. Pure logic over lines: no vscode import.
import { LineText } from '../../core/parse/text';
import { locateAroundCursor, type LineSource, type LineSpan } from '../walkthrough/locateInput';

export const HOVER_LINES_AROUND = 50;
/** A line this long is not parsed for a hover; a 100,000-number array (about 1.3 M characters) still is. */
export const MAX_HOVER_LINE_CHARS = 2_000_000;
/** All lines read for one hover together. */
export const MAX_WINDOW_CHARS = 4_000_000;

export interface HoverLimits {
  readonly linesAround: number;
  readonly maxLineChars: number;
  readonly maxWindowChars: number;
}

export const DEFAULT_HOVER_LIMITS: HoverLimits = {
  linesAround: HOVER_LINES_AROUND,
  maxLineChars: MAX_HOVER_LINE_CHARS,
  maxWindowChars: MAX_WINDOW_CHARS,
};

/** The lines a hover may read: `lines` with every line outside [first, last] reading as blank. */
export interface BoundedLines extends LineSource {
  readonly first: number;
  readonly last: number;
  /** Whether the bounds cut text off above `first` or below `last` (the line beyond is not blank). */
  readonly clippedAbove: boolean;
  readonly clippedBelow: boolean;
}

/**
 * `lines` as the hover may see them: every line it must not read looks blank, so paragraph
 * walks stop there. Lines are admitted outwards from the pointer's line while each is short
 * enough and the total stays in budget; the pointer's own line is always admitted.
 */
export function boundedLines(lines: LineSource, line: number, limits: HoverLimits = DEFAULT_HOVER_LIMITS): BoundedLines {
  let used = lines.lineText(line).length;
  const reach = (step: 1 | -1): { at: number; clipped: boolean } => {
    const end = step < 0 ? Math.max(0, line - limits.linesAround) : Math.min(lines.lineCount - 1, line + limits.linesAround);
    let at = line;
    while (at !== end) {
      const length = lines.lineText(at + step).length;
      if (length > limits.maxLineChars || used + length > limits.maxWindowChars) break;
      used += length;
      at += step;
    }
    const beyond = at + step;
    return { at, clipped: beyond >= 0 && beyond < lines.lineCount && !isBlank(lines.lineText(beyond)) };
  };
  const up = reach(-1);
  const down = reach(1);
  const first = up.at;
  const last = down.at;
  return {
    lineCount: lines.lineCount,
    first,
    last,
    clippedAbove: up.clipped,
    clippedBelow: down.clipped,
    lineText: (i: number): string => (i >= first && i <= last ? lines.lineText(i) : ''),
  };
}

const isBlank = (text: string): boolean => text.trim() === '';

const FOUND = { ok: true, value: null } as const;

/** The blank-line-delimited paragraph holding `line`, by the command's rule. */
function paragraphOf(lines: LineSource, line: number): LineSpan {
  return locateAroundCursor(lines, line, () => FOUND, lines.lineCount).span;
}

/**
 * The lines the hover at `line` reads first: the paragraph (a file) or the cell (a notebook
 * cell, blank lines and all), within the bounds. Null on a blank line.
 */
export function nearSpan(bounded: BoundedLines, line: number, wholeCell: boolean): LineSpan | null {
  if (isBlank(bounded.lineText(line))) return null;
  if (!wholeCell) return paragraphOf(bounded, line);
  let startLine = bounded.first;
  let endLine = bounded.last;
  while (startLine < line && isBlank(bounded.lineText(startLine))) startLine++;
  while (endLine > line && isBlank(bounded.lineText(endLine))) endLine--;
  return { startLine, endLine };
}

/** Whether the bounds cut `span` off: what it holds may continue beyond what the hover reads. */
export function isCut(bounded: BoundedLines, span: LineSpan): boolean {
  return (span.startLine === bounded.first && bounded.clippedAbove) || (span.endLine === bounded.last && bounded.clippedBelow);
}

/** The paragraphs above and below `span` within the bounds, nearest first (by blank lines between). */
export function neighbourParagraphs(bounded: LineSource, span: LineSpan): LineSpan[] {
  const found: { span: LineSpan; distance: number }[] = [];
  for (let at = span.startLine - 1; at >= 0; ) {
    while (at >= 0 && isBlank(bounded.lineText(at))) at--;
    if (at < 0) break;
    const paragraph = paragraphOf(bounded, at);
    found.push({ span: paragraph, distance: span.startLine - paragraph.endLine });
    at = paragraph.startLine - 1;
  }
  for (let at = span.endLine + 1; at < bounded.lineCount; ) {
    while (at < bounded.lineCount && isBlank(bounded.lineText(at))) at++;
    if (at >= bounded.lineCount) break;
    const paragraph = paragraphOf(bounded, at);
    found.push({ span: paragraph, distance: paragraph.startLine - span.endLine });
    at = paragraph.endLine + 1;
  }
  return found.sort((a, b) => a.distance - b.distance).map((f) => f.span);
}

/** Text of several spans, in document order, separated by a blank line; where each span starts in it. */
export interface AssembledSource {
  /** Joined on first read; the hover itself parses `lines`. */
  readonly text: string;
  /** The same text as its lines (a blank one between spans), read without a joined copy. */
  readonly lines: LineText;
  readonly spans: readonly LineSpan[];
  readonly starts: readonly number[];
}

/** The text the hover parses, and the link's command parses again: one function for both. */
export function assembleSource(lines: LineSource, spans: readonly LineSpan[]): AssembledSource {
  const ordered = [...spans].sort((a, b) => a.startLine - b.startLine);
  const all: string[] = [];
  const starts: number[] = [];
  let offset = 0;
  for (const span of ordered) {
    if (all.length > 0) {
      all.push('');
      offset += 1;
    }
    starts.push(offset);
    for (let i = span.startLine; i <= span.endLine; i++) {
      const text = lines.lineText(i);
      all.push(text);
      offset += text.length + 1;
    }
  }
  const content = new LineText(all);
  return {
    get text(): string {
      return content.text;
    },
    lines: content,
    spans: ordered,
    starts,
  };
}

export interface LinePosition {
  readonly line: number;
  readonly character: number;
}

/** The offset in `source` of a document position inside one of its spans; -1 when outside them. */
export function offsetInSource(lines: LineSource, source: AssembledSource, position: LinePosition): number {
  for (let s = 0; s < source.spans.length; s++) {
    const span = source.spans[s] as LineSpan;
    if (position.line < span.startLine || position.line > span.endLine) continue;
    let offset = source.starts[s] as number;
    for (let i = span.startLine; i < position.line; i++) offset += lines.lineText(i).length + 1;
    return offset + Math.min(position.character, lines.lineText(position.line).length);
  }
  return -1;
}

/** The document position of an offset into `source` (the inverse of `offsetInSource`). */
export function positionInDocument(lines: LineSource, source: AssembledSource, offset: number): LinePosition {
  let s = source.starts.length - 1;
  while (s > 0 && (source.starts[s] as number) > offset) s--;
  const span = source.spans[s] as LineSpan;
  let rest = offset - (source.starts[s] as number);
  for (let line = span.startLine; line <= span.endLine; line++) {
    const length = lines.lineText(line).length;
    if (rest <= length || line === span.endLine) return { line, character: Math.min(rest, length) };
    rest -= length + 1;
  }
  return { line: span.endLine, character: 0 };
}
