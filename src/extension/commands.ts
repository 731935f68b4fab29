// Every command and view id the manifest declares, in one place, so that a renamed id is a
// compile error here rather than a silent no-op in package.json.
export const CommandId = {
  explainBinaryCrossEntropy: 'lossWalkthrough.explainBinaryCrossEntropy',
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

/** Context key that enables the panel's palette commands while a walkthrough panel exists. */
export const PANEL_OPEN_CONTEXT_KEY = 'lossWalkthrough.panelOpen';

/** Context key: the open panel's values came from a paused program, so "Update at the current stop" applies. */
export const PANEL_LIVE_CONTEXT_KEY = 'lossWalkthrough.panelLive';
