// Finds every array literal in a selection (lists, tuples, np.array(...), torch.tensor(...),
// R's c(...)) with the name it is assigned to and the call it is an argument of. Brackets are
// tracked on an explicit stack, never by recursion, so any nesting depth is safe and the work is
// linear in the length of the text.
//
// An array that cannot be used (ragged, nested too deep, holding an expression) is still
// reported, with its problem, because it only matters if it turns out to be the one needed.
// Problems that make the rest of the text unreadable (unbalanced brackets, an unclosed string,
// too many numbers) end the scan.

import * as l10n from '@vscode/l10n';
import { inputError } from '../errors';
import type { InputError, InputErrorCode, Result, TextRange } from '../types';
import * as tokens from './lexer';
import { CrossesLines, Lexer, type TokenType } from './lexer';
import { isArrayConstructor, isDeclarationWord, isKeyword, isVectorCall } from './names';
import { describePosition, quoteRange } from './text';

// Local copies: imported bindings are read through getters when the TypeScript is run by tsx
// (tests, benchmark), and the token loop reads these millions of times.
const T_ASSIGN = tokens.T_ASSIGN;
const T_BAD_NUMBER = tokens.T_BAD_NUMBER;
const T_CLOSE = tokens.T_CLOSE;
const T_COLON = tokens.T_COLON;
const T_COMMA = tokens.T_COMMA;
const T_ELLIPSIS = tokens.T_ELLIPSIS;
const T_END = tokens.T_END;
const T_FATAL = tokens.T_FATAL;
const T_NAME = tokens.T_NAME;
const T_NUMBER = tokens.T_NUMBER;
const T_OPEN = tokens.T_OPEN;
const T_OTHER = tokens.T_OTHER;
const T_SEMICOLON = tokens.T_SEMICOLON;
const T_STRING = tokens.T_STRING;
const CH_UNICODE_MINUS = tokens.CH_UNICODE_MINUS;

/** An array as found in the text, before any role is given to it. */
export interface RawArray {
  readonly values: Float64Array;
  readonly shape: readonly number[];
  readonly range: TextRange;
  readonly valueStarts: Int32Array;
  readonly valueEnds: Int32Array;
  readonly name: string | null;
  readonly content: 'numbers' | 'words';
  readonly words: readonly string[] | null;
  readonly problem: InputError | null;
  /** The name came from `name=` inside a call (a keyword argument). */
  readonly nameIsKeyword: boolean;
  /** The function this array is a direct argument of, by the last part of its name. */
  readonly callee: string | null;
  /** 0-based positional index in that call; -1 for keyword arguments or outside calls. */
  readonly argumentIndex: number;
  /** The call had `from_logits=True`, here or on the loss object it calls. */
  fromLogits: boolean;
}

const F_CODE = 0;
const F_ARRAY = 1;
const F_CONSTRUCTOR = 2;
const F_SKIP = 3;
const F_SCALAR_CALL = 4;

const CONTENT_NONE = 0;
const CONTENT_NUMBERS = 1;
const CONTENT_WORDS = 2;

const LAYOUT_UNKNOWN = 0;
const LAYOUT_SCALARS = 1;
const LAYOUT_ROWS = 2;

const CH_LPAREN = 40;
const CH_RPAREN = 41;
const CH_LBRACKET = 91;
const CH_RBRACKET = 93;
const CH_LBRACE = 123;
const CH_RBRACE = 125;
const CH_PLUS = 43;
const CH_MINUS = 45;

/** State shared by all levels of one array literal. */
class ArrayBuild {
  content = CONTENT_NONE;
  layout = LAYOUT_UNKNOWN;
  rows = 0;
  rowLength = -1;
  sawComma = false;
  error: InputError | null = null;
  readonly words: string[] = [];
  constructor(
    readonly name: string | null,
    readonly nameIsKeyword: boolean,
    /** Where the array's range starts: its bracket, or the `c` of `c(...)`. */
    readonly start: number,
    /** A parenthesis in code: a tuple if it holds values, otherwise just grouping, and then forgotten. */
    readonly parenthesis: boolean,
  ) {}
}

/** One open bracket. A single class for every kind keeps property access monomorphic. */
class Frame {
  // Code (top level, call arguments, dict/object/block).
  isCall = false;
  /** Line breaks end statements here (top level and braces), not inside () or []. */
  statementsByLine = false;
  callee: string | null = null;
  previous: TokenType = T_END;
  lastName: string | null = null;
  lastNameIsKeyword = false;
  /** No token yet in this statement, argument or item (declaration words such as `const` aside). */
  atItemStart = true;
  /** The last name began its statement or item, as the name in `x: T = value` does. */
  lastNameAtItemStart = false;
  /** The last name was the end of a dotted chain (`np.array`), not a bare name (`c`). */
  lastNameIsChain = false;
  chainStart = 0;
  chainPrevious: TokenType = T_END;
  colonName: string | null = null;
  colonCrossedLine = false;
  assignName: string | null = null;
  /** `a, b = [...], [...]`: the names left of the `=`, given to the values in order. */
  leftNames: (string | null)[] | null = null;
  unpackNames: (string | null)[] | null = null;
  unpackIndex = 0;
  valueInStatement = false;
  argumentIndex = 0;
  argumentHasAssign = false;
  fromLogits = false;
  lastClosedCall: string | null = null;
  lastClosedFromLogits = false;
  /** Indexes (into the scan's arrays) of the arrays that are direct arguments of this call. */
  directArrays: number[] | null = null;
  // Array levels.
  build: ArrayBuild | null = null;
  depth = 0;
  count = 0;
  expectSeparator = false;
  sign = 0;
  signStart = 0;
  /** A row that appeared after single numbers at the same level. */
  mixedRow = false;
  // Constructor calls (np.array(...)) and scalar calls inside arrays (float('nan')).
  name: string | null = null;
  nameIsKeyword = false;
  start = 0;
  found: RawArray | null = null;
  tokensInFirstArgument = 0;
  scalarValue = 0;
  scalarFloat32 = false;

