// From text to a walkthrough with the user's settings: the one path every entry point takes
// (the command, the panel's refresh after a settings change, the serializer, follow-selection).
import { buildWalkthrough } from '../../core/derivation';
import { PRESETS } from '../../core/loss';
import { parseInput } from '../../core/parse';
import type { InputKindOption, LogBase, ParsedInput, Preset, Reduction, Result, Walkthrough } from '../../core/types';
import { compareWithProgram } from '../../core/live';
import type { LivePanelData } from '../debugger/liveData';
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

/** `live`: the arrays came from a paused program, with the call's own options and dtype (debugger/liveData.ts). */
export function walkthroughFromParsed(parsed: ParsedInput, options: EffectiveOptions, extent: Extent, live?: LivePanelData): Result<Walkthrough> {
  const built = buildWalkthrough(
    parsed,
    {
      preset: options.preset,
      reduction: options.reduction,
      logBase: options.logBase,
      dtype: live?.dtype ?? PRESETS[options.preset].defaultDtype,
      ...(live?.weight ? { weight: live.weight } : {}),
      ...(live?.posWeight ? { posWeight: live.posWeight } : {}),
      ...(live?.labelSmoothing !== undefined ? { labelSmoothing: live.labelSmoothing } : {}),
    },
    {
      precision: options.precision,
      maxDerivations: extent.maxDerivations,
      maxTableRows: extent.maxTableRows,
      ...(extent.compareFrameworks === false ? { compareFrameworks: false } : {}),
      ...(extent.explain === false ? { explain: false } : {}),
    },
  );
  if (!built.ok || live === undefined) return built;
  // Where the numbers came from, and the program's own value beside the walkthrough's, come first.
  const comparison = live.program ? compareWithProgram(live.program, built.value, options.precision) : null;
  const first = comparison ? [comparison.line, ...(comparison.reason ? [comparison.reason] : [])] : [];
  return { ok: true, value: { ...built.value, notes: [...first, ...live.notes, ...built.value.notes] } };
}

export function explainSource(source: string, options: EffectiveOptions, extent: Extent, live?: LivePanelData): Result<Walkthrough> {
  const parsed = parseSource(source, options);
  return parsed.ok ? walkthroughFromParsed(parsed.value, options, extent, live) : parsed;
}
