// Finds the lines around the cursor that hold the targets and the predictions when nothing is
// selected. Pure logic over lines (no vscode import) so that it is easy to reason about: start
// with the blank-line-delimited paragraph under the cursor, and widen one paragraph at a time
// only while the failure is one that more text could cure (an array still missing, or a bracket
// still open), never past a bounded window so that a huge file cannot make this slow.
import type { InputErrorCode, Result } from '../../core/types';

/** Lines `[startLine, endLine]`, both inclusive. */
export interface LineSpan {
  readonly startLine: number;
  readonly endLine: number;
}

export interface LineSource {
  readonly lineCount: number;
  lineText(line: number): string;
}

/** Look at most this many lines in all; the engine's own caps guard the rest. */
export const MAX_SEARCH_LINES = 200;

const CURABLE_BY_MORE_TEXT: ReadonlySet<InputErrorCode> = new Set<InputErrorCode>(['no-arrays', 'one-array', 'unbalanced-brackets']);

const isBlank = (text: string): boolean => text.trim() === '';

/** The paragraph containing `line`; a blank cursor line starts from the nearest text below, then above. */
function paragraphAt(lines: LineSource, line: number): LineSpan {
  let anchor = line;
  if (isBlank(lines.lineText(anchor))) {
    let below = anchor;
    while (below < lines.lineCount - 1 && isBlank(lines.lineText(below))) below++;
    let above = anchor;
    while (above > 0 && isBlank(lines.lineText(above))) above--;
    if (!isBlank(lines.lineText(below)) && below - anchor <= anchor - above) anchor = below;
    else if (!isBlank(lines.lineText(above))) anchor = above;
    else if (!isBlank(lines.lineText(below))) anchor = below;
    else return { startLine: line, endLine: line };
  }
  let start = anchor;
  while (start > 0 && !isBlank(lines.lineText(start - 1))) start--;
  let end = anchor;
  while (end < lines.lineCount - 1 && !isBlank(lines.lineText(end + 1))) end++;
  return { startLine: start, endLine: end };
}

/** Grows `span` by the next paragraph above or below (whichever is closer), or null at the limit. */
function widen(lines: LineSource, span: LineSpan, window: LineSpan): LineSpan | null {
  const canUp = span.startLine > window.startLine;
  const canDown = span.endLine < window.endLine;
  if (!canUp && !canDown) return null;
  // From the nearest text in each direction: paragraphAt on a blank line may pick the paragraph
  // on its other side, which is the span itself, and the loop would never end.
  const up = canUp ? paragraphAt(lines, nearestText(lines, span.startLine - 1, -1, window.startLine)) : null;
  const down = canDown ? paragraphAt(lines, nearestText(lines, span.endLine + 1, 1, window.endLine)) : null;
  const upCost = up ? span.startLine - up.startLine : Infinity;
  const downCost = down ? down.endLine - span.endLine : Infinity;
  const grown =
    upCost <= downCost
      ? { startLine: Math.max(window.startLine, up!.startLine), endLine: span.endLine }
      : { startLine: span.startLine, endLine: Math.min(window.endLine, down!.endLine) };
  // Every step reads at least one more line, so the search ends within the window.
  if (grown.startLine >= span.startLine && grown.endLine <= span.endLine) {
    return canUp ? { startLine: span.startLine - 1, endLine: span.endLine } : { startLine: span.startLine, endLine: span.endLine + 1 };
  }
  return grown;
}

/** The first line from `from` towards `limit` (by `step`) that holds text, or `limit` if none does. */
function nearestText(lines: LineSource, from: number, step: 1 | -1, limit: number): number {
  let line = from;
  while (line !== limit && isBlank(lines.lineText(line))) line += step;
  return line;
}

/** The window of at most `maxLines` lines centred on `line`, shifted to stay inside the document. */
export function searchWindow(lineCount: number, line: number, maxLines = MAX_SEARCH_LINES): LineSpan {
  const size = Math.min(lineCount, maxLines);
  let start = Math.max(0, line - Math.floor(size / 2));
  if (start + size > lineCount) start = lineCount - size;
  return { startLine: start, endLine: start + size - 1 };
}

export interface Located<T> {
  readonly span: LineSpan;
  readonly result: Result<T>;
}

/**
 * Parses growing spans around `cursorLine` with `parse` until one succeeds. On failure the
 * error returned is the one from the narrowest span whose error more text could not cure,
 * else from the widest span tried, so that the message is about what the user is looking at.
 */
export function locateAroundCursor<T>(
  lines: LineSource,
  cursorLine: number,
  parse: (span: LineSpan) => Result<T>,
  maxLines = MAX_SEARCH_LINES,
): Located<T> {
  const window = searchWindow(lines.lineCount, cursorLine, maxLines);
  const first = paragraphAt(lines, Math.min(Math.max(cursorLine, 0), lines.lineCount - 1));
  let span: LineSpan = {
    startLine: Math.max(first.startLine, window.startLine),
    endLine: Math.min(first.endLine, window.endLine),
  };
  for (;;) {
    const result = parse(span);
    if (result.ok || !CURABLE_BY_MORE_TEXT.has(result.error.code)) return { span, result };
    const next = widen(lines, span, window);
    if (!next) return { span, result };
    span = next;
  }
}