  constructor(
    readonly kind: number,
    readonly open: number,
    readonly openPos: number,
  ) {}
}

/** Each open bracket costs a frame; past this depth the text cannot be data, so reading stops. */
const MAX_NESTING = 10_000;

/** Each array found costs a few objects; a selection with more cannot be data to explain, so reading stops. */
const MAX_ARRAYS = 100_000;

const EMPTY_VALUES = new Float64Array(0);
const EMPTY_POSITIONS = new Int32Array(0);

function closerFor(open: number): number {
  return open === CH_LPAREN ? CH_RPAREN : open === CH_LBRACKET ? CH_RBRACKET : CH_RBRACE;
}

/** true/false and the spellings of NaN and infinity, by the lower-cased last part of a name. */
function specialValue(lowerLastPart: string): number | undefined {
  switch (lowerLastPart) {
    case 'true':
      return 1;
    case 'false':
      return 0;
    case 'nan':
    case 'na':
    case 'na_real_':
      return NaN;
    case 'inf':
    case 'infinity':
    case 'infty':
    case 'positive_infinity':
      return Infinity;
    case 'negative_infinity':
      return -Infinity;
    default:
      return undefined;
  }
}

function isMissingValue(lowerLastPart: string): boolean {
  return lowerLastPart === 'none' || lowerLastPart === 'null' || lowerLastPart === 'undefined';
}

/** float('nan'), float("-inf"), np.float32('0.1'): the string forms Python accepts. */
function stringValue(content: string): number | undefined {
  const s = content.trim().toLowerCase();
  const unsigned = s.startsWith('-') || s.startsWith('+') ? s.slice(1) : s;
  const sign = s.startsWith('-') ? -1 : 1;
  if (unsigned === 'nan') return NaN;
  if (unsigned === 'inf' || unsigned === 'infinity') return sign * Infinity;
  if (/^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(unsigned)) return sign * parseFloat(unsigned);
  return undefined;
}

const INITIAL_BUFFER = 1024;

export class ArrayScanner {
  private readonly lexer: Lexer;
  private readonly stack: Frame[];
  private readonly arrays: RawArray[] = [];
  private buffer = new Float64Array(INITIAL_BUFFER);
  /** Values, start and end offsets of the array being read; one array is read at a time. */
  private starts = new Int32Array(INITIAL_BUFFER);
  private ends = new Int32Array(INITIAL_BUFFER);
  private used = 0;
  private total = 0;

  /** The whole text, built from the lines only when a message quotes it. */
  private joined: string | null;

  constructor(
    private readonly source: string | readonly string[],
    private readonly maxNumbers: number,
  ) {
    this.joined = typeof source === 'string' ? source : null;
    this.lexer = new Lexer(source);
    const top = new Frame(F_CODE, -1, -1);
    top.statementsByLine = true;
    this.stack = [top];
  }

  /** The whole text, for messages; tokens are read through the lexer, which needs no joined copy. */
  private get text(): string {
    return (this.joined ??= (this.source as readonly string[]).join('\n'));
  }

  scan(): Result<RawArray[]> {
    const lexer = this.lexer;
    const stack = this.stack;
    for (;;) {
      const t = lexer.next();
      if (t === T_END) break;
      if (t === T_FATAL) {
        return fail('syntax', lexer.fatalMessage, { start: lexer.start, end: lexer.end }, lexer.fatalSuggestion);
      }
      const frame = stack[stack.length - 1] as Frame;
      let error: InputError | null = null;
      if (t === T_CLOSE) {
        error = this.close(frame);
      } else {
        switch (frame.kind) {
          case F_CODE:
            this.codeToken(frame, t);
            break;
          case F_ARRAY:
            error = this.arrayToken(frame, t);
            break;
          case F_CONSTRUCTOR:
            this.constructorToken(frame, t);
            break;
          case F_SCALAR_CALL:
            this.scalarCallToken(frame, t);
            break;
          default:
            if (t === T_OPEN) this.push(new Frame(F_SKIP, lexer.char, lexer.start));
        }
      }
      if (error !== null) return { ok: false, error };
      if (this.arrays.length > MAX_ARRAYS) {
        return fail(
          'too-many-numbers',
          l10n.t`The selection holds more than ${MAX_ARRAYS.toLocaleString('en-US')} arrays, more than any loss to explain needs.`,
          (this.arrays[MAX_ARRAYS] as RawArray).range,
          l10n.t('Select only the targets and the predictions (and the label names).'),
        );
      }
      if (stack.length - 1 > MAX_NESTING) {
        const open = stack[stack.length - 1] as Frame;
        return fail(
          'syntax',
          l10n.t`Brackets are nested more than ${MAX_NESTING.toLocaleString('en-US')} deep here, which no array to explain needs.`,
          { start: open.openPos, end: open.openPos + 1 },
          l10n.t('Select only the arrays: a flat list, or a list of rows.'),
        );
      }
    }
    if (stack.length > 1) {
      const open = stack[stack.length - 1] as Frame;
      const opener = String.fromCharCode(open.open);
      const closer = String.fromCharCode(closerFor(open.open));
      return fail(
        'unbalanced-brackets',
        l10n.t`This '${opener}' is never closed.`,
        { start: open.openPos, end: open.openPos + 1 },
        l10n.t`Add the closing '${closer}', or extend the selection to include it.`,
      );
    }
    return { ok: true, value: this.arrays };
  }

