// Numbers as the walkthrough shows them: the user's own digits for what they typed, a fixed
// number of significant digits for what was computed.

export const DEFAULT_PRECISION = 6;

/** Plain text for a computed number: `precision` significant digits, integers stay whole. */
export function formatNumber(x: number, precision: number = DEFAULT_PRECISION): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '−∞';
  if (x === 0) return '0';
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  const fixed = x.toPrecision(clampPrecision(precision)).replace('e+', 'e');
  // Trailing zeros stay when they are significant (0.0969100 is not 0.09691), and go when the
  // number is that short decimal up to float noise (0.9 + 0.05 is shown as 0.95).
  const short = fixed.replace(/(\.\d*?)0+(?=e|$)/, '$1').replace(/\.(?=e|$)/, '');
  return short !== fixed && Math.abs(Number(short) - x) <= 1e-9 * Math.abs(x) ? short : fixed;
}

/** `formatNumber` as TeX: `1.2e-7` becomes `1.2 \times 10^{-7}`. */
export function formatNumberTex(x: number, precision: number = DEFAULT_PRECISION): string {
  if (x === Infinity) return '\\infty';
  if (x === -Infinity) return '-\\infty';
  if (Number.isNaN(x)) return '\\mathrm{NaN}';
  return numberTextToTex(formatNumber(x, precision));
}

/** Turns a number written as text (`0.5`, `-3`, `1.5e-7`) into TeX. */
export function numberTextToTex(text: string): string {
  const m = /^(-?[0-9.]+)e([+-]?\d+)$/.exec(text);
  if (!m) return text;
  return `${m[1]} \\times 10^{${Number(m[2])}}`;
}

function clampPrecision(p: number): number {
  return Number.isInteger(p) ? Math.min(17, Math.max(1, p)) : 6;
}

const PLAIN_DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/**
 * How a number the user typed should be shown: their digits when the text is a plain decimal
 * that means exactly `value` (`.5` → `0.5`, `+1` → `1`), else null.
 */
export function typedDecimal(typed: string, value: number): string | null {
  const m = PLAIN_DECIMAL.exec(typed.trim());
  if (!m) return null;
  const sign = m[1] === '-' ? '-' : '';
  const whole = (m[2] ?? '').replace(/^0+(?=\d)/, '');
  const frac = m[3] ?? '';
  if (whole === '' && frac === '') return null;
  const text = `${sign}${whole === '' ? '0' : whole}${frac === '' ? '' : '.' + frac}`;
  if (Number(text) !== value) return null;
  return text === '-0' ? '0' : text;
}

/**
 * 1 − x worked out exactly on the decimal digits (`0.3` → `0.7`, not 0.7000000000000001),
 * for a plain decimal string as returned by `typedDecimal`; null when that is not possible.
 */
export function oneMinusDecimal(text: string): string | null {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m || (m[3] ?? '').length > 30) return null;
  const frac = m[3] ?? '';
  const scale = 10n ** BigInt(frac.length);
  const magnitude = BigInt((m[2] ?? '0') + frac);
  const x = m[1] === '-' ? -magnitude : magnitude;
  return scaledToDecimal(scale - x, frac.length);
}

function scaledToDecimal(n: bigint, digits: number): string {
  const negative = n < 0n;
  const abs = (negative ? -n : n).toString().padStart(digits + 1, '0');
  const whole = abs.slice(0, abs.length - digits);
  const frac = abs.slice(abs.length - digits).replace(/0+$/, '');
  const text = frac ? `${whole}.${frac}` : whole;
  return negative && text !== '0' ? `-${text}` : text;
}
