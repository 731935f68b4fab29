// Decimal text → double, correctly rounded. The common case (at most 15 significant digits and
// a small exponent) is computed exactly from integers, because a selection of a million numbers
// must parse about as fast as JSON.parse; everything else goes to parseFloat.

const POW10: readonly number[] = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21,
  1e22,
];

/** Caps the running exponent so that absurd exponents (1e999999999999) cannot overflow the integer. */
const EXPONENT_CAP = 100000;

/**
 * The value of the unsigned decimal `text[start, end)`, which the caller has already checked
 * has the shape `digits [. digits] [e [+-] digits]` or `. digits [...]`.
 *
 * When the mantissa m has at most 15 significant digits it is exact in a double, and so is 10^k
 * for k ≤ 22; a single multiplication or division of two exact values is correctly rounded
 * (Clinger's fast path), so the result equals what parseFloat would return.
 */
export function decimalValue(text: string, start: number, end: number): number {
  let mantissa = 0;
  let significant = 0;
  let fractionDigits = 0;
  let i = start;
  let c = text.charCodeAt(i);
  while (c >= 48 && c <= 57) {
    if (significant > 0 || c !== 48) {
      mantissa = mantissa * 10 + (c - 48);
      significant++;
    }
    c = text.charCodeAt(++i);
  }
  if (c === 46) {
    c = text.charCodeAt(++i);
    while (c >= 48 && c <= 57) {
      if (significant > 0 || c !== 48) {
        mantissa = mantissa * 10 + (c - 48);
        significant++;
      }
      fractionDigits++;
      c = text.charCodeAt(++i);
    }
  }
  let exponent = 0;
  if (c === 101 || c === 69) {
    c = text.charCodeAt(++i);
    let negative = false;
    if (c === 43 || c === 45) {
      negative = c === 45;
      c = text.charCodeAt(++i);
    }
    while (c >= 48 && c <= 57) {
      if (exponent < EXPONENT_CAP) exponent = exponent * 10 + (c - 48);
      c = text.charCodeAt(++i);
    }
    if (negative) exponent = -exponent;
  }
  if (significant === 0) return 0;
  if (significant <= 15) {
    const scale = exponent - fractionDigits;
    if (scale === 0) return mantissa;
    if (scale > 0 && scale <= 22) return mantissa * (POW10[scale] as number);
    if (scale < 0 && scale >= -22) return mantissa / (POW10[-scale] as number);
  }
  return parseFloat(text.slice(start, end));
}
