import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { instanceSecret, useInstanceSecrets } from './instance-secret.js';

void describe('instanceSecret', () => {
  void it('creates 32 random bytes once, private to the owner, and reads the same after', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'secrets-'));
    useInstanceSecrets(dataDir);
    const first = instanceSecret('test-key');
    assert.equal(first.byteLength, 32);
    const file = path.join(dataDir, 'secrets', 'test-key');
    assert.deepEqual(readFileSync(file), first);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.notDeepEqual(instanceSecret('other-key'), first);
    // Another process sharing the data folder reads the same key.
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `import { instanceSecret, useInstanceSecrets } from ${JSON.stringify(
          path.resolve(import.meta.dirname, 'instance-secret.ts'),
        )};
        useInstanceSecrets(${JSON.stringify(dataDir)});
        process.stdout.write(instanceSecret('test-key').toString('hex'));`,
      ],
      { encoding: 'utf8' },
    );
    assert.equal(child.stdout, first.toString('hex'), child.stderr);
    assert.throws(() => instanceSecret('../escape'));
  });
});
