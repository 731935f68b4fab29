// A walkthrough's equations differ from label to label mostly in their numbers:
// `\ln(0.38) = -0.967584` and `\ln(0.75) = -0.287682` are one equation with other digits. Parsing
// TeX is about half of MathJax's work, so the renderer parses such a shape once, with every
// number replaced by `0`, and fills in each equation's own digits (mathjax-engine.ts). This
// module finds the numbers, and refuses (null) wherever a digit might not be a number of its
// own: in text, in an argument given without braces, or after a command it does not know.

/** A number as MathJax's TeX input reads it into one `<mn>`: its `digits` option, less the `{,}` groups (refused). */
const NUMBER = /[0-9]+(?:\.[0-9]*)?|\.[0-9]+/y;

/** Commands whose brace argument is text (or a name), copied as it is: digits there are not numbers. */
const VERBATIM_ARGUMENT = new Set(['text', 'textrm', 'textit', 'textbf', 'mbox', 'operatorname', 'begin', 'end']);
/** Commands that take arguments: refused unless the argument is in braces (`\frac12` reads one digit each). */
const TAKES_ARGUMENT = new Set(['frac', 'dfrac', 'tfrac', 'hat', 'bar', 'tilde', 'vec', 'sqrt', 'mathrm', 'mathbf', 'mathit', 'boldsymbol', 'overline', 'underline']);
/** Of those, the ones with a second argument, which must be braced too (`\frac{1}2.5` reads `2` alone below the bar). */
const TWO_ARGUMENTS = new Set(['frac', 'dfrac', 'tfrac']);
/** Delimiter commands: the `.` after them is the empty delimiter, not a decimal point. */
const DELIMITER = new Set(['left', 'right', 'middle', 'big', 'Big', 'bigg', 'Bigg', 'bigl', 'Bigl', 'biggl', 'Biggl', 'bigr', 'Bigr', 'biggr', 'Biggr']);
/** Commands that take no argument. */
const PLAIN = new Set([
  'ln', 'log', 'exp', 'max', 'min', 'sum', 'prod', 'lim', 'cdot', 'cdots', 'ldots', 'dots', 'times', 'div', 'pm', 'mp',
  'approx', 'sim', 'neq', 'ne', 'le', 'leq', 'ge', 'geq', 'lt', 'gt', 'to', 'infty', 'partial', 'nabla',
  'qquad', 'quad', 'epsilon', 'varepsilon', 'sigma', 'alpha', 'beta', 'gamma', 'delta', 'lambda', 'mu', 'theta', 'pi',
  'displaystyle', 'textstyle', 'backslash', 'lbrace', 'rbrace', 'langle', 'rangle', 'vert', 'lvert', 'rvert',
]);

export interface NumberTemplate {
  /** The TeX with every number replaced by `0`. */
  readonly template: string;
  /** The numbers taken out, in order, as written. */
  readonly numbers: readonly string[];
}

function skipSpaces(tex: string, i: number): number {
  while (i < tex.length && (tex[i] === ' ' || tex[i] === '\n' || tex[i] === '\t')) i++;
  return i;
}

/** The index just past the brace group that opens at `open`, or -1 when it does not close. */
function groupEnd(tex: string, open: number): number {
  let depth = 0;
  for (let i = open; i < tex.length; i++) {
    const c = tex[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/** `tex` with its numbers taken out, or null when that might change how MathJax reads it. */
export function numberTemplate(tex: string): NumberTemplate | null {
  // `1{,}000` is one number to MathJax and two here.
  if (tex.includes('{,}')) return null;
  const numbers: string[] = [];
  let out = '';
  let i = 0;
  while (i < tex.length) {
    const c = tex.charCodeAt(i);
    if (c === 0x5c /* \ */) {
      const word = /^[a-zA-Z]+/.exec(tex.slice(i + 1, i + 40))?.[0];
      if (word === undefined) {
        // A control symbol: `\\`, `\,`, `\{`… A row break with a spacing, `\\[2pt]`, holds a dimension.
        if (tex[i + 1] === '\\' && tex[skipSpaces(tex, i + 2)] === '[') return null;
        out += tex.slice(i, i + 2);
        i += 2;
        continue;
      }
      const end = i + 1 + word.length;
      out += tex.slice(i, end);
      i = end;
      if (VERBATIM_ARGUMENT.has(word)) {
        const open = skipSpaces(tex, i);
        if (tex[open] !== '{') return null;
        const close = groupEnd(tex, open);
        if (close < 0) return null;
        out += tex.slice(i, close);
        i = close;
      } else if (TAKES_ARGUMENT.has(word)) {
        const open = skipSpaces(tex, i);
        if (tex[open] !== '{') return null;
        if (TWO_ARGUMENTS.has(word)) {
          const close = groupEnd(tex, open);
          if (close < 0 || tex[skipSpaces(tex, close)] !== '{') return null;
        }
      } else if (DELIMITER.has(word)) {
        const next = skipSpaces(tex, i);
        if (tex[next] === '.') {
          out += tex.slice(i, next + 1);
          i = next + 1;
        }
      } else if (!PLAIN.has(word)) {
        return null;
      }
      continue;
    }
    if (c === 0x25 /* % */) return null;
    if (c === 0x5f /* _ */ || c === 0x5e /* ^ */) {
      // `x_23` takes one token as the subscript; only braced or single-letter scripts are kept.
      const next = tex.charCodeAt(skipSpaces(tex, i + 1));
      if ((next >= 0x30 && next <= 0x39) || next === 0x2e) return null;
    }
    if ((c >= 0x30 && c <= 0x39) || c === 0x2e) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(tex);
      if (m) {
        numbers.push(m[0]);
        out += '0';
        i += m[0].length;
        continue;
      }
    }
    out += tex[i];
    i++;
  }
  return numbers.length > 0 ? { template: out, numbers } : null;
}
