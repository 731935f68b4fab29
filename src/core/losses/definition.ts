// One interface for every loss the engine explains. BCE and softmax cross entropy are peers
// behind it: each turns text into its input, its input and settings into a walkthrough, and a
// walkthrough into JSON. An entry point (CLI, command, hover) picks a definition once and then
// works through it, instead of branching on the loss at every layer.
import type { DType, LogBase, ParseOptions, Reduction, Result, WalkthroughOptions } from '../types';

export type LossId = 'bce' | 'softmax-ce';
export const LOSS_IDS: readonly LossId[] = ['bce', 'softmax-ce'];

/** The settings a person chooses, common to the losses; a loss refuses what it has no use for. */
export interface LossSettings {
  readonly preset?: string;
  readonly reduction?: Reduction;
  /** BCE: per-element weights broadcast along the last axis. Softmax CE: one weight per class. */
  readonly weight?: Float64Array | readonly number[];
  /** BCE only: positive-class weights. */
  readonly posWeight?: Float64Array | readonly number[];
  readonly labelSmoothing?: number;
  readonly logBase?: LogBase;
  /** Default: the preset's framework's own dtype. */
  readonly dtype?: DType;
  /** Softmax CE only: PyTorch's ignore_index. */
  readonly ignoreIndex?: number;
  /** Softmax CE only: Keras's axis. */
  readonly axis?: -1 | 0 | 1;
}

export interface LossParseOptions extends ParseOptions {
  readonly ignoreIndex?: number;
}

export interface LossDefinition<Input, Walk, Json> {
  readonly id: LossId;
  /** For people: 'binary cross entropy', 'softmax cross entropy'. */
  readonly displayName: string;
  readonly presetIds: readonly string[];
  readonly defaultPreset: string;
  defaultDtype(preset: string): DType;
  parse(text: string, options?: LossParseOptions): Result<Input>;
  walkthrough(input: Input, settings: LossSettings, options?: WalkthroughOptions): Result<Walk>;
  report(walkthrough: Walk): Json;
  /** `report` as JSON text (two-space indent, a final newline), chunk by chunk: a million elements stream in flat memory. */
  reportChunks(walkthrough: Walk): Iterable<string>;
}
