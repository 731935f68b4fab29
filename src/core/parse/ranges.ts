// Where each number stands, kept as two Int32Arrays and turned into TextRange objects only when
// someone reads `valueRanges`: a million small objects would cost more than the parse itself.

import type { TextRange } from '../types';

export interface ValuePositions {
  /** Start offset of each number's text (sign included), in the order of `values`. */
  readonly valueStarts: Int32Array;
  /** End offset (exclusive) of each number's text. */
  readonly valueEnds: Int32Array;
}

export function valueRange(positions: ValuePositions, index: number): TextRange {
  return { start: positions.valueStarts[index] as number, end: positions.valueEnds[index] as number };
}

/**
 * Gives `target` an enumerable `valueRanges` property built on first read and then kept as a
 * plain data property, so JSON.stringify and structured cloning see an ordinary array.
 */
export function withValueRanges<T extends object>(target: T, positions: ValuePositions): T & { readonly valueRanges: readonly TextRange[] } {
  let built: TextRange[] | null = null;
  Object.defineProperty(target, 'valueRanges', {
    enumerable: true,
    configurable: true,
    get(): readonly TextRange[] {
      if (built !== null) return built;
      const count = positions.valueStarts.length;
      const ranges: TextRange[] = new Array<TextRange>(count);
      for (let i = 0; i < count; i++) ranges[i] = valueRange(positions, i);
      built = ranges;
      // A caller may have frozen the object meanwhile; then the getter simply keeps answering.
      if (Object.getOwnPropertyDescriptor(target, 'valueRanges')?.configurable === true) {
        Object.defineProperty(target, 'valueRanges', { value: ranges, enumerable: true, configurable: false, writable: false });
      }
      return ranges;
    },
  });
  return target as T & { readonly valueRanges: readonly TextRange[] };
}