  private push(frame: Frame): void {
    this.stack.push(frame);
  }

  // ---- closing brackets -------------------------------------------------------------------

  private close(frame: Frame): InputError | null {
    const lexer = this.lexer;
    const closer = String.fromCharCode(lexer.char);
    const range = { start: lexer.start, end: lexer.end };
    if (this.stack.length === 1) {
      return inputError(
        'unbalanced-brackets',
        l10n.t`This '${closer}' has no opening bracket before it.`,
        range,
        l10n.t('Remove it, or extend the selection to include its opening bracket.'),
      );
    }
    if (closerFor(frame.open) !== lexer.char) {
      const opener = String.fromCharCode(frame.open);
      return inputError(
        'unbalanced-brackets',
        l10n.t`This '${closer}' does not close the '${opener}' opened at ${describePosition(this.text, frame.openPos)}.`,
        range,
        l10n.t`Close it with '${String.fromCharCode(closerFor(frame.open))}', or look for a missing bracket.`,
      );
    }
    this.stack.pop();
    const parent = this.stack[this.stack.length - 1] as Frame;
    const end = lexer.end;
    switch (frame.kind) {
      case F_ARRAY:
        if (frame.depth === 1) this.closeTopArray(frame, parent, end);
        else this.closeRow(frame, parent, end);
        return null;
      case F_SCALAR_CALL:
        return this.closeScalarCall(frame, parent, end);
      case F_CONSTRUCTOR:
        this.closeConstructor(frame, parent, end);
        return null;
      case F_CODE:
        if (frame.fromLogits && frame.directArrays !== null) {
          // from_logits=True may come after the arrays it describes.
          for (const index of frame.directArrays) (this.arrays[index] as RawArray).fromLogits = true;
        }
        this.valueEnded(parent, frame.isCall ? frame.callee : null, frame.fromLogits);
        return null;
      default:
        this.valueEnded(parent, null, false);
        return null;
    }
  }

  /** After a bracket closes in code: `f(...)(` calls what `f` returned, `x[...]` was a subscript. */
  private valueEnded(parent: Frame, call: string | null, fromLogits: boolean): void {
    if (parent.kind !== F_CODE) return;
    parent.previous = T_CLOSE;
    parent.lastClosedCall = call;
    parent.lastClosedFromLogits = fromLogits;
  }

  // ---- code: names, assignments, calls ------------------------------------------------------

  private codeToken(frame: Frame, t: TokenType): void {
    const lexer = this.lexer;
    if (lexer.newlineBefore && frame.statementsByLine) {
      const p = frame.previous;
      if (p === T_COLON) frame.colonCrossedLine = true;
      else if (p !== T_ASSIGN && p !== T_COMMA && p !== T_OPEN) endStatement(frame);
    }
    switch (t) {
      case T_OPEN:
        this.codeOpen(frame);
        break;
      case T_NAME: {
        const name = lexer.slice(lexer.lastPartStart, lexer.end);
        frame.chainPrevious = frame.previous;
        frame.chainStart = lexer.start;
        frame.lastName = name;
        frame.lastNameIsChain = lexer.lastPartStart !== lexer.start;
        frame.lastNameIsKeyword = !frame.lastNameIsChain && isKeyword(name);
        frame.lastNameAtItemStart = frame.atItemStart;
        if (!frame.lastNameIsChain && isDeclarationWord(name)) {
          frame.previous = t;
          return;
        }
        if (frame.assignName === 'from_logits' && name.toLowerCase() === 'true') frame.fromLogits = true;
        break;
      }
      case T_STRING:
        // A dict or JSON key: `"targets": [...]`.
        frame.chainPrevious = frame.previous;
        frame.lastName = lexer.slice(lexer.contentStart, lexer.contentEnd);
        frame.lastNameIsKeyword = false;
        frame.lastNameIsChain = false;
        break;
      case T_COLON:
        // `x: list = ...` and `"x": [...]` name a value; `In [3]: ...` (IPython) and
        // `<tf.Tensor: shape=(3,)` (a printed tensor) do not.
        if (frame.colonName === null) {
          const p = frame.previous;
          frame.colonName = p === T_STRING || (p === T_NAME && frame.lastNameAtItemStart) ? frame.lastName : null;
          frame.colonCrossedLine = false;
        }
        break;
      case T_ASSIGN:
        frame.assignName = frame.colonName !== null && !frame.colonCrossedLine ? frame.colonName : frame.lastName;
        frame.colonName = null;
        if (frame.isCall) frame.argumentHasAssign = true;
        if (frame.leftNames !== null && !frame.valueInStatement) {
          frame.unpackNames = [...frame.leftNames, frame.assignName];
          frame.unpackIndex = 0;
          frame.leftNames = null;
          frame.assignName = null;
        }
        break;
      case T_COMMA:
        frame.atItemStart = true;
        frame.previous = t;
        if (frame.isCall && !frame.argumentHasAssign) frame.argumentIndex++;
        frame.argumentHasAssign = false;
        if (!frame.isCall && !frame.valueInStatement && frame.assignName === null && frame.unpackNames === null) {
          (frame.leftNames ??= []).push(frame.lastName);
        }
        clearNames(frame);
        break;
      case T_SEMICOLON:
        endStatement(frame);
        frame.previous = t;
        return;
      default:
        frame.lastName = null;
    }
    if (t !== T_OPEN) frame.previous = t;
    if (t !== T_COMMA) frame.atItemStart = false;
  }

