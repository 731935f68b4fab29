// Small helpers for messages that point into the user's text without repeating much of it.

import * as l10n from '@vscode/l10n';
import type { TextRange } from '../types';

const MAX_QUOTED = 40;

/** The user's own text, cut to about 40 characters so a message never echoes a long selection. */
export function quoteText(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  if (oneLine.length <= MAX_QUOTED) return oneLine;
  let cut = MAX_QUOTED - 1;
  // Do not split a surrogate pair.
  const c = oneLine.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return `${oneLine.slice(0, cut)}…`;
}

export function quoteRange(source: string, range: TextRange): string {
  // Slicing a little more than needed keeps this cheap on a huge range.
  return quoteText(source.slice(range.start, Math.min(range.end, range.start + MAX_QUOTED * 4)));
}

/** 1-based line and column of a UTF-16 offset, for messages such as "opened at line 3, column 7". */
export function lineColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = source.indexOf('\n'); i >= 0 && i < offset; i = source.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

export function describePosition(source: string, offset: number): string {
  const { line, column } = lineColumn(source, offset);
  return l10n.t`line ${line}, column ${column}`;
}

/**
 * "Prediction at index 1" for a 1-D array, "Prediction at index [0, 2]" for a batch: 0-based, as
 * in Python and JS. "at index" says so, since the walkthrough's own subscripts count from 1.
 * The noun picks one of four whole phrases, so that a translation can inflect it.
 */
export function elementLabel(noun: 'Target' | 'Prediction', shape: readonly number[], flatIndex: number): string {
  if (shape.length === 2) {
    const columns = shape[1] as number;
    const row = Math.floor(flatIndex / columns);
    const column = flatIndex % columns;
    return noun === 'Target' ? l10n.t`Target at index [${row}, ${column}]` : l10n.t`Prediction at index [${row}, ${column}]`;
  }
  return noun === 'Target' ? l10n.t`Target at index ${flatIndex}` : l10n.t`Prediction at index ${flatIndex}`;
}

export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/**
 * A text given as its lines, as if joined by '\n', joined only when it is asked for whole: a
 * hover's paragraph can be two lines of a megabyte each, and a fresh 2 MB string costs about
 * as much as reading its numbers. Numbers and names are sliced from their own line.
 */
export class LineText {
  private joined: string | null = null;
  /** Where each line starts in the joined text. */
  private readonly starts: number[];

  constructor(readonly lines: readonly string[]) {
    this.starts = [];
    let at = 0;
    for (const line of lines) {
      this.starts.push(at);
      at += line.length + 1;
    }
  }

  get text(): string {
    return (this.joined ??= this.lines.join('\n'));
  }

  /** The same as `text.slice(start, end)`, without joining when the range lies on one line. */
  slice(start: number, end: number): string {
    if (this.joined !== null) return this.joined.slice(start, end);
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= start) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = this.starts[lo] as number;
    const line = this.lines[lo];
    if (line === undefined || start < 0 || end < start || end > lineStart + line.length) return this.text.slice(start, end);
    return line.slice(start - lineStart, end - lineStart);
  }
}

/** Parsed text: a string, or its lines read without joining them (see LineText). */
export type SourceText = string | LineText;

export function textOf(source: SourceText): string {
  return typeof source === 'string' ? source : source.text;
}
