// Splits a selection of Python, JavaScript, R or JSON text into the few token kinds the array
// finder needs. One pass of char codes, no regular expressions on the hot path, no recursion:
// linear in the length of the text whatever it contains.

import * as l10n from '@vscode/l10n';

const POW10: readonly number[] = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21,
  1e22,
];

/** Keeps absurd exponents (1e999999999999) from growing without bound; parseFloat gives the value. */
const EXPONENT_CAP = 100000;

export const T_END = 0;
export const T_NUMBER = 1;
/** Something that starts like a number but is not one this parser reads: `1.0f`, `0x1F`, `1e`. */
export const T_BAD_NUMBER = 2;
/** A name, or a dotted chain of names without spaces (`np.nan`, `self.targets`). */
export const T_NAME = 3;
export const T_STRING = 4;
export const T_OPEN = 5;
export const T_CLOSE = 6;
export const T_COMMA = 7;
export const T_COLON = 8;
/** `=`, `:=`, `<-`, `<<-`. */
export const T_ASSIGN = 9;
export const T_SEMICOLON = 10;
export const T_ELLIPSIS = 11;
/** Any other character or operator (`+`, `==`, `=>`, `%`, a lone `.`, ...). */
export const T_OTHER = 12;
/** Text that makes everything after it unreadable: an unclosed string or block comment. */
export const T_FATAL = 13;

export type TokenType = number;

const CH_TAB = 9;
const CH_LF = 10;
const CH_CR = 13;
const CH_SPACE = 32;
const CH_DQUOTE = 34;
const CH_HASH = 35;
const CH_QUOTE = 39;
const CH_LPAREN = 40;
const CH_RPAREN = 41;
const CH_STAR = 42;
const CH_PLUS = 43;
const CH_COMMA = 44;
const CH_MINUS = 45;
const CH_DOT = 46;
const CH_SLASH = 47;
const CH_COLON = 58;
const CH_SEMICOLON = 59;
const CH_LT = 60;
const CH_EQ = 61;
const CH_GT = 62;
const CH_LBRACKET = 91;
const CH_BACKSLASH = 92;
const CH_RBRACKET = 93;
const CH_LBRACE = 123;
const CH_RBRACE = 125;
const CH_EXCLAIM = 33;
/** U+2212 MINUS SIGN, which typeset text (articles, PDFs) uses in place of '-'. */
export const CH_UNICODE_MINUS = 0x2212;
const CH_LINE_SEPARATOR = 0x2028;
const CH_PARAGRAPH_SEPARATOR = 0x2029;

const UNICODE_WORD = /^[\p{L}\p{N}\p{M}]$/u;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Characters that may continue a name; non-ASCII letters count so that labels like `café` work. */
export function isNameChar(c: number): boolean {
  if (c >= 128) return !isUnicodeSpace(c) && UNICODE_WORD.test(String.fromCharCode(c));
  // NaN (past the end of the text) fails every comparison here.
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36;
}

function isNameStart(c: number): boolean {
  return isNameChar(c) && !isDigit(c);
}

function isUnicodeSpace(c: number): boolean {
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Python's string prefixes: `r'..'`, `b".."`, `f'..'`, `rb'..'`, ... */
function isStringPrefix(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length < 1 || length > 2) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) | 32;
    if (c !== 114 && c !== 98 && c !== 117 && c !== 102) return false;
  }
  return true;
}

/** The value of the last number scanDecimal read; a module variable so the hot loop allocates nothing. */
let scannedValue = 0;

/**
 * Reads an unsigned decimal `digits [. digits] [e [+-] digits]` (or `. digits ...`) starting at
 * `start`, sets `scannedValue` and returns where it ends, or -1 when an exponent has no digits.
 * With at most 15 significant digits the mantissa is exact in a double, and so is 10^k for
 * k ≤ 22, so one multiplication or division gives the correctly rounded value (Clinger's fast
 * path), equal to parseFloat's. Anything else goes to parseFloat.
 */