  private codeOpen(frame: Frame): void {
    const lexer = this.lexer;
    const char = lexer.char;
    const start = lexer.start;
    const before = frame.previous;
    frame.previous = T_OPEN;
    if (char === CH_LBRACE) {
      const block = new Frame(F_CODE, char, start);
      block.statementsByLine = true;
      this.push(block);
      return;
    }
    const sameStatement = !(frame.statementsByLine && lexer.newlineBefore);
    const afterName = before === T_NAME && !frame.lastNameIsKeyword && frame.lastName !== null && sameStatement;
    // `x[0][1]` and `f()(x)` are written without a space; `[1, 0] [0.3, 0.4]` is two arrays.
    const afterClose = before === T_CLOSE && !lexer.spaceBefore;
    if (char === CH_LBRACKET) {
      if (afterName || afterClose) this.push(new Frame(F_SKIP, char, start));
      else this.pushTopArray(frame, start, start, char, false, before);
      return;
    }
    if (afterName) {
      const callee = frame.lastName as string;
      if (isVectorCall(callee) && !frame.lastNameIsChain) {
        this.pushTopArray(frame, frame.chainStart, start, char, false, frame.chainPrevious);
      } else if (isArrayConstructor(callee)) {
        const ctor = new Frame(F_CONSTRUCTOR, char, start);
        const named = valueName(frame, frame.chainPrevious);
        ctor.name = named.name;
        ctor.nameIsKeyword = named.keyword;
        ctor.start = frame.chainStart;
        this.push(ctor);
      } else {
        this.pushCall(callee, false, start);
      }
      return;
    }
    if (afterClose) {
      this.pushCall(frame.lastClosedCall, frame.lastClosedFromLogits, start);
      return;
    }
    this.pushTopArray(frame, start, start, char, true, before);
  }

  private pushCall(callee: string | null, fromLogits: boolean, openPos: number): void {
    const call = new Frame(F_CODE, CH_LPAREN, openPos);
    call.isCall = true;
    call.callee = callee;
    call.fromLogits = fromLogits;
    this.push(call);
  }

  // ---- array literals -------------------------------------------------------------------------

  /** Starts an array literal directly in code or as the first argument of a constructor. */
  private pushTopArray(parent: Frame, rangeStart: number, openPos: number, open: number, parenthesis: boolean, before: TokenType): void {
    let name: string | null;
    let keyword: boolean;
    if (parent.kind === F_CODE) {
      const named = valueName(parent, before);
      name = named.name;
      keyword = named.keyword;
    } else {
      name = parent.name;
      keyword = parent.nameIsKeyword;
    }
    const frame = new Frame(F_ARRAY, open, openPos);
    frame.build = new ArrayBuild(name, keyword, rangeStart, parenthesis);
    frame.depth = 1;
    this.used = 0;
    this.push(frame);
  }

  private pushNested(parent: Frame, build: ArrayBuild): Frame {
    const frame = new Frame(F_ARRAY, this.lexer.char, this.lexer.start);
    frame.build = build;
    frame.depth = parent.depth + 1;
    this.push(frame);
    return frame;
  }

