import { sniffMetaCharset } from './extract-html-page.js';

// The WHATWG labels that Thai sites use; TextDecoder maps them all to windows-874.
const THAI_LABELS = new Set([
  'tis-620',
  'tis620',
  'iso-8859-11',
  'windows-874',
  'x-windows-874',
  'dos-874',
  'cp874',
]);

function decoderFor(label: string): TextDecoder | null {
  const name = THAI_LABELS.has(label) ? 'windows-874' : label;
  try {
    return new TextDecoder(name);
  } catch {
    return null;
  }
}

/**
 * Decodes an HTML body: the HTTP charset first, then a `<meta>` charset, then UTF-8 if the bytes
 * are valid UTF-8, else windows-874. That last guess is right for Thai sites: a TIS-620 page
 * is almost never valid UTF-8, and windows-874 is a superset of TIS-620.
 */
export function decodePageBody(bytes: Uint8Array, contentType: string | null): string {
  const headerCharset = /charset\s*=\s*["']?([\w-]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  for (const label of [headerCharset, sniffMetaCharset(head)]) {
    if (!label) continue;
    const decoder = decoderFor(label);
    if (decoder) return decoder.decode(bytes);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-874').decode(bytes);
  }
}
