/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Lexer, T_BAD_NUMBER, T_CLOSE, T_END, T_FATAL, T_NAME, T_NUMBER, T_OPEN, T_OTHER, T_STRING, T_ASSIGN, T_ELLIPSIS } from '../../../src/core/parse/lexer';

function tokens(text: string): { type: number; text: string; value?: number }[] {
  const lexer = new Lexer(text);
  const out: { type: number; text: string; value?: number }[] = [];
  for (let t = lexer.next(); t !== T_END; t = lexer.next()) {
    out.push({ type: t, text: text.slice(lexer.start, lexer.end), ...(t === T_NUMBER ? { value: lexer.value } : {}) });
    if (t === T_FATAL) break;
  }
  return out;
}

function numberValue(text: string): number {
  const lexer = new Lexer(text);
  assert.equal(lexer.next(), T_NUMBER, `${text} is one number`);
  assert.equal(lexer.end, text.length, `${text} is read whole`);
  return lexer.value;
}

test('every number spelling from the brief reads to the value JavaScript gives the same literal', () => {
  assert.equal(numberValue('1'), 1);
  assert.equal(numberValue('-0.5'), -0.5);
  assert.equal(numberValue('.5'), 0.5);
  assert.equal(numberValue('1e-3'), 0.001);
  assert.equal(numberValue('1E+2'), 100);
  assert.equal(numberValue('0.5e0'), 0.5);
  assert.equal(numberValue('+1'), 1);
  assert.equal(numberValue('1.'), 1, 'numpy and torch print 1. for one');
  assert.ok(Object.is(numberValue('-0'), -0));
  assert.equal(numberValue('−0.25'), -0.25, 'U+2212 from typeset text is a minus');
});

test('numbers are correctly rounded, on and off the fast path', () => {
  // Expected values are JavaScript's own literals, read by V8, not by this lexer.
  assert.equal(numberValue('0.1'), 0.1);
  assert.equal(numberValue('0.30000000000000004'), 0.30000000000000004);
  assert.equal(numberValue('0.8999999999999999'), 0.8999999999999999);
  assert.equal(numberValue('123456789012345'), 123456789012345);
  assert.equal(numberValue('1234567890123456789'), 1234567890123456768, 'the nearest double');
  assert.equal(numberValue('2.2250738585072014e-308'), 2.2250738585072014e-308);
  assert.equal(numberValue('5e-324'), 5e-324);
  assert.equal(numberValue('9007199254740993'), 9007199254740992, 'ties round to even');
  assert.equal(numberValue('0.000001'), 0.000001);
  assert.equal(numberValue('1e22'), 1e22);
  assert.equal(numberValue('1e23'), 1e23);
  assert.equal(numberValue('1e400'), Infinity);
  assert.equal(numberValue('1e-400'), 0);
  assert.equal(numberValue('1e99999999999999999999'), Infinity);
  assert.equal(numberValue('0.00000000000000000000000000001'), 1e-29);
  assert.equal(numberValue('4.35'), 4.35);
  assert.equal(numberValue('0.7'), 0.7);
});

test('things that start like numbers but are not are one bad token, quoted whole', () => {
  for (const text of ['1.0f', '0x1F', '1e', '1_000', '2j', '1e+']) {
    const lexer = new Lexer(text);
    assert.equal(lexer.next(), T_BAD_NUMBER, text);
    assert.equal(text.slice(lexer.start, lexer.end), text);
  }
});

test('a sign belongs to a number unless it follows a value without a space', () => {
  assert.deepEqual(tokens('[0.5 -0.3]').map((t) => t.text), ['[', '0.5', '-0.3', ']']);
  assert.deepEqual(tokens('[1-0.3]').map((t) => t.text), ['[', '1', '-', '0.3', ']']);
  assert.deepEqual(tokens('x = -1').map((t) => t.type), [T_NAME, T_ASSIGN, T_NUMBER]);
  assert.deepEqual(tokens('-np.inf').map((t) => t.type), [T_OTHER, T_NAME]);
});

test('dotted names are one token; ... is an ellipsis', () => {
  assert.deepEqual(tokens('np.nan self.targets ...').map((t) => [t.type, t.text]), [
    [T_NAME, 'np.nan'],
    [T_NAME, 'self.targets'],
    [T_ELLIPSIS, '...'],
  ]);
});