function scanDecimal(text: string, start: number): number {
  let i = start;
  let mantissa = 0;
  let c = text.charCodeAt(i);
  // Leading zeros are not significant; skipping them apart keeps the digit loops free of tests.
  while (c === 48) c = text.charCodeAt(++i);
  let sigStart = i;
  while (c >= 48 && c <= 57) {
    mantissa = mantissa * 10 + (c - 48);
    c = text.charCodeAt(++i);
  }
  let significant = i - sigStart;
  let fractionDigits = 0;
  if (c === CH_DOT && text.charCodeAt(i + 1) !== CH_DOT) {
    c = text.charCodeAt(++i);
    const fractionStart = i;
    if (significant === 0) while (c === 48) c = text.charCodeAt(++i);
    sigStart = i;
    while (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      c = text.charCodeAt(++i);
    }
    significant += i - sigStart;
    fractionDigits = i - fractionStart;
  }
  let exponent = 0;
  if (c === 101 || c === 69) {
    c = text.charCodeAt(++i);
    let exponentNegative = false;
    if (c === CH_PLUS || c === CH_MINUS) {
      exponentNegative = c === CH_MINUS;
      c = text.charCodeAt(++i);
    }
    if (!(c >= 48 && c <= 57)) return -1;
    while (c >= 48 && c <= 57) {
      if (exponent < EXPONENT_CAP) exponent = exponent * 10 + (c - 48);
      c = text.charCodeAt(++i);
    }
    if (exponentNegative) exponent = -exponent;
  }
  const scale = exponent - fractionDigits;
  if (significant === 0) scannedValue = 0;
  else if (significant > 15) scannedValue = parseFloat(text.slice(start, i));
  else if (scale === 0) scannedValue = mantissa;
  else if (scale > 0 && scale <= 22) scannedValue = mantissa * (POW10[scale] as number);
  else if (scale < 0 && scale >= -22) scannedValue = mantissa / (POW10[-scale] as number);
  else scannedValue = parseFloat(text.slice(start, i));
  return i;
}

/**
 * Thrown when text given as lines holds a token that runs from one line into the next (a block
 * comment, a string continued or opened across a line break): the caller reads the lines joined.
 */
export class CrossesLines extends Error {}

export class Lexer {
  /** The text being read: all of it, or with `lines`, the current line. */
  private text: string;
  private length: number;
  /** Position in `text`; the positions the lexer reports (start, end, ...) are in the whole text. */
  private pos = 0;
  /** Where `text` starts in the whole text: the lines before it and their line breaks. */
  private base = 0;
  /** With lines, the text is them joined by '\n', read line by line without building it. */
  private readonly lines: readonly string[] | null;
  private line = 0;
  /** Whether the previous token can end a value (number, name, string, closer): decides if `-1` is a sign or a minus. */
  private previousEndsValue = false;

  type: TokenType = T_END;
  start = 0;
  end = 0;
  /** T_NUMBER: the value, sign included. */
  value = 0;
  /** T_OPEN / T_CLOSE / T_OTHER: the first char code. */
  char = 0;
  /** T_NAME: where the last part of a dotted chain starts (`array` in `np.array`). */
  lastPartStart = 0;
  /** T_STRING: the content between the quotes. */
  contentStart = 0;
  contentEnd = 0;
  /** Whitespace, a line break or a comment came before this token. */
  spaceBefore = false;
  /** A line break came before this token. */
  newlineBefore = false;
  /** T_FATAL: what is wrong. */
  fatalMessage = '';
  fatalSuggestion = '';

  constructor(text: string | readonly string[]) {
    if (typeof text === 'string') {
      this.lines = null;
      this.text = text;
    } else {
      this.lines = text;
      this.text = text[0] ?? '';
    }
    this.length = this.text.length;
  }

  private hasNextLine(): boolean {
    return this.lines !== null && this.line + 1 < this.lines.length;
  }

  /** Moves to the start of the next line, past the line break between them. */
  private nextLine(): void {
    this.base += this.length + 1;
    this.line++;
    this.text = (this.lines as readonly string[])[this.line] as string;
    this.length = this.text.length;
    this.pos = 0;
  }

  /** The text of [start, end) in the whole text, within the current line. */
  slice(start: number, end: number): string {
    return this.text.slice(start - this.base, end - this.base);
  }

  /** `text.indexOf(char, from)` in the whole text, looking no further than the current line. */
  indexOnLine(char: string, from: number): number {
    const at = this.text.indexOf(char, from - this.base);
    return at < 0 ? -1 : at + this.base;
  }

  /** The first char code after the current token, skipping spaces and tabs only (not line breaks). */
  peekCharOnLine(): number {
    let i = this.pos;
    while (i < this.length) {
      const c = this.text.charCodeAt(i);
      if (c !== CH_SPACE && c !== CH_TAB) return c;
      i++;
    }
    return this.hasNextLine() ? CH_LF : -1;
  }

