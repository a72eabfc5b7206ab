/**
 * The surveys module's public API: the ONLY import path for other modules.
 */
/** The installation-wide, keyed-hash rate limit without personal data (complaints reuse it). */
export { abuseControl } from './abuse-control.js';