test('strings are skipped whole, escapes included, so brackets and # inside mean nothing', () => {
  const text = `'a\\'[b' "#]" '''x\n]'''  r"\\"" f'{x}' ["(", 1]`;
  const list = tokens(text);
  assert.deepEqual(
    list.map((t) => t.text),
    [`'a\\'[b'`, `"#]"`, `'''x\n]'''`, `r"\\""`, `f'{x}'`, '[', '"("', ',', '1', ']'],
  );
  assert.equal(list.filter((t) => t.type === T_STRING).length, 6);
});

test('an apostrophe inside a word is prose, not a string', () => {
  assert.deepEqual(tokens("Let's see [1]").map((t) => t.text), ['Let', "'", 's', 'see', '[', '1', ']']);
});

test('comments of Python, R, JavaScript and C are skipped', () => {
  const list = tokens('[1, # one ]\n 2 // two )\n, /* ( */ 3]');
  assert.deepEqual(list.map((t) => t.text), ['[', '1', ',', '2', ',', '3', ']']);
  assert.deepEqual(list.filter((t) => t.type === T_OPEN || t.type === T_CLOSE).length, 2);
});

test('an unclosed string or block comment is fatal and points at where it opens', () => {
  const text = 'x = [1, "oops]\ny = 2';
  const lexer = new Lexer(text);
  let t = lexer.next();
  while (t !== T_FATAL && t !== T_END) t = lexer.next();
  assert.equal(t, T_FATAL);
  assert.equal(text.slice(lexer.start, lexer.end), '"');
  assert.equal(lexer.start, 8);
  assert.match(lexer.fatalMessage, /not closed/);

  const comment = '[1, 2] /* note';
  const lexer2 = new Lexer(comment);
  t = lexer2.next();
  while (t !== T_FATAL && t !== T_END) t = lexer2.next();
  assert.equal(t, T_FATAL);
  assert.equal(comment.slice(lexer2.start, lexer2.end), '/*');
});

test('readNumberRun reads ", n" and numpy\'s " n" into the arrays and consumes nothing else', () => {
  const text = '0.1, 0.2 -30.\n ,+4,x';
  const lexer = new Lexer(text);
  assert.equal(lexer.next(), T_NUMBER);
  const values = new Float64Array(8);
  const starts = new Int32Array(8);
  const ends = new Int32Array(8);
  const next = lexer.readNumberRun(values, starts, ends, 0, 8);
  assert.equal(next, 3);
  assert.deepEqual(Array.from(values.subarray(0, 3)), [0.2, -30, 4]);
  assert.deepEqual([0, 1, 2].map((i) => text.slice(starts[i], ends[i])), ['0.2', '-30.', '+4']);
  assert.equal(lexer.next(), 7 /* T_COMMA */);
  assert.equal(lexer.next(), T_NAME);
});

test('readNumberRun leaves exponents and long mantissas right: exponents to next(), long ones to parseFloat', () => {
  const text = '0, 0.12345678901234567, 1e-3';
  const lexer = new Lexer(text);
  lexer.next();
  const values = new Float64Array(4);
  assert.equal(lexer.readNumberRun(values, new Int32Array(4), new Int32Array(4), 0, 4), 1);
  assert.equal(values[0], 0.12345678901234566, 'the nearest double, as JavaScript prints it');
  assert.equal(lexer.next(), 7 /* T_COMMA */);
  assert.equal(lexer.next(), T_NUMBER);
  assert.equal(lexer.value, 0.001);
});

test('readNumberRun stops at the limit and before a malformed number', () => {
  const lexer = new Lexer('1, 2, 3, 4');
  lexer.next();
  const values = new Float64Array(4);
  assert.equal(lexer.readNumberRun(values, new Int32Array(4), new Int32Array(4), 0, 2), 2);
  assert.deepEqual(Array.from(values.subarray(0, 2)), [2, 3]);
  const bad = new Lexer('1, 2f');
  bad.next();
  assert.equal(bad.readNumberRun(values, new Int32Array(4), new Int32Array(4), 0, 4), 0);
  assert.equal(bad.next(), 7 /* T_COMMA */);
  assert.equal(bad.next(), T_BAD_NUMBER);
});