  private arrayToken(frame: Frame, t: TokenType): InputError | null {
    const build = frame.build as ArrayBuild;
    const lexer = this.lexer;
    if (build.error !== null) {
      if (t === T_OPEN) this.pushNested(frame, build);
      return null;
    }
    if (frame.sign !== 0 && t !== T_NAME) {
      this.danglingSign(frame, build);
      if (t === T_OPEN) this.pushNested(frame, build);
      return null;
    }
    switch (t) {
      case T_NUMBER:
        if (!this.startElement(frame, build)) return null;
        return this.addNumber(frame, build, lexer.value, lexer.start, lexer.end);
      case T_NAME:
        return this.arrayName(frame, build);
      case T_STRING: {
        if (!this.startElement(frame, build)) return null;
        const word = unescapeString(lexer.slice(lexer.contentStart, lexer.contentEnd));
        return this.addWord(frame, build, word, this.tokenRange());
      }
      case T_OPEN:
        this.arrayOpen(frame, build);
        return null;
      case T_COMMA:
        if (!frame.expectSeparator) {
          this.problem(
            build,
            'syntax',
            frame.count === 0 ? l10n.t('A comma comes before the first value.') : l10n.t('Two commas in a row, with no value between them.'),
            this.tokenRange(),
            l10n.t('Remove the extra comma.'),
          );
        }
        frame.expectSeparator = false;
        if (frame.depth === 1) build.sawComma = true;
        return null;
      case T_OTHER: {
        const c = lexer.char;
        if ((c === CH_MINUS || c === CH_PLUS || c === CH_UNICODE_MINUS) && lexer.end === lexer.start + 1) {
          if (frame.expectSeparator && !lexer.spaceBefore) {
            this.problem(build, 'syntax', l10n.t`'${String.fromCharCode(c)}' between values: arithmetic inside an array is not evaluated.`, this.tokenRange(), l10n.t('Write each value as a plain number.'));
            return null;
          }
          if (!this.startElement(frame, build)) return null;
          frame.sign = c === CH_PLUS ? 1 : -1;
          frame.signStart = lexer.start;
          return null;
        }
        this.problem(
          build,
          'syntax',
          l10n.t`'${quoteRange(this.text, this.tokenRange())}' inside an array: only numbers, True/False and names are read, and expressions are not evaluated.`,
          this.tokenRange(),
          l10n.t('Write each value as a plain number, e.g. [1, 0, 1].'),
        );
        return null;
      }
      case T_BAD_NUMBER:
        this.problem(build, 'syntax', l10n.t`'${quoteRange(this.text, this.tokenRange())}' is not a number this parser can read.`, this.tokenRange(), l10n.t('Write decimal numbers such as 0.5, -2 or 1e-3.'));
        return null;
      case T_ELLIPSIS:
        this.problem(
          build,
          'syntax',
          l10n.t("'...' inside an array: numpy or torch shortened it when printing, so the values in between are missing."),
          this.tokenRange(),
          l10n.t('Print the full array (np.set_printoptions(threshold=sys.maxsize) or torch.set_printoptions(profile="full")) and select that.'),
        );
        return null;
      default:
        this.problem(build, 'syntax', l10n.t`'${quoteRange(this.text, this.tokenRange())}' inside an array cannot be read.`, this.tokenRange(), l10n.t('Separate values with commas, e.g. [1, 0, 1].'));
        return null;
    }
  }

  /** Checks the separator before a new element; numpy prints elements separated by spaces only. */
  private startElement(frame: Frame, build: ArrayBuild): boolean {
    if (frame.expectSeparator && !this.lexer.spaceBefore) {
      this.problem(build, 'syntax', l10n.t('A comma is missing between two values.'), { start: this.lexer.start, end: this.lexer.end }, l10n.t('Separate values with commas.'));
      return false;
    }
    return true;
  }

  private arrayName(frame: Frame, build: ArrayBuild): InputError | null {
    const lexer = this.lexer;
    const signed = frame.sign !== 0;
    if (!signed && !this.startElement(frame, build)) return null;
    const start = signed ? frame.signStart : lexer.start;
    const sign = signed ? frame.sign : 1;
    frame.sign = 0;
    const range = { start: lexer.start, end: lexer.end };
    const lastPart = lexer.slice(lexer.lastPartStart, lexer.end).toLowerCase();
    if (this.lexer.peekCharOnLine() === CH_LPAREN) {
      // float('nan'), np.float32(0.1): a call holding one scalar.
      lexer.next();
      const call = new Frame(F_SCALAR_CALL, CH_LPAREN, lexer.start);
      call.build = build;
      call.depth = frame.depth;
      call.start = start;
      call.sign = sign;
      call.scalarFloat32 = lastPart === 'float32';
      this.push(call);
      return null;
    }
    const special = specialValue(lastPart);
    if (special !== undefined) return this.addNumber(frame, build, sign * special, start, lexer.end);
    if (isMissingValue(lastPart)) {
      this.problem(
        build,
        'syntax',
        l10n.t`${quoteRange(this.text, range)} is a missing value, not a number.`,
        range,
        l10n.t('Every value must be a number; use nan only if you want to see that the loss becomes NaN.'),
      );
      return null;
    }
    if (signed) {
      this.problem(build, 'syntax', l10n.t`'${quoteRange(this.text, { start, end: lexer.end })}' is not a number.`, { start, end: lexer.end });
      return null;
    }
    if (lastPart === 'for' && frame.count > 0 && lexer.lastPartStart === lexer.start) {
      this.problem(build, 'syntax', l10n.t('A list comprehension is not evaluated: only literal values are read.'), range, l10n.t('Print the list and select the printed values.'));
      return null;
    }
    return this.addWord(frame, build, lexer.slice(lexer.start, lexer.end), range);
  }

