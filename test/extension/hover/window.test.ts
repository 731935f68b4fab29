/// <reference types="mocha" />
// Which lines a hover reads. Pure (no vscode): runs in the workbench with the other extension
// suites and in Node (`node --import tsx node_modules/mocha/bin/mocha.js test/extension/hover/window.test.ts`).
// Expected spans are counted by hand on the fixtures.
import assert from 'node:assert/strict';
import {
  assembleSource,
  boundedLines,
  isCut,
  nearSpan,
  neighbourParagraphs,
  offsetInSource,
  positionInDocument,
  type HoverLimits,
} from '../../../src/extension/hover/window';

function lines(text: string) {
  const all = text.split('\n');
  let reads = 0;
  return {
    lineCount: all.length,
    lineText: (i: number) => {
      reads++;
      const line = all[i];
      if (line === undefined) throw new Error(`read past the document: line ${i}`);
      return line;
    },
    reads: () => reads,
  };
}

const LIMITS: HoverLimits = { linesAround: 3, maxLineChars: 20, maxWindowChars: 60 };

describe('hover: the lines it reads', () => {
  it('a file: the paragraph under the pointer; nothing on a blank line', () => {
    const doc = lines('a = 1\n\nt = [1, 0]\np = [0.5, 0.5]\n\nz = 2');
    const bounded = boundedLines(doc, 2);
    assert.deepEqual(nearSpan(bounded, 2, false), { startLine: 2, endLine: 3 });
    assert.equal(nearSpan(boundedLines(doc, 1), 1, false), null);
  });

  it('a notebook cell: all of it, blank lines included, but trimmed of blank edges', () => {
    const doc = lines('\nt = [1, 0]\n\np = [0.5, 0.5]\n\n');
    assert.deepEqual(nearSpan(boundedLines(doc, 1), 1, true), { startLine: 1, endLine: 3 });
  });

  it('never more than linesAround lines either side, however long the paragraph', () => {
    const doc = lines(Array.from({ length: 40 }, (_, i) => `x${i}`).join('\n'));
    const bounded = boundedLines(doc, 20, LIMITS);
    assert.equal(bounded.first, 17);
    assert.equal(bounded.last, 23);
    assert.deepEqual(nearSpan(bounded, 20, false), { startLine: 17, endLine: 23 });
    assert.equal(bounded.lineText(16), '', 'outside the bounds a line reads as blank');
    assert.equal(bounded.clippedAbove && bounded.clippedBelow, true);
    assert.equal(isCut(bounded, { startLine: 17, endLine: 23 }), true);
  });

  it('stops before a line that is too long, and when the total budget is spent', () => {
    const long = 'y'.repeat(21);
    const doc = lines(`a\nb\n${long}\nc\nd`);
    const bounded = boundedLines(doc, 4, LIMITS);
    assert.equal(bounded.first, 3, 'the 21-character line is a wall');
    // Budget 60 characters: the pointer's line and three more lines of 15.
    const budget = lines(['a'.repeat(15), 'b'.repeat(15), 'c'.repeat(15), 'd'.repeat(15), 'e'.repeat(15)].join('\n'));
    const b = boundedLines(budget, 4, LIMITS);
    assert.equal(b.first, 1, '15 × 4 = 60 characters fit; a fifth line would not');
  });

  it('the pointer line itself is always read, even when it is longer than the others may be', () => {
    const doc = lines(`t = [1, 0]\n${'9'.repeat(30)}`);
    assert.equal(boundedLines(doc, 1, LIMITS).lineText(1).length, 30);
  });

  it('reads a bounded number of lines in a long file', () => {
    const doc = lines(Array.from({ length: 5000 }, (_, i) => `v${i} = [${i}, 1]`).join('\n'));
    const bounded = boundedLines(doc, 2500);
    nearSpan(bounded, 2500, false);
    neighbourParagraphs(bounded, { startLine: 2450, endLine: 2550 });
    // Each admitted line is read a few times by the paragraph walks; never the whole file.
    assert.ok(doc.reads() < 2000, `${doc.reads()} reads`);
  });

  it('neighbouring paragraphs, nearest first, only within the bounds', () => {
    const doc = lines('p1\n\n\n\np2\np2\n\nHERE\n\np3\n\n\np4');
    const bounded = boundedLines(doc, 7, { linesAround: 5, maxLineChars: 100, maxWindowChars: 1000 });
    const near = nearSpan(bounded, 7, false)!;
    assert.deepEqual(near, { startLine: 7, endLine: 7 });
    // p2 ends 2 lines above, p3 starts 2 below, p4 (line 12) is just inside the bounds (7 + 5), p1 (line 0) is not.
    assert.deepEqual(neighbourParagraphs(bounded, near), [
      { startLine: 4, endLine: 5 },
      { startLine: 9, endLine: 9 },
      { startLine: 12, endLine: 12 },
    ]);
  });

  it('assembles spans in document order, a blank line between, and maps offsets both ways', () => {
    const doc = lines('t = [1, 0]\n\n\np = [0.5,\n  0.25]');
    const source = assembleSource(doc, [
      { startLine: 3, endLine: 4 },
      { startLine: 0, endLine: 0 },
    ]);
    assert.equal(source.text, 't = [1, 0]\n\np = [0.5,\n  0.25]');
    assert.deepEqual(source.starts, [0, 12]);
    const offset = offsetInSource(doc, source, { line: 4, character: 2 });
    assert.equal(source.text.slice(offset, offset + 4), '0.25');
    assert.deepEqual(positionInDocument(doc, source, offset), { line: 4, character: 2 });
    assert.deepEqual(positionInDocument(doc, source, source.text.indexOf('[1')), { line: 0, character: 4 });
    assert.equal(offsetInSource(doc, source, { line: 1, character: 0 }), -1, 'a line between the spans');
  });
});
