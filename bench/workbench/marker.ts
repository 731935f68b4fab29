// What the workbench side of the command-speed bench prints and the Node side reads.

/** Starts the one console line that carries the figures out of the workbench. */
export const COMMAND_SPEED_MARKER = 'LOSS_WALKTHROUGH_COMMAND_SPEED';

/** One input to time: the text the command explains, and what the bench calls it. */
export interface CommandSpeedCase {
  readonly name: string;
  readonly text: string;
}

/** Times in milliseconds, measured in the web worker extension host of one workbench start. */
export interface CommandSpeedFigures {
  readonly name: string;
  readonly elementCount: number;
  /** Length of the panel's page, which the baseline's plain page matches. */
  readonly pageChars: number;
  /** First run after activation: from the call to the panel's `webview.html` being set. */
  readonly coldMs: number;
  /** A new webview panel plus setting a plain page of `pageChars` characters (median of a few new panels). */
  readonly baselineColdMs: number;
  /** Median of `warmRuns` later runs (the panel is reused). */
  readonly warmMs: number;
  /** Median of bringing the plain panel to the front and setting a new plain page of the same size. */
  readonly baselineWarmMs: number;
  readonly warmRuns: number;
}

export type CommandSpeedReport = { readonly ok: true; readonly figures: CommandSpeedFigures } | { readonly ok: false; readonly error: string };