  private arrayOpen(frame: Frame, build: ArrayBuild): void {
    const lexer = this.lexer;
    const openRange = { start: lexer.start, end: lexer.end };
    if (lexer.char === CH_LBRACE) {
      this.problem(build, 'syntax', l10n.t('An object or dict inside an array cannot be read.'), openRange, l10n.t('Give the numbers as plain lists, e.g. targets = [1, 0, 1].'));
      this.pushNested(frame, build);
      return;
    }
    if (!this.startElement(frame, build)) {
      this.pushNested(frame, build);
      return;
    }
    if (frame.depth >= 2) {
      this.problem(
        build,
        'syntax',
        l10n.t('This array is nested three or more levels deep; only a list of values or a list of rows (batch × labels) can be read.'),
        openRange,
        l10n.t('Use one row per sample, e.g. [[1, 0, 1], [0, 1, 0]].'),
      );
      this.pushNested(frame, build);
      return;
    }
    frame.count++;
    frame.expectSeparator = true;
    const row = this.pushNested(frame, build);
    if (build.layout === LAYOUT_SCALARS || build.content === CONTENT_WORDS) row.mixedRow = true;
    else build.layout = LAYOUT_ROWS;
  }

  private addNumber(frame: Frame, build: ArrayBuild, value: number, start: number, end: number): InputError | null {
    if (build.content === CONTENT_WORDS) {
      const range = { start, end };
      this.problem(build, 'syntax', l10n.t`This array mixes words and numbers (${quoteRange(this.text, range)} is a number).`, range, l10n.t('Give label names and numbers as separate arrays.'));
      return null;
    }
    if (frame.depth === 1) {
      if (build.layout === LAYOUT_ROWS) {
        const range = { start, end };
        this.problem(
          build,
          'ragged',
          l10n.t`${quoteRange(this.text, range)} stands alone among rows: every element must be a row of the same length.`,
          range,
          l10n.t('Put it in a row, or give all values as one flat list.'),
        );
        return null;
      }
      build.layout = LAYOUT_SCALARS;
    }
    build.content = CONTENT_NUMBERS;
    if (++this.total > this.maxNumbers) return this.tooManyNumbers({ start, end });
    if (this.used === this.buffer.length) this.grow();
    const index = this.used++;
    this.buffer[index] = value;
    this.starts[index] = start;
    this.ends[index] = end;
    frame.count++;
    frame.expectSeparator = true;
    return this.readNumberRun(frame);
  }

  private grow(size = this.buffer.length * 2): void {
    const values = new Float64Array(size);
    values.set(this.buffer);
    this.buffer = values;
    const starts = new Int32Array(size);
    starts.set(this.starts);
    this.starts = starts;
    const ends = new Int32Array(size);
    ends.set(this.ends);
    this.ends = ends;
  }

  /**
   * The hot path: after a number, reads the plain numbers that follow at the same level
   * (`, 0.3, 0.9` or numpy's ` 0.3 0.9`) without going through the token dispatch. It stops,
   * leaving the lexer just after the last number, at anything else.
   */
  private readNumberRun(frame: Frame): InputError | null {
    const lexer = this.lexer;
    for (;;) {
      // One number past the limit is read so that the error can point at it.
      const allowed = this.maxNumbers - this.total + 1;
      const limit = Math.min(this.buffer.length, this.used + allowed);
      const next = lexer.readNumberRun(this.buffer, this.starts, this.ends, this.used, limit);
      const read = next - this.used;
      this.used = next;
      this.total += read;
      frame.count += read;
      if (this.total > this.maxNumbers) {
        return this.tooManyNumbers({ start: this.starts[next - 1] as number, end: this.ends[next - 1] as number });
      }
      if (next < limit || next < this.buffer.length) return null;
      this.grow(this.grownSize(frame));
    }
  }

  /**
   * The size for a buffer that a run of numbers has filled: at least double, or room for the
   * numbers the array seems to have left, judged by the characters per number so far and the
   * distance to the next closing bracket of its kind. Growing a 100,000-number array by
   * doubling alone allocated and copied it seven times, twice its size in all, on every hover
   * of it. The estimate is capped by the number limit, and a wrong one costs only a doubling.
   */
  private grownSize(frame: Frame): number {
    const double = this.buffer.length * 2;
    const used = this.used;
    if (used === 0) return double;
    const first = this.starts[0] as number;
    const last = this.ends[used - 1] as number;
    if (last <= first) return double;
    const close = this.lexer.indexOnLine(String.fromCharCode(closerFor(frame.open)), last);
    if (close < 0) return double;
    const estimate = used + Math.ceil(((close - last) * used * 1.0625) / (last - first)) + 64;
    const cap = used + (this.maxNumbers - this.total) + 1;
    return Math.max(double, Math.min(estimate, cap));
  }

  private addWord(frame: Frame, build: ArrayBuild, word: string, range: TextRange): InputError | null {
    if (build.content === CONTENT_NUMBERS) {
      this.problem(build, 'syntax', l10n.t`${quoteRange(this.text, range)} is not a number.`, range, l10n.t('Every value must be a number (True and False count as 1 and 0).'));
      return null;
    }
    if (frame.depth > 1 || build.layout === LAYOUT_ROWS) {
      this.problem(build, 'syntax', l10n.t('Words inside rows cannot be read; label names must be one flat list.'), range, l10n.t('Write label names as labels = ["car", "cat", "dog"].'));
      return null;
    }
    // Label names count toward the limit too, so a huge word list cannot cost unbounded memory.
    if (++this.total > this.maxNumbers) return this.tooManyNumbers(range);
    build.content = CONTENT_WORDS;
    build.words.push(word);
    frame.count++;
    frame.expectSeparator = true;
    return null;
  }

