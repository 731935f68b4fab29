// The "Open walkthrough" link of a hover: a `command:` URI whose arguments name the document,
// its version and the line spans the hover read, so the command re-reads exactly that text
// (the arguments stay small however many numbers the arrays hold). Everything arriving here
// comes from a URI, so it is checked field by field before use. Pure: no vscode import.
import { parseOverrides, type ExplainOverrides } from '../walkthrough/messages';
import type { LineSpan } from '../walkthrough/locateInput';

export const HOVER_EXPLAIN_COMMAND = 'lossWalkthrough.explainFromHover';

/** A hover reads at most a few paragraphs. */
const MAX_SPANS = 4;

export interface HoverLinkArgs {
  readonly uri: string;
  readonly version: number;
  readonly spans: readonly LineSpan[];
  /** The settings the hover computed with, so the panel shows the same numbers. */
  readonly options: ExplainOverrides;
}

const isLine = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/** The arguments if `raw` is what a hover link carries, else undefined. */
export function parseHoverLinkArgs(raw: unknown): HoverLinkArgs | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { uri, version, spans, options } = raw as Record<string, unknown>;
  if (typeof uri !== 'string' || uri.length === 0 || !isLine(version)) return undefined;
  if (!Array.isArray(spans) || spans.length === 0 || spans.length > MAX_SPANS) return undefined;
  const checked: LineSpan[] = [];
  for (const span of spans as unknown[]) {
    const { startLine, endLine } = (span ?? {}) as Record<string, unknown>;
    if (!isLine(startLine) || !isLine(endLine) || endLine < startLine) return undefined;
    checked.push({ startLine, endLine });
  }
  return { uri, version, spans: checked, options: parseOverrides(options) };
}
