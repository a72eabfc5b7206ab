/**
 * Test files for the complaint centre: a JPEG and a PNG carrying metadata that must be
 * stripped (a GPS position, a camera owner's name), and a PDF with an author.
 */
import { PDFDocument } from 'pdf-lib';

const segment = (marker: number, payload: Buffer) => {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xff00 | marker, 0);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
};

/** A marker text put into every metadata field of the test files. */
export const METADATA_MARKER = 'GPS-13.7563N-100.5018E-OWNER-SOMCHAI';

/**
 * A structurally valid baseline JPEG: JFIF, an EXIF segment, an XMP segment and a comment all
 * holding METADATA_MARKER, then quantisation and Huffman tables, a frame, a scan of
 * `entropyBytes` bytes of image data (no 0xFF, as stuffing would have it) and EOI, followed by
 * a phone maker's trailer that also holds the marker.
 */
export function jpegWithMetadata(entropyBytes = 256): Buffer {
  const jfif = Buffer.from('4a46494600010100000100010000', 'hex');
  const exif = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.from(METADATA_MARKER)]);
  const xmp = Buffer.concat([
    Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'),
    Buffer.from(`<x:xmpmeta>${METADATA_MARKER}</x:xmpmeta>`),
  ]);
  const dqt = Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)]);
  const sof = Buffer.from([8, 0, 8, 0, 8, 1, 1, 0x11, 0]);
  const dht = Buffer.concat([
    Buffer.from([0]),
    Buffer.from([0, 1, ...Array(14).fill(0)]),
    Buffer.from([0]),
  ]);
  const sos = Buffer.from([1, 1, 0, 0, 63, 0]);
  const data = Buffer.alloc(entropyBytes);
  for (let i = 0; i < entropyBytes; i++) data[i] = (i * 7919) % 255; // never 0xFF
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, jfif),
    segment(0xe1, exif),
    segment(0xe1, xmp),
    segment(0xfe, Buffer.from(METADATA_MARKER)),
    segment(0xdb, dqt),
    segment(0xc0, sof),
    segment(0xc4, dht),
    segment(0xda, sos),
    data,
    Buffer.from([0xff, 0xd9]),
    Buffer.from(`TRAILER ${METADATA_MARKER}`),
  ]);
}

/** A PDF whose author, title and XMP name the complainant. */
export async function pdfWithMetadata(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]);
  doc.setAuthor(METADATA_MARKER);
  doc.setTitle(METADATA_MARKER);
  doc.setCreator(METADATA_MARKER);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
