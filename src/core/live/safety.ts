// Which expressions may be evaluated in a paused program without asking. Reading a name, an
// attribute chain or a subscript with literal indices does not call anything the person wrote
// (the rule; a Python property is the accepted exception); anything else (a call, an
// operator, an assignment, a comprehension) could run code, so it is evaluated only after the
// person has seen it and said yes.
import type { CodeLanguage } from './code';

const PYTHON_KEYWORDS = new Set([
  'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for',
  'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);
const JS_KEYWORDS = new Set([
  'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'export', 'extends',
  'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'let', 'new', 'return', 'super', 'switch', 'throw', 'try', 'typeof',
  'var', 'void', 'while', 'with', 'yield',
]);

/** One index inside `[...]`: an integer, a string, or (Python) a slice of integers; `:` alone too. */
const INTEGER = String.raw`-?\d+`;
const STRING = String.raw`(?:'[^'\\\n]*'|"[^"\\\n]*")`;
const SLICE_PART = String.raw`(?:${INTEGER})?`;
const PY_INDEX = String.raw`(?:${STRING}|${SLICE_PART}\s*:\s*${SLICE_PART}(?:\s*:\s*${SLICE_PART})?|${INTEGER}|\.\.\.|None)`;
const JS_INDEX = String.raw`(?:${STRING}|\d+)`;

/**
 * True when `expression` only reads: a name, then `.attribute` and `[literal]` any number of
 * times. Python subscripts may hold several literal indices and slices (`x[:, 0]`, `x[1:3]`).
 */
export function isSideEffectFree(expression: string, language: CodeLanguage): boolean {
  const text = expression.trim();
  if (text.length === 0 || text.length > 500) return false;
  const name = language === 'python' ? String.raw`[A-Za-z_][\w]*` : String.raw`[A-Za-z_$][\w$]*`;
  const index = language === 'python' ? String.raw`${PY_INDEX}(?:\s*,\s*${PY_INDEX})*\s*,?` : JS_INDEX;
  const access = String.raw`(?:\s*\.\s*${name}|\s*\[\s*${index}\s*\])`;
  const whole = new RegExp(String.raw`^${name}${access}*$`);
  if (!whole.test(text)) return false;
  const keywords = language === 'python' ? PYTHON_KEYWORDS : JS_KEYWORDS;
  // Only the names outside strings: a keyword there is not a read (`lambda`, `new`, `await`).
  const names = text.replace(new RegExp(STRING, 'g'), '').match(new RegExp(name, 'g')) ?? [];
  return !names.some((n) => keywords.has(n));
}
