// What a walkthrough from a paused program keeps in the panel's state, beside the text of its
// arrays: the options the call asked for that the settings cannot say (weights, pos_weight,
// label smoothing, the dtype), where the numbers came from, the program's own value, and what to
// read again at the next stop. Plain data (no vscode import): it is written into the webview's
// saved state and validated when read back.
import type { DType } from '../../core/types';

/** How to read the values again at another stop. */
export type LiveRequest =
  /** The loss call on a line of a document. */
  | { readonly kind: 'line'; readonly documentUri: string; readonly line: number }
  /** Two expressions chosen in the Variables or Watch view. */
  | { readonly kind: 'expressions'; readonly targets: string; readonly predictions: string; readonly language: 'python' | 'javascript' };

export interface LivePanelData {
  readonly weight?: readonly number[];
  readonly posWeight?: readonly number[];
  readonly labelSmoothing?: number;
  readonly dtype: DType;
  /** Where the numbers came from, and other notes, shown first. */
  readonly notes: readonly string[];
  /** The program's own value of the loss, compared at each render with the walkthrough's. */
  readonly program: { readonly values: readonly number[]; readonly dtype: string; readonly expression: string } | null;
  readonly request: LiveRequest;
}

const isNumbers = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === 'number');
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseRequest(raw: unknown): LiveRequest | undefined {
  if (!isRecord(raw)) return undefined;
  if (raw.kind === 'line' && typeof raw.documentUri === 'string' && Number.isSafeInteger(raw.line)) {
    return { kind: 'line', documentUri: raw.documentUri, line: raw.line as number };
  }
  if (raw.kind === 'expressions' && typeof raw.targets === 'string' && typeof raw.predictions === 'string' && (raw.language === 'python' || raw.language === 'javascript')) {
    return { kind: 'expressions', targets: raw.targets, predictions: raw.predictions, language: raw.language };
  }
  return undefined;
}

/** The live data if `raw` is well formed, else undefined (the panel then shows the arrays alone). */
export function parseLivePanelData(raw: unknown): LivePanelData | undefined {
  if (!isRecord(raw)) return undefined;
  const request = parseRequest(raw.request);
  if (!request || (raw.dtype !== 'float32' && raw.dtype !== 'float64')) return undefined;
  if (!Array.isArray(raw.notes) || !raw.notes.every((n) => typeof n === 'string')) return undefined;
  const p = raw.program;
  const program =
    isRecord(p) && isNumbers(p.values) && typeof p.dtype === 'string' && typeof p.expression === 'string'
      ? { values: p.values, dtype: p.dtype, expression: p.expression }
      : null;
  return {
    dtype: raw.dtype,
    notes: raw.notes as string[],
    program,
    request,
    ...(isNumbers(raw.weight) ? { weight: raw.weight } : {}),
    ...(isNumbers(raw.posWeight) ? { posWeight: raw.posWeight } : {}),
    ...(typeof raw.labelSmoothing === 'number' ? { labelSmoothing: raw.labelSmoothing } : {}),
  };
}
