// The hover's own settings (`lossWalkthrough.hover.*`); the loss settings come from ../settings.
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../settings';

export const HOVER_SETTINGS_SECTION = `${SETTINGS_SECTION}.hover`;

export const DEFAULT_HOVER_LANGUAGES: readonly string[] = ['python', 'javascript', 'typescript', 'json', 'julia', 'r', 'plaintext', 'markdown'];

export interface HoverSettings {
  readonly enabled: boolean;
  readonly languages: readonly string[];
}

/** Checked and defaulted: a hand-edited settings.json with a wrong type falls back to the default. */
export function readHoverSettings(): HoverSettings {
  const config = vscode.workspace.getConfiguration(HOVER_SETTINGS_SECTION);
  const languages = config.get<unknown>('languages');
  const valid = Array.isArray(languages) ? languages.filter((l): l is string => typeof l === 'string' && l.trim() !== '').map((l) => l.trim()) : null;
  return {
    enabled: config.get<unknown>('enabled') !== false,
    languages: valid ?? DEFAULT_HOVER_LANGUAGES,
  };
}