  next(): TokenType {
    let text = this.text;
    let n = this.length;
    let i = this.pos;
    let space = false;
    let newline = false;
    let c = 0;
    for (;;) {
      if (i >= n) {
        if (this.hasNextLine()) {
          // The line break between two lines, as the joined text would have it.
          this.nextLine();
          text = this.text;
          n = this.length;
          i = 0;
          space = newline = true;
          continue;
        }
        this.pos = i;
        this.start = this.end = i + this.base;
        this.spaceBefore = space;
        this.newlineBefore = newline;
        return (this.type = T_END);
      }
      c = text.charCodeAt(i);
      if (c === CH_SPACE || c === CH_TAB || c === CH_CR) {
        i++;
        space = true;
      } else if (c === CH_LF || c === CH_LINE_SEPARATOR || c === CH_PARAGRAPH_SEPARATOR) {
        i++;
        space = newline = true;
      } else if (c === CH_HASH) {
        while (i < n && text.charCodeAt(i) !== CH_LF) i++;
        space = true;
      } else if (c === CH_SLASH && text.charCodeAt(i + 1) === CH_SLASH) {
        while (i < n && text.charCodeAt(i) !== CH_LF) i++;
        space = true;
      } else if (c === CH_SLASH && text.charCodeAt(i + 1) === CH_STAR) {
        const close = text.indexOf('*/', i + 2);
        if (close < 0) {
          if (this.hasNextLine()) throw new CrossesLines();
          return this.unclosedComment(i);
        }
        for (let k = i + 2; k < close; k++) if (text.charCodeAt(k) === CH_LF) newline = true;
        i = close + 2;
        space = true;
      } else if (c >= 128 && isUnicodeSpace(c)) {
        i++;
        space = true;
      } else {
        break;
      }
    }
    this.spaceBefore = space;
    this.newlineBefore = newline;
    this.start = i + this.base;
    this.char = c;

    // Numbers, with a sign attached when the sign cannot be a binary minus: `[0.5 -0.3]` (numpy
    // printing) has two elements, `[1-0.3]` is an expression.
    let digitsStart = -1;
    let negative = false;
    if (isDigit(c) || (c === CH_DOT && isDigit(text.charCodeAt(i + 1)))) {
      digitsStart = i;
    } else if ((c === CH_MINUS || c === CH_PLUS || c === CH_UNICODE_MINUS) && (space || !this.previousEndsValue)) {
      const d = text.charCodeAt(i + 1);
      if (isDigit(d) || (d === CH_DOT && isDigit(text.charCodeAt(i + 2)))) {
        digitsStart = i + 1;
        negative = c !== CH_PLUS;
      }
    }
    if (digitsStart >= 0) return this.number(digitsStart, negative);

    if (isNameStart(c)) return this.name(i);

    if (c === CH_QUOTE || c === CH_DQUOTE) {
      // An apostrophe right after a letter is prose (`Let's`), not a string; Python prefixes are handled in name().
      if (c === CH_QUOTE && i > 0 && isNameChar(text.charCodeAt(i - 1))) return this.single(i, T_OTHER, false);
      return this.string(i, i);
    }

    switch (c) {
      case CH_LPAREN:
      case CH_LBRACKET:
      case CH_LBRACE:
        return this.single(i, T_OPEN, false);
      case CH_RPAREN:
      case CH_RBRACKET:
      case CH_RBRACE:
        return this.single(i, T_CLOSE, true);
      case CH_COMMA:
        return this.single(i, T_COMMA, false);
      case CH_SEMICOLON:
        return this.single(i, T_SEMICOLON, false);
      case CH_COLON:
        if (text.charCodeAt(i + 1) === CH_EQ) return this.span(i, i + 2, T_ASSIGN);
        return this.single(i, T_COLON, false);
      case CH_EQ: {
        const d = text.charCodeAt(i + 1);
        if (d === CH_EQ) return this.span(i, text.charCodeAt(i + 2) === CH_EQ ? i + 3 : i + 2, T_OTHER);
        if (d === CH_GT) return this.span(i, i + 2, T_OTHER);
        return this.single(i, T_ASSIGN, false);
      }
      case CH_LT: {
        // R assignment `<-` and `<<-`; `x < -1` written without spaces is rare enough to read as R.
        if (text.charCodeAt(i + 1) === CH_MINUS) return this.span(i, i + 2, T_ASSIGN);
        if (text.charCodeAt(i + 1) === CH_LT && text.charCodeAt(i + 2) === CH_MINUS) return this.span(i, i + 3, T_ASSIGN);
        if (text.charCodeAt(i + 1) === CH_EQ) return this.span(i, i + 2, T_OTHER);
        return this.single(i, T_OTHER, false);
      }
      case CH_GT:
      case CH_EXCLAIM:
        if (text.charCodeAt(i + 1) === CH_EQ) return this.span(i, i + 2, T_OTHER);
        return this.single(i, T_OTHER, false);
      case CH_DOT:
        if (text.charCodeAt(i + 1) === CH_DOT && text.charCodeAt(i + 2) === CH_DOT) return this.span(i, i + 3, T_ELLIPSIS);
        return this.single(i, T_OTHER, false);
      default:
        // Keep a surrogate pair together so that no range splits a character.
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
          const d = text.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) return this.span(i, i + 2, T_OTHER);
        }
        return this.single(i, T_OTHER, false);
    }
  }

  private single(i: number, type: TokenType, endsValue: boolean): TokenType {
    this.pos = i + 1;
    this.end = i + 1 + this.base;
    this.previousEndsValue = endsValue;
    return (this.type = type);
  }

  private span(start: number, end: number, type: TokenType): TokenType {
    this.pos = end;
    this.end = end + this.base;
    this.start = start + this.base;
    this.previousEndsValue = false;
    return (this.type = type);
  }

  private fatal(start: number, end: number, message: string, suggestion: string): TokenType {
    this.start = start + this.base;
    this.pos = end;
    this.end = end + this.base;
    this.fatalMessage = message;
    this.fatalSuggestion = suggestion;
    return (this.type = T_FATAL);
  }

  /** Out of next() so that the token loop does not grow by the message code. */
  private unclosedComment(start: number): TokenType {
    return this.fatal(start, start + 2, l10n.t('This block comment (/*) is never closed, so everything after it is part of the comment.'), l10n.t('Close it with */.'));
  }

  private number(digitsStart: number, negative: boolean): TokenType {
    const text = this.text;
    const end = scanDecimal(text, digitsStart);
    if (end < 0 || isNameChar(text.charCodeAt(end))) {
      // `1.0f`, `0x1F`, `1e`, `1e+`, `1_000`: read the whole run so the message can quote it.
      let i = digitsStart;
      for (;;) {
        const c = text.charCodeAt(i);
        if (isNameChar(c) || c === CH_DOT) i++;
        else if ((c === CH_PLUS || c === CH_MINUS) && (text.charCodeAt(i - 1) | 32) === 101) i++;
        else break;
      }
      this.pos = i;
      this.end = i + this.base;
      this.previousEndsValue = true;
      return (this.type = T_BAD_NUMBER);
    }
    this.value = negative ? -scannedValue : scannedValue;
    this.pos = end;
    this.end = end + this.base;
    this.previousEndsValue = true;
    return (this.type = T_NUMBER);
  }

  /**
   * The hot path for long arrays: reads plain numbers separated by commas or whitespace (as
   * numpy prints) straight into the caller's arrays, from index `from` up to `limit`, and
   * returns the next free index. Stops before anything else, having consumed nothing of it.
   */
  readNumberRun(values: Float64Array, starts: Int32Array, ends: Int32Array, from: number, limit: number): number {
    const text = this.text;
    const base = this.base;
    let index = from;
    let pos = this.pos;
    while (index < limit) {
      let i = pos;
      let c = text.charCodeAt(i);
      let separated = false;
      while (c === CH_SPACE || c === CH_LF || c === CH_TAB || c === CH_CR) {
        c = text.charCodeAt(++i);
        separated = true;
      }
      if (c === CH_COMMA) {
        c = text.charCodeAt(++i);
        while (c === CH_SPACE || c === CH_LF || c === CH_TAB || c === CH_CR) c = text.charCodeAt(++i);
      } else if (!separated) {
        break;
      }
      const start = i;
      let negative = false;
      if (c === CH_MINUS || c === CH_PLUS) {
        negative = c === CH_MINUS;
        c = text.charCodeAt(++i);
      }
      if (!((c >= 48 && c <= 57) || (c === CH_DOT && isDigit(text.charCodeAt(i + 1))))) break;
      // scanDecimal written out for plain decimals only (no exponent): inlined here it reads a
      // million numbers about a third faster. Anything unusual breaks out to the general path.
      const digitsStart = i;
      let mantissa = 0;
      while (c === 48) c = text.charCodeAt(++i);
      let sigStart = i;
      while (c >= 48 && c <= 57) {
        mantissa = mantissa * 10 + (c - 48);
        c = text.charCodeAt(++i);
      }
      let significant = i - sigStart;
      let fractionDigits = 0;
      if (c === CH_DOT) {
        c = text.charCodeAt(++i);
        const fractionStart = i;
        if (significant === 0) while (c === 48) c = text.charCodeAt(++i);
        sigStart = i;
        while (c >= 48 && c <= 57) {
          mantissa = mantissa * 10 + (c - 48);
          c = text.charCodeAt(++i);
        }
        significant += i - sigStart;
        fractionDigits = i - fractionStart;
      }
      if (c === CH_DOT || c >= 128 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36) break;
      let value: number;
      if (significant === 0) value = 0;
      else if (significant > 15 || fractionDigits > 22) value = parseFloat(text.slice(digitsStart, i));
      else value = fractionDigits === 0 ? mantissa : mantissa / (POW10[fractionDigits] as number);
      values[index] = negative ? -value : value;
      starts[index] = start + base;
      ends[index] = i + base;
      index++;
      pos = i;
    }
    if (index > from) {
      this.start = starts[index - 1] as number;
      this.pos = pos;
      this.end = pos + base;
      this.value = values[index - 1] as number;
      this.previousEndsValue = true;
    }
    return index;
  }

  private name(start: number): TokenType {
    const text = this.text;
    const n = this.length;
    let i = start + 1;
    let lastPart = start;
    for (;;) {
      while (i < n && isNameChar(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) === CH_DOT && i + 1 < n && isNameStart(text.charCodeAt(i + 1))) {
        lastPart = i + 1;
        i += 2;
        continue;
      }
      break;
    }
    const after = text.charCodeAt(i);
    if ((after === CH_QUOTE || after === CH_DQUOTE) && lastPart === start && isStringPrefix(text, start, i)) {
      return this.string(start, i);
    }
    this.lastPartStart = lastPart + this.base;
    this.pos = i;
    this.end = i + this.base;
    this.previousEndsValue = true;
    return (this.type = T_NAME);
  }

  /** A Python, JS, JSON or R string; a backslash escapes the next character (also in Python raw strings). */
  private string(tokenStart: number, quoteAt: number): TokenType {
    const text = this.text;
    const n = this.length;
    const quote = text.charCodeAt(quoteAt);
    const triple = text.charCodeAt(quoteAt + 1) === quote && text.charCodeAt(quoteAt + 2) === quote;
    const open = triple ? 3 : 1;
    let i = quoteAt + open;
    const contentStart = i;
    for (;;) {
      if (i >= n) {
        if (this.hasNextLine()) throw new CrossesLines();
        break;
      }
      const c = text.charCodeAt(i);
      if (c === CH_BACKSLASH) {
        i += 2;
        continue;
      }
      if (c === quote) {
        if (!triple) {
          return this.stringEnd(tokenStart, contentStart, i, i + 1);
        }
        if (text.charCodeAt(i + 1) === quote && text.charCodeAt(i + 2) === quote) {
          return this.stringEnd(tokenStart, contentStart, i, i + 3);
        }
      } else if (c === CH_LF && !triple) {
        break;
      }
      i++;
    }
    const q = String.fromCharCode(quote).repeat(open);
    return this.fatal(
      quoteAt,
      quoteAt + open,
      triple
        ? l10n.t`The string opened by this ${q} is not closed, so the text after it cannot be read.`
        : l10n.t`The string opened by this ${q} is not closed on its line, so the text after it cannot be read.`,
      l10n.t`Close it with ${q}, or leave the quote out of the selection.`,
    );
  }

  private stringEnd(tokenStart: number, contentStart: number, contentEnd: number, end: number): TokenType {
    const base = this.base;
    this.start = tokenStart + base;
    this.contentStart = contentStart + base;
    this.contentEnd = contentEnd + base;
    this.pos = end;
    this.end = end + base;
    this.previousEndsValue = true;
    return (this.type = T_STRING);
  }
}
