import QRCode from 'qrcode';

/**
 * An inline SVG QR code of `url` (error correction M: survives a creased poster). In core so
 * that every module printing a link (survey posters, service leaflets) draws the same code.
 */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
