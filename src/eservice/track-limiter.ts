import { createHmac, randomBytes } from 'node:crypto';
import { RateLimitedError } from '../core/errors.js';

// Failed tracking-code look-ups are limited per visitor so codes cannot be guessed by brute
// force, without storing who looked: the address is keyed through an HMAC with a secret made
// at start and kept only in memory, and the counts live in memory for one window.

const WINDOW_MS = 10 * 60_000;
/** Misses allowed per address per window: a person mistyping a code never needs more. */
export const MAX_FAILED_LOOKUPS = 20;
const secret = randomBytes(32);
let windowStart = Date.now();
let misses = new Map<string, number>();

const keyOf = (address: string) => createHmac('sha256', secret).update(address).digest('base64url');

function rollWindow(now: number) {
  if (now - windowStart >= WINDOW_MS) {
    windowStart = now;
    misses = new Map();
  }
}

/** Throws RATE_LIMITED when this address has missed too often in the current window. */
export function checkTrackLimit(address: string, now = Date.now()): void {
  rollWindow(now);
  if ((misses.get(keyOf(address)) ?? 0) >= MAX_FAILED_LOOKUPS) throw new RateLimitedError();
}

/** Counts a miss (an unknown or malformed code). */
export function recordTrackMiss(address: string, now = Date.now()): void {
  rollWindow(now);
  const key = keyOf(address);
  misses.set(key, (misses.get(key) ?? 0) + 1);
}
