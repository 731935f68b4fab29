// The debug adapter's answer to a fetch expression (see fetch.ts) → the array as text the parser
// reads, with its dtype and shape. Adapters show a string result as a literal of their language
// (debugpy: Python's repr, quoted), so it is unquoted first, exactly.
import * as l10n from '@vscode/l10n';
import { inputError } from '../errors';
import { findArrays } from '../parse';
import { formatShape } from '../parse/text';
import type { DType, InputError, Result } from '../types';
import { ANSWER_TAG } from './fetch';

/** Undoes a Python or JavaScript string literal (`'a\\nb'`, `"x"`); text that is not quoted is returned as it is. */
export function unquoteStringLiteral(raw: string): string {
  const text = raw.trim();
  const quote = text[0];
  if (text.length < 2 || (quote !== "'" && quote !== '"' && quote !== '`') || text[text.length - 1] !== quote) return raw;
  const body = text.slice(1, -1);
  if (!body.includes('\\')) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    switch (e) {
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case '0':
        out += '\0';
        break;
      case 'x':
        out += String.fromCharCode(parseInt(body.slice(i + 1, i + 3), 16));
        i += 2;
        break;
      case 'u':
        out += String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16));
        i += 4;
        break;
      case 'U':
        out += String.fromCodePoint(parseInt(body.slice(i + 1, i + 9), 16));
        i += 8;
        break;
      case undefined:
        out += '\\';
        break;
      default:
        // \\, \', \" and anything else: the character itself.
        out += e;
    }
  }
  return out;
}

export type FetchedValue =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'array';
      /** As the program names it: `torch.float32`, `float64`, `Float32Array`, `list`. */
      readonly dtype: string;
      readonly shape: readonly number[];
      readonly count: number;
      /** The values, flat, as the decimal text the adapter gave: `[0.5, 1.0]`. */
      readonly flat: string;
    };

/** Reads the answer of a fetch expression for `expression` (named in messages). `limit` is the size cap the expression used. */
export function parseFetchAnswer(raw: string, expression: string, limit: number): Result<FetchedValue> {
  // A string literal the adapter cut short has lost its closing quote (and the END marker).
  const trimmed = raw.trim();
  const text = /^['"]LW1\|/.test(trimmed) && trimmed[trimmed.length - 1] !== trimmed[0] ? trimmed.slice(1) : unquoteStringLiteral(raw);
  const fail = (message: string, suggestion?: string): Result<FetchedValue> => ({ ok: false, error: inputError('syntax', message, undefined, suggestion) });
  if (!text.startsWith(`${ANSWER_TAG}|`)) {
    return fail(l10n.t`The debugger did not return the values of ${expression}: ${text.slice(0, 200)}`);
  }
  if (!text.endsWith('|END')) {
    return fail(
      l10n.t`The debugger cut the values of ${expression} short after ${text.length} characters.`,
      l10n.t('This debugger returns whole values only in the clipboard context, which it does not offer: explain a slice, e.g. x[:1000].'),
    );
  }
  const parts = text.split('|');
  const dtype = parts[1] ?? '';
  if (dtype === 'none') return { ok: true, value: { kind: 'none' } };
  if (dtype.startsWith('?')) {
    return fail(
      l10n.t`${expression} is a ${dtype.slice(1)}, which cannot be read as an array of numbers.`,
      l10n.t('Choose a tensor, a NumPy array, a list of numbers or a typed array.'),
    );
  }
  if (parts.length !== 6) return fail(l10n.t`The debugger's answer for ${expression} is not in the expected form.`);
  const shape = parts[2] === '' ? [] : parts[2]!.split(',').map(Number);
  const count = Number(parts[3]);
  if (!shape.every((d) => Number.isSafeInteger(d) && d >= 0) || !Number.isSafeInteger(count)) {
    return fail(l10n.t`The debugger's answer for ${expression} is not in the expected form.`);
  }
  if (count > limit) {
    return {
      ok: false,
      error: inputError(
        'too-many-numbers',
        l10n.t`${expression} holds ${count.toLocaleString('en-US')} numbers (shape ${formatShape(shape)}); the walkthrough reads at most ${limit.toLocaleString('en-US')}, so nothing was fetched.`,
        undefined,
        l10n.t`Explain a slice of it instead, e.g. ${expression}[:1000].`,
      ),
    };
  }
  const flat = parts[4]!;
  // An adapter that shortens long strings in the middle (`'abc'...'xyz'`) keeps both ends: only
  // the count of values tells that some are missing.
  const values = flat.trim() === '[]' ? 0 : flat.split(',').length;
  if (values !== count || !/^\[[^'"]*\]$/.test(flat)) {
    return fail(
      l10n.t`The debugger cut the values of ${expression} short: ${values} of ${count} arrived.`,
      l10n.t('This debugger returns whole values only in the clipboard context, which it does not offer: explain a slice, e.g. x[:1000].'),
    );
  }
  return { ok: true, value: { kind: 'array', dtype, shape, count, flat } };
}

/** The dtype a preset can compute in, from the program's name for it. */
export function computeDtype(programDtype: string): DType {
  return /float64|double|Float64Array|^float$|^number$|^list$|^Array$/.test(programDtype) ? 'float64' : 'float32';
}

/** A short dtype name for people: `torch.float32` → float32, `<dtype: 'float32'>` → float32. */
export function dtypeName(programDtype: string): string {
  const m = /(bfloat16|float16|float32|float64|int64|int32|int16|int8|uint8|bool|complex64|complex128)/.exec(programDtype);
  return m ? m[1]! : programDtype;
}

/**
 * The flat values as an array literal nested like the parser expects: [n] stays flat, and any
 * shape with more axes becomes [rows, last axis] (a batch of rows; every loss here averages the
 * same elements whatever the leading axes).
 */
export function nestedText(value: Extract<FetchedValue, { kind: 'array' }>): string {
  const { shape, flat } = value;
  if (shape.length < 2) return flat;
  const columns = shape[shape.length - 1]!;
  const inner = flat.trim().slice(1, -1);
  if (columns === 0 || inner.trim() === '') return flat;
  const items = inner.split(',');
  const rows: string[] = [];
  for (let i = 0; i < items.length; i += columns) rows.push(`[${items.slice(i, i + columns).join(',').trim()}]`);
  return `[${rows.join(', ')}]`;
}

/** The values of a fetched array (weights), read by the parser. */
export function fetchedValues(value: Extract<FetchedValue, { kind: 'array' }>, expression: string): Result<Float64Array> {
  const found = findArrays(value.flat, { maxNumbers: Math.max(1, value.count) });
  if (!found.ok) return found;
  const first = found.value.find((a) => a.content === 'numbers');
  if (first === undefined) {
    const error: InputError = inputError('syntax', l10n.t`The values of ${expression} could not be read.`);
    return { ok: false, error };
  }
  if (first.problem) return { ok: false, error: first.problem };
  return { ok: true, value: first.values };
}
