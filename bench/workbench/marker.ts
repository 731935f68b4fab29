// What the workbench side of the command-speed bench prints and the Node side reads.

/** Starts the one console line that carries the figures out of the workbench. */
export const COMMAND_SPEED_MARKER = 'LOSS_WALKTHROUGH_COMMAND_SPEED';

/** One input to time: the text the command explains, and what the bench calls it. */
export interface CommandSpeedCase {
  readonly name: string;
  readonly text: string;
}

/**
 * Times in milliseconds, measured in the web worker extension host of one workbench start, from
 * the command's call to the moment the page reported that it had been painted (its script posts
 * a message from a task queued in the first animation frame after the content is in).
 */
export interface CommandSpeedFigures {
  readonly name: string;
  readonly elementCount: number;
  /** Length of the panel's page, which the baseline's plain page matches. */
  readonly pageChars: number;
  /** First run after activation: the loss shown (a new panel's loading page shows the summary and the table). */
  readonly coldAnswerMs: number;
  /** First run after activation: the summary, the table and the first card painted. */
  readonly coldFirstPaintMs: number;
  /** First run after activation: the page painted with every card. */
  readonly coldCompleteMs: number;
  /** A new webview panel with a plain page of `pageChars` characters, to its paint (median of a few new panels). */
  readonly baselineColdMs: number;
  /** Median of `warmRuns` later runs (the panel is reused), to the complete page painted. */
  readonly warmMs: number;
  /** The same runs, to the first part painted: the summary, the table and the cards that came with them (what fills the view). */
  readonly warmFirstPaintMs: number;
  /** Median of setting a new plain page of the same size in a plain panel in view, to its paint. */
  readonly baselineWarmMs: number;
  readonly warmRuns: number;
}

export type CommandSpeedReport = { readonly ok: true; readonly figures: CommandSpeedFigures } | { readonly ok: false; readonly error: string };
