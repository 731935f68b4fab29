// The messages between the walkthrough webview (`media/panel.js`) and the extension, and the
// state the webview keeps across a window reload. The webview script is plain JavaScript, so
// this module is where the names live: the script uses exactly these strings (a test checks),
// and everything arriving from the webview is validated here before it is acted on.
import type { InputKindOption, LogBase, Preset, Reduction } from '../../core/types';
import { parseLivePanelData, type LivePanelData } from '../debugger/liveData';

/** Buttons in the panel; each maps to a palette command of the same meaning. */
export const PANEL_ACTIONS = ['copyLatex', 'copyMarkdown', 'saveMarkdown', 'saveHtml', 'openMarkdownPreview'] as const;
export type PanelAction = (typeof PANEL_ACTIONS)[number];

/** Webview → extension. */
export type WebviewMessage =
  | { readonly type: 'action'; readonly action: PanelAction }
  /** Render the next batch of per-label derivations. */
  | { readonly type: 'renderMore' }
  /** A heatmap cell was chosen: show the derivation of that element (row-major index). */
  | { readonly type: 'showElement'; readonly flatIndex: number };

export const WEBVIEW_MESSAGE_TYPES = ['action', 'renderMore', 'showElement'] as const satisfies readonly WebviewMessage['type'][];

/** Extension → webview: the answer to `showElement`. `html` is the renderer's card (its text escaped). */
export type ExtensionMessage =
  | { readonly type: 'elementCard'; readonly flatIndex: number; readonly html: string }
  | { readonly type: 'elementError'; readonly flatIndex: number; readonly message: string };

export const EXTENSION_MESSAGE_TYPES = ['elementCard', 'elementError'] as const satisfies readonly ExtensionMessage['type'][];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The message if `raw` is one the extension understands, else undefined (ignored, never trusted). */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (!isRecord(raw)) return undefined;
  switch (raw.type) {
    case 'action':
      return typeof raw.action === 'string' && (PANEL_ACTIONS as readonly string[]).includes(raw.action)
        ? { type: 'action', action: raw.action as PanelAction }
        : undefined;
    case 'renderMore':
      return { type: 'renderMore' };
    case 'showElement':
      return Number.isSafeInteger(raw.flatIndex) && (raw.flatIndex as number) >= 0 ? { type: 'showElement', flatIndex: raw.flatIndex as number } : undefined;
    default:
      return undefined;
  }
}

/** Explicit choices that override the settings for one walkthrough (command arguments). */
export interface ExplainOverrides {
  readonly preset?: Preset;
  readonly inputKind?: InputKindOption;
  readonly reduction?: Reduction;
  readonly logBase?: LogBase;
  readonly precision?: number;
}

/**
 * What a panel needs to be rebuilt after a reload: the text (not the results, which are
 * recomputed with the settings of the moment), the overrides, and how far the user got.
 */
export interface PanelState {
  readonly version: 1;
  readonly source: string;
  readonly documentName: string;
  /** The document the text came from, as a URI string, so exports can default to its folder. */
  readonly documentUri: string | null;
  readonly overrides: ExplainOverrides;
  readonly renderedLabels: number;
  /** Set when the arrays were read from a paused program (see debugger/liveData.ts). */
  readonly live?: LivePanelData;
}

const OVERRIDE_VALUES: { readonly [K in keyof ExplainOverrides]-?: readonly unknown[] | 'integer' } = {
  preset: ['pytorch', 'pytorch-logits', 'keras', 'tf-keras', 'sklearn', 'tfjs', 'exact'],
  inputKind: ['auto', 'probabilities', 'logits'],
  reduction: ['mean', 'sum', 'none'],
  logBase: ['e', '2', '10'],
  precision: 'integer',
};

/** Keeps only the override fields with allowed values; anything else is dropped. */
export function parseOverrides(raw: unknown): ExplainOverrides {
  if (!isRecord(raw)) return {};
  const out: Record<string, unknown> = {};
  for (const [key, allowed] of Object.entries(OVERRIDE_VALUES)) {
    const value = raw[key];
    if (value === undefined) continue;
    if (allowed === 'integer' ? Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 17 : allowed.includes(value)) {
      out[key] = value;
    }
  }
  return out as ExplainOverrides;
}

/** The state if `raw` is a panel state this version wrote, else undefined. */
export function parsePanelState(raw: unknown): PanelState | undefined {
  if (!isRecord(raw) || raw.version !== 1) return undefined;
  const { source, documentName, documentUri, renderedLabels } = raw;
  if (typeof source !== 'string' || typeof documentName !== 'string') return undefined;
  if (documentUri !== null && typeof documentUri !== 'string') return undefined;
  if (typeof renderedLabels !== 'number' || !Number.isInteger(renderedLabels) || renderedLabels < 1) return undefined;
  const live = parseLivePanelData(raw.live);
  return { version: 1, source, documentName, documentUri, overrides: parseOverrides(raw.overrides), renderedLabels, ...(live ? { live } : {}) };
}
