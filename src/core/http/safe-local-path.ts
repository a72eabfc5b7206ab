// Characters a browser strips from or rewrites in a URL before resolving it (tab, CR, LF and
// the other C0 controls, DEL) or reads as a slash (backslash): `/\t/evil.example` and
// `/\evil.example` both become `//evil.example`, a link to another site.
// eslint-disable-next-line no-control-regex
const REWRITTEN_BY_BROWSERS = /[\u0000-\u001F\u007F\\]/;

/**
 * The same-site path to redirect to after ?next= or ?back=, or `fallback`. The value must be
 * an absolute path that `new URL()` resolves against the site's own origin to that origin,
 * and the answer is the path as resolved, so the Location header says exactly what the
 * browser will follow: `/.//evil.example` would resolve to `//evil.example`, a protocol-relative
 * link, and is refused too. Never throws (a CR/LF once made the header itself fail: a 500).
 *
 * @example
 * safeLocalPath('/staff/measures?x=1', '/') // '/staff/measures?x=1'
 * safeLocalPath('/\t/evil.example', '/')     // '/'
 */
export function safeLocalPath(
  value: string | undefined,
  fallback: string,
  origin = 'http://localhost',
): string {
  if (!value || !value.startsWith('/') || REWRITTEN_BY_BROWSERS.test(value)) return fallback;
  let base: URL;
  let resolved: URL;
  try {
    base = new URL(origin);
    resolved = new URL(value, base);
  } catch {
    return fallback;
  }
  if (resolved.origin !== base.origin) return fallback;
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  if (!path.startsWith('/') || path.startsWith('//')) return fallback;
  return path;
}
