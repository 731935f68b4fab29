/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatNumber, formatNumberTex, oneMinusDecimal, typedDecimal } from '../../../src/core/derivation/format';

test('computed numbers get six significant digits by default, trailing zeros kept', () => {
  // -ln(0.8), -ln(0.7), and -log10(0.8) from the reference table.
  assert.equal(formatNumber(0.22314355131420976), '0.223144');
  assert.equal(formatNumber(0.35667494393873245), '0.356675');
  assert.equal(formatNumber(0.09691001300805639), '0.0969100');
  assert.equal(formatNumber(0.22314355131420976, 3), '0.223');
  assert.equal(formatNumber(0.9 + 0.05), '0.95', 'float noise does not show as 0.950000');
  assert.equal(formatNumber(0.3 / 3), '0.1');
  assert.equal(formatNumber(Math.fround(0.95)), '0.950000', 'a float32 0.95 is not 0.95');
});

test('whole numbers stay whole, and extremes are readable', () => {
  assert.equal(formatNumber(100), '100');
  assert.equal(formatNumber(-0), '0');
  assert.equal(formatNumber(-Infinity), '−∞');
  assert.equal(formatNumber(1e-7), '1e-7');
  assert.equal(formatNumber(1.5e-7), '1.5e-7');
  assert.equal(formatNumber(1.23456789e-7), '1.23457e-7');
  assert.equal(formatNumberTex(1.5e-7), '1.5 \\times 10^{-7}');
  assert.equal(formatNumberTex(-Infinity), '-\\infty');
  assert.equal(formatNumberTex(1234567.5), '1.23457 \\times 10^{6}');
});

test('typed numbers keep the digits the user wrote', () => {
  assert.equal(typedDecimal('0.8', 0.8), '0.8');
  assert.equal(typedDecimal('.5', 0.5), '0.5');
  assert.equal(typedDecimal('+1', 1), '1');
  assert.equal(typedDecimal('1.', 1), '1');
  assert.equal(typedDecimal('0.80', 0.8), '0.80');
  assert.equal(typedDecimal('-0', -0), '0');
  assert.equal(typedDecimal('1e-3', 0.001), null);
  assert.equal(typedDecimal('0.3', 0.25), null, 'text that does not mean the value is not reused');
  assert.equal(typedDecimal('.', 0), null);
});

test('one minus a typed decimal is exact', () => {
  assert.equal(oneMinusDecimal('0.3'), '0.7');
  assert.equal(oneMinusDecimal('0.8'), '0.2');
  assert.equal(oneMinusDecimal('1'), '0');
  assert.equal(oneMinusDecimal('0'), '1');
  assert.equal(oneMinusDecimal('0.999'), '0.001');
  assert.equal(oneMinusDecimal('1.5'), '-0.5');
  assert.equal(oneMinusDecimal('-2'), '3');
  assert.equal(oneMinusDecimal('1e-3'), null);
});
