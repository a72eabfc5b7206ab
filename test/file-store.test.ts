import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { createTestContext, testConfig, type TestContext } from './helpers/test-context.js';
import { openAppDatabase } from '../src/app.js';
import { listUnits } from '../src/core/agencies/units.js';
import {
  hasStoredFile,
  moveLegacyBlobs,
  removeStaleTempFiles,
  sha256Of,
  storedFilePath,
  storeFile,
} from '../src/core/files/index.js';
import { STALE_TEMP_MS } from '../src/core/files/store-file.js';
import { storeDocument } from '../src/disclosure/store-document.js';
import { createMeasure } from '../src/measures/create-measure.js';
import { recordProgress } from '../src/measures/record-progress.js';
import { actions, evidenceFiles } from '../src/measures/schema.js';

const PDF = new TextEncoder().encode('%PDF-1.4\n% คำสั่งแต่งตั้งคณะทำงาน ITA 2567\n%%EOF\n');

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

void describe('one file store for disclosure documents and measures evidence', () => {
  let t: TestContext;
  let dataDir: string;
  let actionId: string;
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'prongsai-store-'));
    t = await createTestContext({ dataDir });
    const unitId = (await listUnits(t.ctx.db, t.ctx.agencyId))[0]!.id;
    await createMeasure(t.ctx, { fiscalYear: 2567, title: 'มาตรการเปิดเผยข้อมูล' }, [
      { stepText: 'ประกาศคำสั่ง', unitId, startDate: '2023-10-01', dueDate: '2024-03-31' },
    ]);
    const [action] = await t.database.db
      .select()
      .from(actions)
      .where(eq(actions.agencyId, t.ctx.agencyId));
    actionId = action!.id;
  });
  after(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function evidenceIdOf(updateId: string): Promise<string> {
    const [file] = await t.database.db
      .select()
      .from(evidenceFiles)
      .where(eq(evidenceFiles.progressUpdateId, updateId));
    return file!.id;
  }

  void it('stores the same bytes once when both modules store them, and both serve them', async () => {
    const doc = await storeDocument(t.ctx, {
      dataDir,
      entryId: null,
      fileName: 'คำสั่ง.pdf',
      bytes: PDF,
    });
    const update = await recordProgress(
      t.ctx,
      actionId,
      { text: 'แต่งตั้งคณะทำงานแล้ว', percent: 50 },
      [{ fileName: 'คำสั่ง.pdf', bytes: PDF }],
      { dataDir },
    );
    const sha = sha256Of(PDF);
    assert.equal(doc.sha256, sha);
    assert.deepEqual(await listFiles(dataDir), [
      path.join('files', sha.slice(0, 2), sha.slice(2, 4), sha),
    ]);
    const admin = await t.loginAs('agency_admin');
    for (const url of [
      `/staff/disclosure/documents/${doc.id}`,
      `/staff/measures/evidence/${await evidenceIdOf(update.id)}`,
    ]) {
      const res = await t.get(url, admin);
      assert.equal(res.status, 200, url);
      assert.deepEqual(new Uint8Array(await res.arrayBuffer()), PDF);
      assert.equal(res.headers.get('content-type'), 'application/pdf');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('cache-control'), 'private, no-store');
      assert.match(res.headers.get('content-disposition') ?? '', /filename\*=UTF-8''/);
      assert.equal(res.headers.get('etag'), `"${sha}"`);
    }
  });

  void it('moves evidence from the old blobs/ layout, twice safely, and serves it', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.4\n% รายงานผลการดำเนินงาน\n%%EOF\n');
    const update = await recordProgress(
      t.ctx,
      actionId,
      { text: 'รายงานผลแล้ว', percent: 80 },
      [{ fileName: 'รายงาน.pdf', bytes }],
      { dataDir },
    );
    const sha = sha256Of(bytes);
    // An install from before the one store: the evidence sits at blobs/ab/<sha> only.
    const oldPath = path.join(dataDir, 'blobs', sha.slice(0, 2), sha);
    await mkdir(path.dirname(oldPath), { recursive: true });
    await rename(storedFilePath(dataDir, sha), oldPath);
    // A move interrupted after its rename: the bytes under both names (old removed next run).
    const twin = sha256Of(PDF);
    const twinOld = path.join(dataDir, 'blobs', twin.slice(0, 2), twin);
    await mkdir(path.dirname(twinOld), { recursive: true });
    await writeFile(twinOld, PDF);
    // The old writer's unfinished temporary file, and bytes cut short by a crash.
    await writeFile(`${oldPath}.123.456.tmp`, bytes.subarray(0, 3));
    const damaged = path.join(dataDir, 'blobs', 'ee', 'e'.repeat(64));
    await mkdir(path.dirname(damaged), { recursive: true });
    await writeFile(damaged, 'truncated');

    const admin = await t.loginAs('agency_admin');
    const url = `/staff/measures/evidence/${await evidenceIdOf(update.id)}`;
    assert.equal((await t.get(url, admin)).status, 404);

    const first = await moveLegacyBlobs(dataDir);
    assert.deepEqual(first, { moved: 1, alreadyStored: 1, damaged: [damaged] });
    const second = await moveLegacyBlobs(dataDir);
    assert.deepEqual(second, { moved: 0, alreadyStored: 0, damaged: [damaged] });
    assert.equal(await stat(oldPath).catch(() => null), null);
    assert.deepEqual(await listFiles(path.join(dataDir, 'blobs')), [
      path.join('ee', 'e'.repeat(64)),
    ]);

    const res = await t.get(url, admin);
    assert.equal(res.status, 200);
    assert.deepEqual(new Uint8Array(await res.arrayBuffer()), bytes);
    await rm(damaged);
    assert.deepEqual(await moveLegacyBlobs(dataDir), { moved: 0, alreadyStored: 0, damaged: [] });
    assert.equal(await stat(path.join(dataDir, 'blobs')).catch(() => null), null);
  });
});

void describe('temporary files left by a crash', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'prongsai-tmp-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  void it('are removed at start; a write still in flight is left alone', async () => {
    const tempDir = path.join(dataDir, 'files', 'tmp');
    await mkdir(tempDir, { recursive: true });
    const crashed = path.join(tempDir, 'aaaaaaaaaaaaaaaaaaaaaaaa.tmp');
    const inFlight = path.join(tempDir, 'bbbbbbbbbbbbbbbbbbbbbbbb.tmp');
    await writeFile(crashed, 'half of a scanned order');
    await writeFile(inFlight, 'being written right now');
    const old = new Date(Date.now() - STALE_TEMP_MS - 5_000);
    await utimes(crashed, old, old);
    const stored = await storeFile(dataDir, new TextEncoder().encode('kept'));

    // What `prongsai serve` and `prongsai migrate` do first.
    const database = await openAppDatabase(
      testConfig({ dataDir: path.join(dataDir), seedDemo: false }),
    );
    await database.close();

    const left = await readdir(tempDir);
    assert.deepEqual(left, ['bbbbbbbbbbbbbbbbbbbbbbbb.tmp']);
    assert.equal(await hasStoredFile(dataDir, stored.sha256), true);
    assert.equal(await removeStaleTempFiles(dataDir, Date.now() + STALE_TEMP_MS + 1), 1);
    assert.deepEqual(await readdir(tempDir), []);
  });
});
