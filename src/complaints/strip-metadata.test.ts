import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PDFDocument } from 'pdf-lib';
import { stripMetadata } from './strip-metadata.js';
import { AppError } from '../core/errors.js';
import {
  jpegWithMetadata,
  METADATA_MARKER,
  pdfWithMetadata,
} from '../../test/helpers/complaint-files.js';

const has = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text));

describe('stripMetadata', () => {
  it('removes EXIF, XMP, comments and trailers from a JPEG and keeps the image data', async () => {
    const jpeg = jpegWithMetadata(1024);
    assert.ok(has(jpeg, METADATA_MARKER));
    const out = await stripMetadata('jpg', jpeg);
    assert.equal(has(out, METADATA_MARKER), false);
    assert.equal(has(out, 'Exif'), false);
    // JFIF kept, the scan kept byte for byte, the file still ends at EOI.
    assert.ok(has(out, 'JFIF'));
    assert.ok(
      Buffer.from(out).includes(
        jpeg.subarray(
          jpeg.indexOf(Buffer.from([0xff, 0xda])),
          jpeg.indexOf(Buffer.from([0xff, 0xd9])),
        ),
      ),
    );
    assert.deepEqual([...out.subarray(-2)], [0xff, 0xd9]);
  });

  it('removes the author, title and creator of a PDF that still opens', async () => {
    const pdf = await pdfWithMetadata();
    assert.equal((await PDFDocument.load(pdf)).getAuthor(), METADATA_MARKER);
    assert.ok(has(pdf, '/Author'));
    const out = await stripMetadata('pdf', pdf);
    for (const key of ['/Author', '/Title', '/Creator', '/Metadata'])
      assert.equal(has(out, key), false, key);
    const reopened = await PDFDocument.load(out, { updateMetadata: false });
    assert.equal(reopened.getPageCount(), 1);
    assert.equal(reopened.getAuthor(), undefined);
  });

  it('refuses a truncated JPEG and a damaged PDF with a Thai-message validation error', async () => {
    const jpeg = jpegWithMetadata();
    await assert.rejects(
      stripMetadata('jpg', jpeg.subarray(0, 40)),
      (e: unknown) => e instanceof AppError && e.code === 'VALIDATION',
    );
    await assert.rejects(
      stripMetadata('pdf', Buffer.from('%PDF-1.7\nnot really')),
      (e: unknown) => e instanceof AppError && e.code === 'VALIDATION',
    );
  });
});
