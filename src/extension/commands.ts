// Every command and view id the manifest declares, in one place, so that a renamed id is a
// compile error here rather than a silent no-op in package.json.
export const CommandId = {
  explainBinaryCrossEntropy: 'lossWalkthrough.explainBinaryCrossEntropy',
  explainSoftmaxCrossEntropy: 'lossWalkthrough.explainSoftmaxCrossEntropy',
  copyLatex: 'lossWalkthrough.copyLatex',
  copyMarkdown: 'lossWalkthrough.copyMarkdown',
  saveMarkdown: 'lossWalkthrough.saveMarkdown',
  saveHtml: 'lossWalkthrough.saveHtml',
  openMarkdownPreview: 'lossWalkthrough.openMarkdownPreview',
  openExample: 'lossWalkthrough.openExample',
  useAsTargets: 'lossWalkthrough.useAsTargets',
  useAsPredictions: 'lossWalkthrough.useAsPredictions',
  updateAtCurrentStop: 'lossWalkthrough.updateAtCurrentStop',
} as const;
export type CommandId = (typeof CommandId)[keyof typeof CommandId];

export const WALKTHROUGH_VIEW_TYPE = 'lossWalkthrough.walkthrough';
export const SOFTMAX_VIEW_TYPE = 'lossWalkthrough.softmax';

/** Context key that enables the panel's palette commands while a walkthrough panel exists. */
export const PANEL_OPEN_CONTEXT_KEY = 'lossWalkthrough.panelOpen';

/**
 * Not in the manifest (no palette entry): resolves with the panel's `PaintReport` once the page of
 * its newest render has been painted complete, or undefined without a panel. For the tests and
 * the bench, which time and check what the person sees.
 */
export const PANEL_PAINTED_COMMAND = 'lossWalkthrough.panelPainted';
/** Context key: the open panel's values came from a paused program, so "Update at the current stop" applies. */
export const PANEL_LIVE_CONTEXT_KEY = 'lossWalkthrough.panelLive';
