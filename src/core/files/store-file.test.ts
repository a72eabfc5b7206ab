import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hasStoredFile, sha256Of, storedFilePath, storeFile } from './index.js';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

void describe('storeFile', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'prongsai-files-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  void it('stores bytes at files/ab/cd/<sha256>, once, however often they are stored', async () => {
    const bytes = new TextEncoder().encode('ประกาศเจตนารมณ์ 2566');
    const first = await storeFile(dataDir, bytes);
    const again = await storeFile(dataDir, bytes);
    const [a, b] = await Promise.all([storeFile(dataDir, bytes), storeFile(dataDir, bytes)]);
    assert.equal(first.sha256, sha256Of(bytes));
    assert.equal(first.isNew, true);
    assert.equal(again.isNew, false);
    assert.deepEqual([a.sha256, b.sha256], [first.sha256, first.sha256]);
    const s = first.sha256;
    assert.deepEqual(await listFiles(dataDir), [
      path.join(dataDir, 'files', s.slice(0, 2), s.slice(2, 4), s),
    ]);
    assert.deepEqual(await readFile(storedFilePath(dataDir, s)), Buffer.from(bytes));
    assert.equal(await hasStoredFile(dataDir, s), true);
  });

  void it('hashes a stream while writing it and stores the same file as for bytes', async () => {
    const parts = ['แผน', 'ปฏิบัติการ', ' 2567'].map((p) => new TextEncoder().encode(p));
    async function* stream() {
      yield* parts;
    }
    const whole = Buffer.concat(parts);
    const stored = await storeFile(dataDir, stream());
    assert.equal(stored.sha256, sha256Of(whole));
    assert.equal(stored.sizeBytes, whole.byteLength);
    assert.equal((await storeFile(dataDir, whole)).isNew, false);
  });

  void it('leaves no partial file when the write fails midway', async () => {
    const before = await listFiles(dataDir);
    async function* failing() {
      yield new TextEncoder().encode('half of a scanned order');
      throw new Error('client went away');
    }
    await assert.rejects(storeFile(dataDir, failing()), /client went away/);
    assert.deepEqual(await listFiles(dataDir), before);
  });

  void it('rewrites a stored file that a crash had cut short', async () => {
    const bytes = new TextEncoder().encode('a complete evidence file');
    const target = storedFilePath(dataDir, sha256Of(bytes));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, bytes.subarray(0, 5));
    assert.equal((await storeFile(dataDir, bytes)).isNew, true);
    assert.deepEqual(await readFile(target), Buffer.from(bytes));
  });

  void it('builds no path from anything but 64 lowercase hex digits', async () => {
    for (const bad of ['../../etc/passwd', 'a'.repeat(63), 'A'.repeat(64), `${'a'.repeat(64)}/x`]) {
      assert.throws(() => storedFilePath(dataDir, bad), /not a SHA-256/);
      assert.equal(await hasStoredFile(dataDir, bad), false);
    }
    assert.equal(await hasStoredFile(dataDir, 'f'.repeat(64)), false);
  });
});
