import { createHash, randomBytes } from 'node:crypto';

// Crockford's base32: no I, L, O or U, so a receipt read aloud or copied by hand survives.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A new receipt: 160 random bits as 32 characters in groups of four. Shown once to the
 * complainant; only its SHA-256 is stored (a fast hash is enough: 2^160 cannot be guessed).
 */
export function newReceipt(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join('-');
}

/** A receipt as typed: case, spaces and dashes ignored; O read as 0, I and L as 1. */
export function normaliseReceipt(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** What is stored and looked up: SHA-256 of the normalised receipt. */
export function hashReceipt(typed: string): string {
  return createHash('sha256').update(normaliseReceipt(typed)).digest('hex');
}

/** Whether the text could be a receipt at all (32 alphabet characters). */
export function isReceiptShaped(typed: string): boolean {
  const n = normaliseReceipt(typed);
  return n.length === 32 && [...n].every((ch) => ALPHABET.includes(ch));
}
