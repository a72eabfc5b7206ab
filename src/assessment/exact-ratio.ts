/**
 * Exact non-float arithmetic for scores. Published ITA scores are rounded once, at the end
 * (the seed's 99.4998 → 99.50); a float sum such as 0.3·99.706 + … can land on either side
 * of a .xx5 boundary, so every intermediate value is a ratio of bigints.
 */
export interface Ratio {
  /** Numerator; carries the sign. */
  readonly num: bigint;
  /** Denominator; always positive, and coprime with the numerator (see `ratio`). */
  readonly den: bigint;
}

/** Greatest common divisor (Euclid), of |a| and a positive b. */
function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/**
 * The one constructor: reduced to lowest terms with a positive denominator, so that equal
 * values have equal fields and the bigints stay small across a whole framework's means (a
 * total over ten indicators and 140 questions could otherwise grow a denominator of hundreds
 * of digits).
 */
function ratio(num: bigint, den: bigint): Ratio {
  if (den === 0n) throw new RangeError('division by zero');
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den < 0n ? -den : den) || 1n;
  return { num: (sign * num) / g, den: (sign * den) / g };
}

export const ZERO: Ratio = { num: 0n, den: 1n };

/** The exact value of a decimal as written (`String(0.3)` is "0.3", so 0.3 → 3/10). */
export function ratioOf(value: number): Ratio {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(String(value));
  if (!match) throw new RangeError(`cannot read ${value} as a decimal`);
  const [, sign = '', whole = '0', fraction = '', exponent = '0'] = match;
  const shift = Number(exponent) - fraction.length;
  let num = BigInt(`${sign}${whole}${fraction}`);
  let den = 1n;
  if (shift >= 0) num *= 10n ** BigInt(shift);
  else den = 10n ** BigInt(-shift);
  return ratio(num, den);
}

/** a + b, exactly. */
export function add(a: Ratio, b: Ratio): Ratio {
  return ratio(a.num * b.den + b.num * a.den, a.den * b.den);
}

/** a · b, exactly (a tool's weight times its score). */
export function multiply(a: Ratio, b: Ratio): Ratio {
  return ratio(a.num * b.num, a.den * b.den);
}

/** Arithmetic mean; throws on an empty list because a mean of nothing is a data error here. */
export function mean(values: readonly Ratio[]): Ratio {
  if (values.length === 0) throw new RangeError('mean of an empty list');
  const sum = values.reduce(add, ZERO);
  return ratio(sum.num, sum.den * BigInt(values.length));
}

/** Sign of a − b, by cross-multiplying (both denominators are positive). */
export function compare(a: Ratio, b: Ratio): -1 | 0 | 1 {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Rounds half away from zero to `places` decimals, exactly, and returns a JS number. Half-up
 * because the published results fit it (the seed's 99.4998 → 99.50; rule `round-at-end`,
 * ita-framework.md §5); banker's rounding and a float `toFixed` can both disagree on a
 * .xx5 value. The returned number is the nearest double to the rounded decimal, which prints
 * back as that decimal.
 */
export function roundHalfUp(value: Ratio, places = 2): number {
  const scale = 10n ** BigInt(places);
  const negative = value.num < 0n;
  const magnitude = negative ? -value.num : value.num;
  // floor(x·scale + ½) in integers: (2·num·scale + den) / (2·den), truncated.
  const scaled = (2n * magnitude * scale + value.den) / (2n * value.den);
  return Number(negative ? -scaled : scaled) / Number(scale);
}

/** Exact value as text with `places` decimals truncated, for debugging and reports. */
export function toFixedExact(value: Ratio, places = 6): string {
  const scale = 10n ** BigInt(places);
  const scaled = (value.num * scale) / value.den;
  const text = (scaled < 0n ? -scaled : scaled).toString().padStart(places + 1, '0');
  return `${scaled < 0n ? '-' : ''}${text.slice(0, -places)}.${text.slice(-places)}`;
}
