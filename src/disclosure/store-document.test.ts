import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { FileTooLargeError, ValidationError } from '../core/errors.js';
import { disclosureDocuments } from './schema.js';
import {
  documentFilePath,
  MAX_UPLOAD_BYTES,
  sanitizeFileName,
  sniffUploadKind,
  storeDocument,
} from './store-document.js';
import { contentDisposition } from './serve-document.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(join(e.parentPath, e.name));
  }
  return out;
}

void describe('storeDocument', () => {
  let t: TestContext;
  let dataDir: string;
  before(async () => {
    t = await createTestContext();
    dataDir = await mkdtemp(join(tmpdir(), 'prongsai-docs-'));
  });
  after(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  void it('sniffs by magic bytes: HTML named .pdf is refused, nothing stored', async () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    await assert.rejects(
      storeDocument(t.ctx, { dataDir, entryId: null, fileName: 'รายงาน.pdf', bytes: html }),
      (e: unknown) => e instanceof ValidationError && e.messageKey === 'disclosure.errors.fileType',
    );
    assert.deepEqual(await listFiles(dataDir).catch(() => []), []);
    assert.equal(sniffUploadKind(PDF), 'pdf');
    assert.equal(sniffUploadKind(PNG), 'png');
    assert.equal(sniffUploadKind(Buffer.from('PK\u0003\u0004 no content types')), null);
  });

  void it('refuses an oversize file before hashing or writing', async () => {
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1);
    PDF.copy(big);
    await assert.rejects(
      storeDocument(t.ctx, { dataDir, entryId: null, fileName: 'big.pdf', bytes: big }),
      (e: unknown) =>
        e instanceof FileTooLargeError &&
        e.status === 413 &&
        e.messageKey === 'disclosure.errors.fileTooLarge',
    );
    assert.deepEqual(await listFiles(dataDir).catch(() => []), []);
  });

  void it('stores content-addressed, dedups identical content, sanitises the name', async () => {
    const a = await storeDocument(t.ctx, {
      dataDir,
      entryId: null,
      fileName: '../../etc/แผน<ปี>2566.exe',
      bytes: PDF,
    });
    const b = await storeDocument(t.ctx, {
      dataDir,
      entryId: null,
      fileName: 'copy.pdf',
      bytes: PDF,
    });
    assert.equal(a.sha256, b.sha256);
    assert.notEqual(a.id, b.id);
    assert.equal(a.fileName, 'แผน_ปี_2566.pdf');
    assert.equal(a.mediaType, 'application/pdf');
    const files = await listFiles(dataDir);
    assert.deepEqual(files, [documentFilePath(dataDir, a.sha256)]);
    assert.deepEqual(await readFile(files[0]!), PDF);
    assert.match(files[0]!, new RegExp(`files/${a.sha256.slice(0, 2)}/${a.sha256.slice(2, 4)}/`));
  });

  void it('leaves nothing half-stored when the database write fails', async () => {
    const png = Buffer.concat([PNG, Buffer.from('unique-bytes-for-this-test')]);
    const before = await listFiles(dataDir);
    // A context for an agency that does not exist: the insert violates the foreign key.
    const broken = { ...t.ctx, agencyId: '00000000-0000-4000-8000-000000000001' };
    await assert.rejects(
      storeDocument(broken, { dataDir, entryId: null, fileName: 'x.png', bytes: png }),
    );
    assert.deepEqual(await listFiles(dataDir), before);
    const rows = await t.database.db
      .select()
      .from(disclosureDocuments)
      .where(eq(disclosureDocuments.agencyId, broken.agencyId));
    assert.equal(rows.length, 0);
  });

  void it('builds an RFC 5987 Content-Disposition for Thai names', () => {
    const header = contentDisposition('แผน "ปี" 2566.pdf', 'attachment');
    assert.match(header, /^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    assert.ok(!header.slice(0, header.indexOf('filename*')).includes('"ปี"'));
    assert.ok(header.includes(encodeURIComponent('แผน')));
    assert.equal(sanitizeFileName('a\u0000b\u200b.docx', 'docx'), 'ab.docx');
  });
});
