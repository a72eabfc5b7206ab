import { randomInt } from 'node:crypto';

// Crockford's base32 without I, L, O and U: nothing to misread on a phone or over the phone.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 12;

/**
 * A tracking code: 12 symbols of 32 from the system's CSPRNG = 60 bits, shown as
 * XXXX-XXXX-XXXX. Guessing one of a million live codes takes ~10^12 tries; failed look-ups
 * are rate-limited too (track-limiter.ts), so the code alone is enough to follow a request.
 */
export function newTrackingCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** A typed code in canonical form (upper case, O→0, I/L→1, dashes placed), or null if malformed. */
export function normalizeTrackingCode(typed: string): string | null {
  const plain = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (plain.length !== LENGTH || [...plain].some((ch) => !ALPHABET.includes(ch))) return null;
  return `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}`;
}
