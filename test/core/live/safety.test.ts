/// <reference types="node" />
// isSideEffectFree: only reads are evaluated without asking.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isSideEffectFree } from '../../../src/core/live';

test('names, attribute chains and literal subscripts are reads', () => {
  for (const e of ['outputs', 'self.criterion.pos_weight', 'batch["y"]', "batch['y'][0]", 'x[0]', 'x[-1]', 'x[:, 0]', 'x[1:3]', 'x[::2]', 'x[0, 1]', 'x[...]', 'a . b']) {
    assert.equal(isSideEffectFree(e, 'python'), true, e);
  }
  for (const e of ['yPred', 'this.labels', 'data[0]', 'batch["y"]', '$x._y']) assert.equal(isSideEffectFree(e, 'javascript'), true, e);
});

test('calls, operators, assignments, comprehensions and variable indices need confirmation', () => {
  for (const e of ['model(x)', 'x.sigmoid()', 'x + 1', 'x[i]', 'x[f()]', 'x := 1', '[v for v in x]', 'lambda: 0', 'not x', 'x if y else z', '', 'a.b.c()', 'x[0](1)', '__import__("os")', 'await x', 'x; y']) {
    assert.equal(isSideEffectFree(e, 'python'), false, e);
  }
  for (const e of ['f()', 'x[i]', 'new Foo', 'x = 1', 'x++', 'delete x.y', 'x?.y()', '(x)', 'await x', 'x[0:2]']) assert.equal(isSideEffectFree(e, 'javascript'), false, e);
});

test('an expression holding a call bracket or an operator outside a string is never judged safe', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 20 }), fc.constantFrom('(', '+', '=', '*', '/', '@', '%', '~', ';', '|', '&', '<', '>', '!'), fc.string({ maxLength: 20 }), (a, op, b) => {
      // A string literal may hold these characters harmlessly; outside one they are never a read.
      fc.pre(!/['"]/.test(a + b));
      assert.equal(isSideEffectFree(`x${a}${op}${b}`, 'python'), false);
      assert.equal(isSideEffectFree(`x${a}${op}${b}`, 'javascript'), false);
    }),
  );
});
