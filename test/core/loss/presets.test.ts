// The preset metadata states the frameworks' facts from loss-semantics.md.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PRESETS } from '../../../src/core/loss/index';

describe('PRESETS', () => {
  it('has every preset, keyed by its own id', () => {
    assert.deepEqual(Object.keys(PRESETS).sort(), ['exact', 'keras', 'pytorch', 'pytorch-logits', 'sklearn', 'tf-keras', 'tfjs']);
    for (const [id, info] of Object.entries(PRESETS)) assert.equal(info.id, id);
  });

  it('names the framework calls', () => {
    assert.equal(PRESETS.pytorch.call, 'torch.nn.BCELoss');
    assert.equal(PRESETS.pytorch.logitsCall, 'torch.nn.BCEWithLogitsLoss');
    assert.equal(PRESETS['pytorch-logits'].call, 'torch.nn.BCEWithLogitsLoss');
    assert.equal(PRESETS.sklearn.call, 'sklearn.metrics.log_loss');
    assert.equal(PRESETS.tfjs.call, 'tf.metrics.binaryCrossentropy');
  });

  it('states the safeguard numbers', () => {
    assert.equal(PRESETS.pytorch.logFloor, -100);
    assert.equal(PRESETS.keras.epsilon?.float64, 1e-7);
    assert.equal(PRESETS['tf-keras'].epsilon?.float64, 1e-7);
    assert.equal(PRESETS.tfjs.epsilon?.float32, Math.fround(1e-7));
    assert.equal(PRESETS.sklearn.epsilon?.float64, 2.220446049250313e-16);
    assert.equal(PRESETS.sklearn.epsilon?.float32, 1.1920928955078125e-7);
    assert.equal(PRESETS.exact.epsilon, null);
    assert.equal(PRESETS.exact.logFloor, null);
  });

  it('gives each framework its default dtype and says who has pos_weight', () => {
    assert.equal(PRESETS.keras.defaultDtype, 'float32');
    assert.equal(PRESETS.tfjs.defaultDtype, 'float32');
    assert.equal(PRESETS.sklearn.defaultDtype, 'float64');
    assert.deepEqual(
      Object.values(PRESETS).filter((p) => p.posWeight).map((p) => p.id),
      ['pytorch', 'pytorch-logits', 'exact'],
    );
  });

  it('has one plain sentence for the safeguard and for the averaging', () => {
    for (const info of Object.values(PRESETS)) {
      for (const sentence of [info.safeguard, info.averaging]) {
        assert.match(sentence, /^[A-Z].*\.$/, `${info.id}: ${sentence}`);
      }
    }
  });
});
