// Binary cross entropy behind the loss interface: a thin adapter over the modules that were
// there first (parse, derivation, report), which stay as they are.
import * as l10n from '@vscode/l10n';
import { buildWalkthrough } from '../derivation/walkthrough';
import { inputError } from '../errors';
import { PRESETS } from '../loss/presets';
import { parseInput } from '../parse';
import { jsonReportChunks, toJsonReport, type JsonReport } from '../report';
import type { ParsedInput, Preset, Walkthrough } from '../types';
import type { LossDefinition } from './definition';

const PRESET_IDS = Object.keys(PRESETS) as Preset[];

export const bceLoss: LossDefinition<ParsedInput, Walkthrough, JsonReport> = {
  id: 'bce',
  get displayName(): string {
    return l10n.t('binary cross entropy');
  },
  presetIds: PRESET_IDS,
  defaultPreset: 'pytorch',
  defaultDtype: (preset) => PRESETS[preset as Preset]?.defaultDtype ?? 'float64',
  parse: (text, options) => parseInput(text, options),
  walkthrough(input, s, options) {
    const unsupported = s.ignoreIndex !== undefined ? 'ignore_index' : s.axis !== undefined ? 'axis' : null;
    if (unsupported !== null) {
      return { ok: false, error: inputError('bad-option', l10n.t`Binary cross entropy has no ${unsupported}; it is an option of softmax cross entropy.`) };
    }
    const preset = (s.preset ?? 'pytorch') as Preset;
    if (!PRESET_IDS.includes(preset)) return { ok: false, error: inputError('bad-option', l10n.t`Unknown preset ${String(s.preset).slice(0, 40)}.`) };
    return buildWalkthrough(
      input,
      {
        preset,
        reduction: s.reduction ?? 'mean',
        logBase: s.logBase ?? 'e',
        dtype: s.dtype ?? PRESETS[preset].defaultDtype,
        ...(s.weight !== undefined ? { weight: s.weight } : {}),
        ...(s.posWeight !== undefined ? { posWeight: s.posWeight } : {}),
        ...(s.labelSmoothing !== undefined ? { labelSmoothing: s.labelSmoothing } : {}),
      },
      options,
    );
  },
  report: toJsonReport,
  reportChunks: jsonReportChunks,
};
