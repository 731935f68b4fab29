// The softmax walkthrough of an input under the settings of the moment: what the command shows,
// and what an open panel shows again when a setting changes.
import { softmaxCrossEntropyLoss } from '../../core/losses';
import type { SoftmaxInput } from '../../core/softmax/types';
import type { SoftmaxWalkthrough } from '../../core/softmax/walkthrough';
import type { Result } from '../../core/types';
import type { WalkthroughSettings } from '../settings';
import { MAX_PANEL_TABLE_ROWS } from '../walkthrough/panel';

/** The preset setting, read for softmax CE: BCE's 'pytorch-logits' is PyTorch's CrossEntropyLoss too. */
function presetFrom(setting: string): string {
  return setting === 'pytorch-logits' ? 'pytorch' : setting;
}

/**
 * Capped as BCE's panel is: `maxRenderedLabels` derivations and the panel's table rows. The
 * document says what it left out, and every export writes this document, so they are capped too.
 */
export function buildSoftmax(input: SoftmaxInput, settings: WalkthroughSettings): Result<SoftmaxWalkthrough> {
  return softmaxCrossEntropyLoss.walkthrough(
    input,
    { preset: presetFrom(settings.preset), reduction: settings.reduction, logBase: settings.logBase },
    { precision: settings.precision, maxDerivations: settings.maxRenderedLabels, maxTableRows: MAX_PANEL_TABLE_ROWS },
  );
}
