// What the softmax panel's page keeps for a window reload (panel.js saves the page's state block
// as BCE's does): the text it explained and where it came from. Everything read back is
// validated here before it is used.

export interface SoftmaxPanelState {
  readonly version: 1;
  readonly loss: 'softmax-ce';
  readonly source: string;
  readonly documentName: string;
  /** The document's URI as a string; null for text passed to the command. */
  readonly documentUri: string | null;
}

/** The state if `raw` is one this version wrote, else undefined. */
export function parseSoftmaxPanelState(raw: unknown): SoftmaxPanelState | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const { version, loss, source, documentName, documentUri } = raw as Record<string, unknown>;
  if (version !== 1 || loss !== 'softmax-ce' || typeof source !== 'string' || typeof documentName !== 'string') return undefined;
  if (documentUri !== null && typeof documentUri !== 'string') return undefined;
  return { version: 1, loss: 'softmax-ce', source, documentName, documentUri };
}
