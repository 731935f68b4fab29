// Softmax cross entropy behind the loss interface, the peer of ./bce.ts.
import * as l10n from '@vscode/l10n';
import { inputError } from '../errors';
import { parseSoftmaxInput } from '../softmax/parse';
import { SOFTMAX_PRESET_IDS, SOFTMAX_PRESETS } from '../softmax/presets';
import { toSoftmaxJsonReport, type SoftmaxJsonReport } from '../softmax/report';
import type { SoftmaxInput, SoftmaxPreset } from '../softmax/types';
import { buildSoftmaxWalkthrough, type SoftmaxWalkthrough } from '../softmax/walkthrough';
import type { LossDefinition } from './definition';

export const softmaxCrossEntropyLoss: LossDefinition<SoftmaxInput, SoftmaxWalkthrough, SoftmaxJsonReport> = {
  id: 'softmax-ce',
  get displayName(): string {
    return l10n.t('softmax cross entropy');
  },
  presetIds: SOFTMAX_PRESET_IDS,
  defaultPreset: 'pytorch',
  defaultDtype: (preset) => SOFTMAX_PRESETS[preset as SoftmaxPreset]?.defaultDtype ?? 'float64',
  // PyTorch's default ignore_index, -100, is let through here; the preset's own check refuses it where it means nothing.
  parse: (text, options) => parseSoftmaxInput(text, { ignoreIndex: -100, ...options }),
  walkthrough(input, s, options) {
    if (s.posWeight !== undefined) {
      return { ok: false, error: inputError('bad-option', l10n.t('Softmax cross entropy has no pos_weight; give class weights with weight.')) };
    }
    const preset = (s.preset === 'pytorch-logits' ? 'pytorch' : (s.preset ?? 'pytorch')) as SoftmaxPreset;
    if (!SOFTMAX_PRESET_IDS.includes(preset)) {
      return { ok: false, error: inputError('bad-option', l10n.t`Softmax cross entropy has no preset ${String(s.preset).slice(0, 40)}: choose ${SOFTMAX_PRESET_IDS.join(', ')}.`) };
    }
    return buildSoftmaxWalkthrough(
      input,
      {
        preset,
        reduction: s.reduction ?? 'mean',
        input: input.inputKind,
        dtype: s.dtype ?? SOFTMAX_PRESETS[preset].defaultDtype,
        ...(s.logBase !== undefined ? { logBase: s.logBase } : {}),
        ...(s.weight !== undefined ? { weight: s.weight } : {}),
        ...(s.ignoreIndex !== undefined ? { ignoreIndex: s.ignoreIndex } : {}),
        ...(s.labelSmoothing !== undefined ? { labelSmoothing: s.labelSmoothing } : {}),
        ...(s.axis !== undefined ? { axis: s.axis } : {}),
      },
      options,
    );
  },
  report: toSoftmaxJsonReport,
  // Its elements are samples, already held per sample in the walkthrough: one chunk.
  reportChunks: (w) => [`${JSON.stringify(toSoftmaxJsonReport(w), null, 2)}\n`],
};