  private closeRow(frame: Frame, parent: Frame, end: number): void {
    const build = frame.build as ArrayBuild;
    parent.expectSeparator = true;
    if (build.error !== null) return;
    if (frame.sign !== 0) {
      this.danglingSign(frame, build);
      return;
    }
    const range = { start: frame.openPos, end };
    if (frame.mixedRow) {
      this.problem(build, 'ragged', l10n.t('This row stands among single values: every element must be a row of the same length.'), range, l10n.t('Give either one flat list or a list of rows.'));
      return;
    }
    if (build.rowLength < 0) {
      build.rowLength = frame.count;
    } else if (frame.count !== build.rowLength) {
      this.problem(
        build,
        'ragged',
        frame.count === 1
          ? l10n.t`Row ${build.rows} has ${frame.count} value, but row 0 has ${build.rowLength}.`
          : l10n.t`Row ${build.rows} has ${frame.count} values, but row 0 has ${build.rowLength}.`,
        range,
        l10n.t('Every row (sample) needs one value per label.'),
      );
      return;
    }
    build.rows++;
  }

  /**
   * The numbers of the array just read. A buffer at least half full is handed over as it is
   * (views, fresh buffers for the next array): copying 100,000 numbers out of it would allocate
   * and copy megabytes per parse, and a hover parses on every rest.
   */
  private takeNumbers(): { values: Float64Array; starts: Int32Array; ends: Int32Array } {
    const used = this.used;
    if (this.buffer.length <= INITIAL_BUFFER || used * 2 < this.buffer.length) {
      return { values: this.buffer.slice(0, used), starts: this.starts.slice(0, used), ends: this.ends.slice(0, used) };
    }
    const kept = { values: this.buffer.subarray(0, used), starts: this.starts.subarray(0, used), ends: this.ends.subarray(0, used) };
    this.buffer = new Float64Array(INITIAL_BUFFER);
    this.starts = new Int32Array(INITIAL_BUFFER);
    this.ends = new Int32Array(INITIAL_BUFFER);
    return kept;
  }

  private closeTopArray(frame: Frame, parent: Frame, end: number): void {
    const build = frame.build as ArrayBuild;
    if (frame.sign !== 0) this.danglingSign(frame, build);
    if (build.parenthesis && (build.error !== null || (!build.sawComma && frame.count < 2))) {
      // Grouping or code in parentheses, such as (a + b) or (0.5), is not a tuple.
      if (parent.kind === F_CODE) clearNames(parent);
      this.valueEnded(parent, null, false);
      return;
    }
    const words = build.content === CONTENT_WORDS;
    const kept = words || this.used === 0 ? null : this.takeNumbers();
    const array: RawArray = {
      values: kept?.values ?? EMPTY_VALUES,
      shape: build.layout === LAYOUT_ROWS ? [build.rows, Math.max(build.rowLength, 0)] : [frame.count],
      range: { start: build.start, end },
      valueStarts: kept?.starts ?? EMPTY_POSITIONS,
      valueEnds: kept?.ends ?? EMPTY_POSITIONS,
      name: build.name,
      content: words ? 'words' : 'numbers',
      words: words ? build.words : null,
      problem: build.error,
      nameIsKeyword: build.nameIsKeyword,
      callee: null,
      argumentIndex: -1,
      fromLogits: false,
    };
    this.deliver(parent, array);
  }

  /** Hands a finished array to the code or constructor call it stands in. */
  private deliver(parent: Frame, array: RawArray): void {
    if (parent.kind === F_CONSTRUCTOR) {
      if (parent.found === null) parent.found = array;
      return;
    }
    const inCall = parent.isCall;
    if (inCall) (parent.directArrays ??= []).push(this.arrays.length);
    this.arrays.push({
      ...array,
      callee: inCall ? parent.callee : null,
      argumentIndex: inCall && !parent.argumentHasAssign ? parent.argumentIndex : -1,
      fromLogits: inCall && parent.fromLogits,
    });
    clearNames(parent);
    parent.valueInStatement = true;
    this.valueEnded(parent, null, false);
  }

  // ---- np.array(...), torch.tensor(...) ---------------------------------------------------------

  private constructorToken(frame: Frame, t: TokenType): void {
    const lexer = this.lexer;
    if (t === T_COMMA) {
      frame.count++;
      return;
    }
    if (frame.count > 0) {
      // dtype=..., device=..., grad_fn=<...>: skipped, but their brackets must still balance.
      if (t === T_OPEN) this.push(new Frame(F_SKIP, lexer.char, lexer.start));
      return;
    }
    const position = frame.tokensInFirstArgument++;
    if (t === T_NAME) {
      frame.lastName = lexer.slice(lexer.lastPartStart, lexer.end);
      return;
    }
    if (t !== T_OPEN) return;
    const char = lexer.char;
    if (position === 0 && (char === CH_LBRACKET || char === CH_LPAREN)) {
      this.pushTopArray(frame, lexer.start, lexer.start, char, false, T_END);
      return;
    }
    if (position === 1 && char === CH_LPAREN && frame.lastName !== null && isArrayConstructor(frame.lastName)) {
      // torch.tensor(np.array([...])): the inner call's array is the outer one's.
      const inner = new Frame(F_CONSTRUCTOR, char, lexer.start);
      inner.name = frame.name;
      inner.nameIsKeyword = frame.nameIsKeyword;
      inner.start = frame.start;
      this.push(inner);
      return;
    }
    this.push(new Frame(F_SKIP, char, lexer.start));
  }

