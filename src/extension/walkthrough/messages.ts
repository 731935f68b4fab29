// The messages between the walkthrough webview (`media/panel.js`) and the extension, and the
// state the webview keeps across a window reload. The webview script is plain JavaScript, so
// this module is where the names live: the script uses exactly these strings (a test checks),
// and everything arriving from the webview is validated here before it is acted on.
import type { InputKindOption, LogBase, Preset, Reduction } from '../../core/types';
import { parseLivePanelData, type LivePanelData } from '../debugger/liveData';

/** The panel's exports; each is a command in the panel's title bar, its context menu and the palette. */
export const PANEL_ACTIONS = ['copyLatex', 'copyMarkdown', 'saveMarkdown', 'saveHtml', 'openMarkdownPreview'] as const;
export type PanelAction = (typeof PANEL_ACTIONS)[number];

/** Webview → extension. */
export type WebviewMessage =
  /** Render the next batch of per-label derivations. */
  | { readonly type: 'renderMore' }
  /** A heatmap cell was chosen: show the derivation of that element (row-major index). */
  | { readonly type: 'showElement'; readonly flatIndex: number }
  /** Show the walkthrough again with the targets and predictions swapped (or the swap undone). */
  | { readonly type: 'swapRoles' }
  /**
   * The page of render `run` holds `have` cards (it has loaded, or a batch it expected is
   * missing, or none came for a while): send it the batches from there.
   */
  | { readonly type: 'ready'; readonly run: number; readonly have: number }
  /**
   * The page of render `run` has been painted: with its first part, or (`complete`) with every
   * card; run 0 is a new panel's loading page. `answer` is the summary's loss sentence as the page shows it, `cards` how many cards it holds.
   */
  | {
      readonly type: 'painted';
      readonly run: number;
      readonly complete: boolean;
      readonly cards: number;
      readonly answer: string;
      /** When the page painted, by the wall clock (Date.now()): the extension may read the message later, when it is busy. */
      readonly at?: number;
    }
  /** The same selection under softmax cross entropy (offered for N×C pairs it can take). */
  | { readonly type: 'explainAsSoftmax' }
  /**
   * The page's script runs: the page of the panel's page load `pageLoad` (counted each time the
   * extension writes the webview's HTML), showing render `run` (0: none yet). A loaded page takes
   * the next render by message (`page`), without the webview loading a new document.
   */
  | { readonly type: 'loaded'; readonly pageLoad: number; readonly run: number };

export const WEBVIEW_MESSAGE_TYPES = ['renderMore', 'showElement', 'swapRoles', 'ready', 'painted', 'explainAsSoftmax', 'loaded'] as const satisfies readonly WebviewMessage['type'][];

/**
 * Extension → webview: the answer to `showElement` (`html` is the renderer's card, its text
 * escaped), and new renders and their cards for the loaded page. A page's HTML goes as UTF-8
 * bytes: VS Code passes a typed array to the webview as it is, where a string is JSON-encoded
 * twice on the way, every quote of thousands of SVG attributes escaped (350 KB of cards: 8.5 ms
 * encoded that way against 1.2 ms as bytes, in Node on this machine).
 */
export type ExtensionMessage =
  | { readonly type: 'elementCard'; readonly flatIndex: number; readonly html: string }
  | { readonly type: 'elementError'; readonly flatIndex: number; readonly message: string }
  /**
   * More derivation cards for the page of render `run`, from its card number `from` (0-based,
   * the first ones came with the page); `done` when no more follow. `html` is the renderer's, in UTF-8.
   */
  | { readonly type: 'cards'; readonly run: number; readonly from: number; readonly html: Uint8Array; readonly done: boolean }
  /**
   * A new render for the loaded page: `main` replaces what its `<main>` holds (the renderer's
   * HTML in UTF-8, every text escaped), `styleSheet` its MathJax stylesheet, `state` what it keeps for a
   * window reload; `pendingCards` follow by `cards` messages, as after a new page.
   */
  | {
      readonly type: 'page';
      readonly run: number;
      readonly title: string;
      readonly styleSheet: string;
      readonly main: Uint8Array;
      readonly pendingCards: number;
      readonly state: PanelState | null;
    };

export const EXTENSION_MESSAGE_TYPES = ['elementCard', 'elementError', 'cards', 'page'] as const satisfies readonly ExtensionMessage['type'][];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The message if `raw` is one the extension understands, else undefined (ignored, never trusted). */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (!isRecord(raw)) return undefined;
  switch (raw.type) {
    case 'renderMore':
      return { type: 'renderMore' };
    case 'explainAsSoftmax':
      return { type: 'explainAsSoftmax' };
    case 'showElement':
      return Number.isSafeInteger(raw.flatIndex) && (raw.flatIndex as number) >= 0 ? { type: 'showElement', flatIndex: raw.flatIndex as number } : undefined;
    case 'swapRoles':
      return { type: 'swapRoles' };
    case 'ready':
      return isRun(raw.run) && Number.isSafeInteger(raw.have) && (raw.have as number) >= 0 ? { type: 'ready', run: raw.run, have: raw.have as number } : undefined;
    case 'loaded':
      return Number.isSafeInteger(raw.pageLoad) && (raw.pageLoad as number) >= 0 && Number.isSafeInteger(raw.run) && (raw.run as number) >= 0
        ? { type: 'loaded', pageLoad: raw.pageLoad as number, run: raw.run as number }
        : undefined;
    case 'painted':
      // Run 0: a new panel's loading page, which may show a walkthrough's summary already.
      return Number.isSafeInteger(raw.run) && (raw.run as number) >= 0 && typeof raw.complete === 'boolean' && Number.isSafeInteger(raw.cards) && typeof raw.answer === 'string'
        ? {
            type: 'painted',
            run: raw.run as number,
            complete: raw.complete,
            cards: raw.cards as number,
            answer: raw.answer.slice(0, 1_000),
            ...(typeof raw.at === 'number' && Number.isFinite(raw.at) ? { at: raw.at } : {}),
          }
        : undefined;
    default:
      return undefined;
  }
}

function isRun(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 1;
}

/** Explicit choices that override the settings for one walkthrough (command arguments). */
export interface ExplainOverrides {
  readonly preset?: Preset;
  readonly inputKind?: InputKindOption;
  readonly reduction?: Reduction;
  readonly logBase?: LogBase;
  readonly precision?: number;
  /** Exchange the targets and the predictions the parser decided (the panel's swap button). */
  readonly swapRoles?: boolean;
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
  swapRoles: [true, false],
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
