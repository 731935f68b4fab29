/// <reference types="mocha" />
// The panel's page: what the Content Security Policy allows, and that the text the user typed,
// carried in the page as saved state, can neither end its data block nor run.
import assert from 'node:assert/strict';
import { contentSecurityPolicy, jsonForScriptBlock, renderPanelPage, type PageContent } from '../../../src/extension/walkthrough/html';
import type { PanelState } from '../../../src/extension/walkthrough/messages';

const resources = {
  cspSource: 'https://example.vscode-cdn.net',
  walkthroughCss: 'https://example.vscode-cdn.net/media/walkthrough.css',
  panelCss: 'https://example.vscode-cdn.net/media/panel.css',
  panelJs: 'https://example.vscode-cdn.net/media/panel.js',
};

const hostile = 'targets = [1, 0]\npredictions = [0.5, 0.5] # </script><script>alert(1)</script><!-- & "quotes"';
const state: PanelState = { version: 1, source: hostile, documentName: '<b>x</b>.py', documentUri: null, overrides: {}, renderedLabels: 50 };

function page(overrides: Partial<PageContent> = {}): string {
  return renderPanelPage(
    resources,
    { title: 'BCE: <b>x</b>.py', mathStyleSheet: 'mjx-container { display: block }', fragment: '<p class="from-renderer">ok</p>', renderedDerivations: 3, totalDerivations: 3, nextBatch: 50, state, ...overrides },
    'NONCE123',
  );
}

describe('panel page', () => {
  it('allows only our styles, nonce-marked blocks and panel.js', () => {
    assert.equal(
      contentSecurityPolicy(resources.cspSource, 'N'),
      "default-src 'none'; img-src data:; style-src https://example.vscode-cdn.net 'nonce-N'; script-src 'nonce-N'",
    );
    const html = page();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(scripts, [
      '<script type="application/json" id="lw-state">',
      `<script nonce="NONCE123" src="${resources.panelJs}">`,
    ]);
    assert.match(html, /<style nonce="NONCE123" id="lw-math-style">mjx-container \{ display: block \}<\/style>/);
  });

  it('keeps typed text inert: the state block cannot be closed early and parses back to the same text', () => {
    const html = page();
    assert.ok(!html.includes('<script>alert'), 'the typed </script> ended the data block');
    const block = /<script type="application\/json" id="lw-state">([\s\S]*?)<\/script>/.exec(html);
    assert.ok(block);
    assert.deepEqual(JSON.parse(block[1]!), state);
    assert.ok(!jsonForScriptBlock('<!--').includes('<'));
  });

  it('escapes the title and places the renderer\'s fragment as it is', () => {
    const html = page();
    assert.match(html, /<title>BCE: &lt;b&gt;x&lt;\/b&gt;\.py<\/title>/);
    assert.match(html, /<p class="from-renderer">ok<\/p>/);
  });

  it('offers "Render N more" only when derivations were left out, never more than remain', () => {
    assert.doesNotMatch(page(), /data-message="renderMore"/);
    const capped = page({ renderedDerivations: 50, totalDerivations: 70, nextBatch: 50 });
    assert.match(capped, /<button type="button" data-message="renderMore">Render 20 more<\/button>/);
    assert.match(capped, /50 of 70/);
  });

  it('a capped table says so above the walkthrough, and the "Render more" line no longer claims every row', () => {
    assert.doesNotMatch(page({ tableRows: 3 }), /lw-omitted/);
    const capped = page({ renderedDerivations: 50, totalDerivations: 500_000, tableRows: 20_000, nextBatch: 50 });
    assert.match(capped, /<main class="lw-content">\n<p class="lw-omitted" role="note">The table shows the first 20000 of 500000 elements; the loss covers all of them\./);
    assert.match(capped, /loss-walkthrough --format json/);
    assert.match(capped, /the table lists the first 20000\./);
    assert.doesNotMatch(capped, /the table lists them all/);
  });
});
