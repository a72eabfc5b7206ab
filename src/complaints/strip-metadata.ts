/**
 * Removes what a complainant's file says about its author before it is stored: EXIF (camera,
 * GPS position, time), XMP, IPTC and comments of a JPEG; text and time chunks of a PNG; the
 * document information (author, creator, dates) and XMP metadata of a PDF.
 *
 * JPEG and PNG are rewritten segment by segment, keeping the image data byte for byte (no
 * re-encoding: no quality loss, and a 5 MB photo takes milliseconds, see docs/benchmarks.md).
 * PDF goes through pdf-lib, which rewrites the file from its object graph.
 */
import { PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { ValidationError } from '../core/errors.js';
import type { UploadKind } from '../core/files/index.js';

/** JPEG: keep JFIF (APP0) and the colour profile (APP2 ICC_PROFILE); drop APP1-15 and COM. */
function stripJpeg(bytes: Uint8Array): Uint8Array {
  const out: Uint8Array[] = [bytes.subarray(0, 2)];
  let i = 2;
  const bad = () => new ValidationError('complaints.errors.brokenImage');
  while (i < bytes.length) {
    if (bytes[i] !== 0xff) throw bad();
    const marker = bytes[i + 1]!;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) {
      out.push(bytes.subarray(i, i + 2)); // EOI: anything after it (phone trailers) is dropped
      return concat(out);
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      out.push(bytes.subarray(i, i + 2));
      i += 2;
      continue;
    }
    if (i + 4 > bytes.length) throw bad();
    const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    const end = i + 2 + length;
    if (length < 2 || end > bytes.length) throw bad();
    const isIcc =
      marker === 0xe2 &&
      Buffer.from(bytes.subarray(i + 4, i + 15)).toString('latin1') === 'ICC_PROFILE';
    const drop = (marker >= 0xe1 && marker <= 0xef && !isIcc) || marker === 0xfe;
    if (!drop) out.push(bytes.subarray(i, end));
    i = end;
    if (marker === 0xda) {
      // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart.
      let j = i;
      while (j < bytes.length - 1) {
        if (bytes[j] === 0xff) {
          const next = bytes[j + 1]!;
          if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7)) break;
        }
        j++;
      }
      out.push(bytes.subarray(i, j));
      i = j;
    }
  }
  throw bad();
}

const PNG_DROPPED = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

/** PNG: drop text, EXIF and time chunks, and anything after IEND. */
function stripPng(bytes: Uint8Array): Uint8Array {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Uint8Array[] = [bytes.subarray(0, 8)];
  let i = 8;
  while (i + 12 <= bytes.length) {
    const length = view.readUInt32BE(i);
    const type = view.toString('latin1', i + 4, i + 8);
    const end = i + 12 + length;
    if (end > bytes.length) break;
    if (!PNG_DROPPED.has(type)) out.push(bytes.subarray(i, end));
    i = end;
    if (type === 'IEND') return concat(out);
  }
  throw new ValidationError('complaints.errors.brokenImage');
}

/** PDF: drop the Info dictionary and the XMP metadata stream of the catalogue. */
async function stripPdf(bytes: Uint8Array): Promise<Uint8Array> {
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const info = doc.context.trailerInfo.Info;
    if (info instanceof PDFRef) doc.context.delete(info);
    doc.context.trailerInfo.Info = undefined;
    const metadata = doc.catalog.get(PDFName.of('Metadata'));
    if (metadata instanceof PDFRef) doc.context.delete(metadata);
    doc.catalog.delete(PDFName.of('Metadata'));
    for (const page of doc.getPages()) page.node.delete(PDFName.of('Metadata'));
    return await doc.save({ useObjectStreams: false, updateFieldAppearances: false });
  } catch {
    // Encrypted or damaged: its metadata cannot be removed, so it is not taken.
    throw new ValidationError('complaints.errors.brokenPdf');
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  return Buffer.concat(parts);
}

/** The file without its metadata; refuses a file whose structure cannot be walked. */
export async function stripMetadata(kind: UploadKind, bytes: Uint8Array): Promise<Uint8Array> {
  if (kind === 'jpg') return stripJpeg(bytes);
  if (kind === 'png') return stripPng(bytes);
  if (kind === 'pdf') return stripPdf(bytes);
  throw new ValidationError('complaints.errors.fileType');
}
