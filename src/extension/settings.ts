// The one place that reads `lossWalkthrough.*` settings. Values are checked here, so a
// hand-edited settings.json with a typo falls back to the default instead of reaching the engine.
import * as vscode from 'vscode';
import { PRESETS } from '../core/loss';
import type { InputKindOption, LogBase, Preset, Reduction } from '../core/types';

const PRESET_IDS = Object.keys(PRESETS) as Preset[];

export const SETTINGS_SECTION = 'lossWalkthrough';

export interface WalkthroughSettings {
  readonly preset: Preset;
  readonly inputKind: InputKindOption;
  readonly reduction: Reduction;
  readonly logBase: LogBase;
  readonly precision: number;
  readonly maxRenderedLabels: number;
  readonly followSelection: boolean;
}

export const DEFAULT_SETTINGS: WalkthroughSettings = {
  preset: 'pytorch',
  inputKind: 'auto',
  reduction: 'mean',
  logBase: 'e',
  precision: 6,
  maxRenderedLabels: 50,
  followSelection: false,
};

const INPUT_KINDS: readonly InputKindOption[] = ['auto', 'probabilities', 'logits'];
const REDUCTIONS: readonly Reduction[] = ['mean', 'sum', 'none'];
const LOG_BASES: readonly LogBase[] = ['e', '2', '10'];

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  // A number typed in settings.json (`"logBase": 10`) means the same as the string.
  const text = typeof value === 'number' ? String(value) : value;
  return typeof text === 'string' && (allowed as readonly string[]).includes(text) ? (text as T) : fallback;
}

function integerIn(value: unknown, min: number, max: number, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.round(value)));
}

/** Settings for a document (language- and folder-specific values apply), checked and defaulted. */
export function readSettings(scope?: vscode.ConfigurationScope): WalkthroughSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  const d = DEFAULT_SETTINGS;
  return {
    preset: oneOf(config.get('preset'), PRESET_IDS, d.preset),
    inputKind: oneOf(config.get('inputKind'), INPUT_KINDS, d.inputKind),
    reduction: oneOf(config.get('reduction'), REDUCTIONS, d.reduction),
    logBase: oneOf(config.get('logBase'), LOG_BASES, d.logBase),
    precision: integerIn(config.get('precision'), 1, 17, d.precision),
    maxRenderedLabels: integerIn(config.get('maxRenderedLabels'), 1, 10_000, d.maxRenderedLabels),
    followSelection: config.get('followSelection') === true,
  };
}

/**
 * Whether `event` changes only when the panel follows the selection, no setting its page shows:
 * `followSelection` changed and none of the others did. Redrawing the panel then would be a
 * whole render (typesetting included) for nothing, while the person may be typing.
 */
export function changesOnlyFollowSelection(event: vscode.ConfigurationChangeEvent): boolean {
  const affects = (key: keyof WalkthroughSettings) => event.affectsConfiguration(`${SETTINGS_SECTION}.${key}`);
  return affects('followSelection') && (Object.keys(DEFAULT_SETTINGS) as (keyof WalkthroughSettings)[]).every((key) => key === 'followSelection' || !affects(key));
}

/** Fires `listener` when any of this extension's settings change. */
export function onDidChangeSettings(listener: (event: vscode.ConfigurationChangeEvent) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(SETTINGS_SECTION)) listener(event);
  });
}
