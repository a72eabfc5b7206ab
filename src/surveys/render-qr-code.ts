/** The QR code of survey posters: the one drawn in core/documents (also used by leaflets). */
export { qrSvg } from '../core/documents/qr-code.js';