  private closeConstructor(frame: Frame, parent: Frame, end: number): void {
    const found = frame.found;
    if (found === null) {
      // torch.tensor(0.2284) or np.array(x): no literal to read.
      if (parent.kind === F_CODE) clearNames(parent);
      this.valueEnded(parent, null, false);
      return;
    }
    this.deliver(parent, { ...found, range: { start: frame.start, end } });
  }

  // ---- float('nan') inside an array -----------------------------------------------------------

  private scalarCallToken(frame: Frame, t: TokenType): void {
    const build = frame.build as ArrayBuild;
    const lexer = this.lexer;
    if (build.error === null) {
      let value: number | undefined;
      if (frame.count === 0) {
        if (t === T_NUMBER) value = lexer.value;
        else if (t === T_STRING) value = stringValue(lexer.slice(lexer.contentStart, lexer.contentEnd));
        else if (t === T_NAME) value = specialValue(lexer.slice(lexer.lastPartStart, lexer.end).toLowerCase());
      }
      if (value !== undefined) {
        frame.scalarValue = value;
        frame.count++;
        return;
      }
      const range = { start: frame.start, end: lexer.end };
      this.problem(
        build,
        'syntax',
        l10n.t`${quoteRange(this.text, range)}: a call inside an array is read only when it holds one number, like float('nan').`,
        range,
        l10n.t('Write the numbers directly, e.g. [[1, 0], [0, 1]].'),
      );
    }
    if (t === T_OPEN) this.pushNested(frame, build);
  }

  private closeScalarCall(frame: Frame, parent: Frame, end: number): InputError | null {
    const build = frame.build as ArrayBuild;
    if (build.error !== null) return null;
    const range = { start: frame.start, end };
    if (frame.count !== 1) {
      this.problem(build, 'syntax', l10n.t`${quoteRange(this.text, range)} holds no value.`, range);
      return null;
    }
    const value = frame.sign * (frame.scalarFloat32 ? Math.fround(frame.scalarValue) : frame.scalarValue);
    return this.addNumber(parent, build, value, frame.start, end);
  }

  private danglingSign(frame: Frame, build: ArrayBuild): void {
    const sign = this.text.charAt(frame.signStart);
    this.problem(
      build,
      'syntax',
      l10n.t`This '${sign}' is not directly followed by a number, and expressions are not evaluated.`,
      { start: frame.signStart, end: frame.signStart + 1 },
      l10n.t('Write each value as a plain number, e.g. -0.5.'),
    );
  }

  private tooManyNumbers(range: TextRange): InputError {
    return inputError(
      'too-many-numbers',
      l10n.t`The selection holds more than ${this.maxNumbers.toLocaleString('en-US')} numbers (label names included), the current limit; the limit can be raised.`,
      range,
      l10n.t('Select fewer values, or raise the limit (the maxNumbers setting, --max-numbers in the terminal) if you need them all.'),
    );
  }

  private tokenRange(): TextRange {
    return { start: this.lexer.start, end: this.lexer.end };
  }

  private problem(build: ArrayBuild, code: InputErrorCode, message: string, range: TextRange, suggestion?: string): void {
    if (build.error === null) build.error = inputError(code, message, range, suggestion);
  }
}

function clearNames(frame: Frame): void {
  frame.lastName = null;
  frame.colonName = null;
  frame.assignName = null;
}

function endStatement(frame: Frame): void {
  clearNames(frame);
  frame.atItemStart = true;
  frame.leftNames = null;
  frame.unpackNames = null;
  frame.valueInStatement = false;
}

/** The name a value gets: `x = value`, `x: T = value`, `"x": value`, `f(x=value)` or `a, b = value, value`. */
function valueName(frame: Frame, before: TokenType): { name: string | null; keyword: boolean } {
  if (frame.unpackNames !== null) return { name: frame.unpackNames[frame.unpackIndex++] ?? null, keyword: false };
  if (frame.assignName !== null) return { name: frame.assignName, keyword: frame.isCall };
  if (before === T_COLON && frame.colonName !== null) return { name: frame.colonName, keyword: false };
  return { name: null, keyword: false };
}

function unescapeString(content: string): string {
  return content.indexOf('\\') < 0 ? content : content.replace(/\\(.)/g, '$1');
}

function fail(code: InputErrorCode, message: string, range: TextRange, suggestion?: string): Result<never> {
  return { ok: false, error: inputError(code, message, range, suggestion) };
}

/**
 * All arrays in `text`, or the error that makes the text unreadable. Given as lines, the text is
 * the lines joined by '\n', read without building that copy (a hover's paragraph can be two
 * lines of a megabyte each) unless a token runs across a line break; the result is the same.
 */
export function scanArrays(text: string | readonly string[], maxNumbers: number): Result<RawArray[]> {
  if (typeof text === 'string' || text.length === 1) return new ArrayScanner(typeof text === 'string' ? text : (text[0] as string), maxNumbers).scan();
  try {
    return new ArrayScanner(text, maxNumbers).scan();
  } catch (err) {
    if (err instanceof CrossesLines) return new ArrayScanner(text.join('\n'), maxNumbers).scan();
    throw err;
  }
}
