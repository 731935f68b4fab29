// A walkthrough as a plain document: the layout every writer shares (summary, table, one card of
// steps per item, the reduction, extra sections, notes), filled in by a loss. BCE's walkthrough
// predates it and keeps its own richer shape; a loss that is a peer of BCE hands its writers one
// of these, so the writers in src/render/document.ts serve any such loss unchanged.
import type { DerivationStep } from './types';

export interface DocumentTable {
  readonly caption: string;
  readonly headers: readonly string[];
  /** Per column: right-aligned numbers. */
  readonly numeric: readonly boolean[];
  readonly rows: readonly (readonly string[])[];
}

export interface DocumentCard {
  /** Stable within the document, e.g. 'sample-3'. */
  readonly id: string;
  readonly heading: string;
  readonly steps: readonly DerivationStep[];
  /** The backward pass, shown under its own heading. */
  readonly gradient: readonly DerivationStep[];
}

export interface DocumentSection {
  readonly id: string;
  readonly heading: string;
  readonly paragraphs: readonly string[];
  readonly table?: DocumentTable;
}

export interface LossDocument {
  readonly title: string;
  /** The answer first, then the setting (framework, reduction, dtype). */
  readonly summary: readonly string[];
  /** Assumptions made reading the input: shown with the summary. */
  readonly assumptions: readonly string[];
  readonly table: DocumentTable;
  readonly cardsHeading: string;
  readonly cards: readonly DocumentCard[];
  readonly reductionHeading: string;
  readonly reduction: readonly DerivationStep[];
  readonly sections: readonly DocumentSection[];
  /** What a cap left out, said where it happens. */
  readonly omitted: readonly string[];
  readonly notes: readonly string[];
}
