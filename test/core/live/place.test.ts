import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { framePath, sameSourceFile } from '../../../src/core/live';

describe('live: is the paused frame in this document', () => {
  it('reads the path out of a remote host URI string, as code-server hands it over', () => {
    // What the live suite saw from debugpy under code-server.
    assert.equal(framePath('vscode-remote://vscode.localhost:38335/tmp/lw-live-W45J0I/workspace/bce_with_logits.py'), '/tmp/lw-live-W45J0I/workspace/bce_with_logits.py');
    assert.equal(framePath('file:///home/me/my%20project/train.py'), '/home/me/my project/train.py');
    assert.equal(framePath('/home/me/train.py'), '/home/me/train.py');
    assert.equal(framePath('C:\\Users\\me\\train.py'), 'C:\\Users\\me\\train.py');
    // A malformed escape is kept as written rather than thrown.
    assert.equal(framePath('file:///a/%E0%A4%A.py'), '/a/%E0%A4%A.py');
  });

  it('compares paths whatever their slashes and case, and only the path of a URI', () => {
    const doc = ['/tmp/w/train.py'];
    assert.equal(sameSourceFile('vscode-remote://host:1/tmp/w/train.py', doc), true);
    assert.equal(sameSourceFile('/tmp/w/train.py', doc), true);
    assert.equal(sameSourceFile('/tmp/w/other.py', doc), false);
    assert.equal(sameSourceFile('vscode-remote://host:1/tmp/w/other.py', doc), false);
    assert.equal(sameSourceFile('c:\\Work\\Train.py', ['C:/work/train.py']), true);
  });
});
