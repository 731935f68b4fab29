// From text to a walkthrough with the user's settings: the one path every entry point takes
// (the command, the panel's refresh after a settings change, the serializer, follow-selection).
import { buildWalkthrough } from '../../core/derivation';
import { PRESETS } from '../../core/loss';
import { parseInput } from '../../core/parse';
import type { InputKindOption, LogBase, ParsedInput, Preset, Reduction, Result, Walkthrough } from '../../core/types';
import type { WalkthroughSettings } from '../settings';
import type { ExplainOverrides } from './messages';

export interface EffectiveOptions {
  readonly preset: Preset;
  readonly inputKind: InputKindOption;
  readonly reduction: Reduction;
  readonly logBase: LogBase;
  readonly precision: number;
  /** Exchange the targets and the predictions once the parser has decided them (the panel's swap button). */
  readonly swapRoles?: boolean;
}

export function effectiveOptions(settings: WalkthroughSettings, overrides: ExplainOverrides): EffectiveOptions {
  return {
    preset: overrides.preset ?? settings.preset,
    inputKind: overrides.inputKind ?? settings.inputKind,
    reduction: overrides.reduction ?? settings.reduction,
    logBase: overrides.logBase ?? settings.logBase,
    precision: overrides.precision ?? settings.precision,
    ...(overrides.swapRoles === true ? { swapRoles: true } : {}),
  };
}

export function parseSource(source: string, options: EffectiveOptions): Result<ParsedInput> {
  return parseInput(source, { inputKind: options.inputKind, ...(options.swapRoles === true ? { swapRoles: true } : {}) });
}

/** How much of a large input to lay out; the loss itself always covers every element. */
export interface Extent {
  readonly maxDerivations: number;
  readonly maxTableRows: number;
  /** The side-by-side framework table (five more loss passes); default true. The hover has no use for it. */
  readonly compareFrameworks?: boolean;
  /** The why-BCE section; default true. The hover does not show it. */
  readonly explain?: boolean;
}

export function walkthroughFromParsed(parsed: ParsedInput, options: EffectiveOptions, extent: Extent): Result<Walkthrough> {
  return buildWalkthrough(
    parsed,
    { preset: options.preset, reduction: options.reduction, logBase: options.logBase, dtype: PRESETS[options.preset].defaultDtype },
    {
      precision: options.precision,
      maxDerivations: extent.maxDerivations,
      maxTableRows: extent.maxTableRows,
      ...(extent.compareFrameworks === false ? { compareFrameworks: false } : {}),
      ...(extent.explain === false ? { explain: false } : {}),
    },
  );
}

export function explainSource(source: string, options: EffectiveOptions, extent: Extent): Result<Walkthrough> {
  const parsed = parseSource(source, options);
  return parsed.ok ? walkthroughFromParsed(parsed.value, options, extent) : parsed;
}
