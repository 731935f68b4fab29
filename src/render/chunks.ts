// A document as a sequence of chunks: each writer yields its output piece by piece, so that a
// caller can stream a walkthrough of any size (the CLI with `all`) while the whole-string
// functions join the same chunks. One writer per format, whichever way it is consumed.
import type { Walkthrough } from '../core/types';
import { tableRowFor } from '../core/derivation/walkthrough';
import type { TableRow } from '../core/types';

/** A block of a document: a string, or chunks produced as the block is written (a long table). */
export type Block = string | Iterable<string>;

/** The blocks' chunks with `separator` between blocks, as `blocks.join(separator)` would give. */
export function* separated(blocks: Iterable<Block>, separator: string): Generator<string> {
  let first = true;
  for (const block of blocks) {
    if (!first) yield separator;
    first = false;
    if (typeof block === 'string') yield block;
    else yield* block;
  }
}

/** The chunks as one string: for documents whose size is bounded by their caps. */
export function joinChunks(chunks: Iterable<string>): string {
  const parts: string[] = [];
  for (const chunk of chunks) parts.push(chunk);
  return parts.join('');
}

/** The first `count` rows of the table, each built when it is reached. */
export function* tableRows(w: Walkthrough, count: number): Generator<TableRow> {
  for (let i = 0; i < count; i++) yield tableRowFor(w, i);
}
