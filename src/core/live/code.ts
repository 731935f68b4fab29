// Just enough of Python and JavaScript to find a loss call in a program's text: strings and
// comments are blanked out (so a bracket or a comma inside them counts for nothing), statements
// are found by bracket depth, and a call's arguments are split at its top-level commas.
// Offsets everywhere index the original text: the blanked copy has the same length.
import type { TextRange } from '../types';

export type CodeLanguage = 'python' | 'javascript';

/**
 * The text with every string's contents and every comment replaced by spaces (newlines kept),
 * so that regular expressions and bracket counting see only code. Quotes stay, so an argument
 * that is a string is still visibly one.
 */
export function blankStringsAndComments(text: string, language: CodeLanguage): string {
  const out = text.split('');
  const n = text.length;
  let i = 0;
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  while (i < n) {
    const c = text[i]!;
    if (language === 'python' && c === '#') {
      const end = lineEnd(text, i);
      blank(i, end);
      i = end;
    } else if (language === 'javascript' && c === '/' && text[i + 1] === '/') {
      const end = lineEnd(text, i);
      blank(i, end);
      i = end;
    } else if (language === 'javascript' && c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? n : close + 2;
      blank(i, end);
      i = end;
    } else if (c === '"' || c === "'" || (language === 'javascript' && c === '`')) {
      const triple = language === 'python' && text.startsWith(c.repeat(3), i);
      const quote = triple ? c.repeat(3) : c;
      let k = i + quote.length;
      while (k < n) {
        if (text[k] === '\\') {
          k += 2;
          continue;
        }
        if (text.startsWith(quote, k)) break;
        // An unterminated one-line string ends at the line's end, so one typo does not swallow the file.
        if (!triple && c !== '`' && text[k] === '\n') break;
        k++;
      }
      const end = Math.min(n, text.startsWith(quote, k) ? k + quote.length : k);
      blank(i + quote.length, Math.max(i + quote.length, end - (text.startsWith(quote, k) ? quote.length : 0)));
      i = end;
    } else {
      i++;
    }
  }
  return out.join('');
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

/** Offset where each line starts; line numbers are 0-based as in VS Code. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

const OPENERS = '([{';
const CLOSERS = ')]}';

/**
 * The statements (as ranges of the text) that overlap line `line`: a statement runs from a line
 * start at bracket depth 0 to the next newline at depth 0 (a Python backslash continues it), or
 * to a `;` at depth 0.
 */
export function statementsOnLine(code: string, line: number, language: CodeLanguage): TextRange[] {
  const starts = lineStarts(code);
  if (line < 0 || line >= starts.length) return [];
  const lineFrom = starts[line]!;
  const lineTo = line + 1 < starts.length ? starts[line + 1]! - 1 : code.length;
  const found: TextRange[] = [];
  let depth = 0;
  let start = 0;
  const close = (end: number) => {
    const range = trimRange(code, { start, end });
    if (range.end > range.start && range.start <= lineTo && range.end >= lineFrom) found.push(range);
  };
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (OPENERS.includes(c)) depth++;
    else if (CLOSERS.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === ';' || (c === '\n' && !(language === 'python' && precededByBackslash(code, i))))) {
      close(i);
      start = i + 1;
      if (start > lineTo) return found;
    }
  }
  close(code.length);
  return found;
}

function precededByBackslash(code: string, newline: number): boolean {
  let k = newline - 1;
  if (code[k] === '\r') k--;
  return code[k] === '\\';
}

function trimRange(code: string, range: TextRange): TextRange {
  let { start, end } = range;
  while (start < end && /\s/.test(code[start]!)) start++;
  while (end > start && /\s/.test(code[end - 1]!)) end--;
  return { start, end };
}

/** The offset of the bracket that closes the one at `open`, or -1. */
export function matchingClose(code: string, open: number, limit = code.length): number {
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const c = code[i]!;
    if (OPENERS.includes(c)) depth++;
    else if (CLOSERS.includes(c)) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

export interface CallArgument {
  /** The keyword (`pos_weight=`), or null for a positional argument. */
  readonly keyword: string | null;
  /** The argument's value as written (original text, trimmed). */
  readonly text: string;
  readonly range: TextRange;
  /** `*args` or `**kwargs`: where the values go cannot be told from the text. */
  readonly spread: boolean;
}

/** The arguments between the brackets at `open` and `close` (exclusive), split at top-level commas. */
export function callArguments(text: string, code: string, open: number, close: number): CallArgument[] {
  const args: CallArgument[] = [];
  let depth = 0;
  let from = open + 1;
  const push = (to: number) => {
    const range = trimRange(code, { start: from, end: to });
    if (range.end <= range.start) return;
    const body = code.slice(range.start, range.end);
    const keyword = /^([A-Za-z_$][\w$]*)\s*=(?!=)\s*/.exec(body);
    const spread = /^\*{1,2}|^\.\.\./.test(body);
    const valueStart = keyword ? range.start + keyword[0].length : range.start;
    args.push({ keyword: keyword ? keyword[1]! : null, text: text.slice(valueStart, range.end), range: { start: valueStart, end: range.end }, spread });
  };
  for (let i = open + 1; i < close; i++) {
    const c = code[i]!;
    if (OPENERS.includes(c)) depth++;
    else if (CLOSERS.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      push(i);
      from = i + 1;
    }
  }
  push(close);
  return args;
}

/** A dotted name as written, without the spaces a line break may have left inside it. */
export function compactName(text: string): string {
  return text.replace(/\s+/g, '');
}
