import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { jsx, type Child } from 'hono/jsx';
import type { AppEnv } from './env.js';
import { TtlCache } from '../cache/ttl-cache.js';

declare module 'hono' {
  interface ContextRenderer {
    (content: Child): Response;
  }
}

let rendering: Context<AppEnv> | null = null;

/**
 * Makes `c.render(<Page/>)` answer with the page as HTML: a complete document as one string.
 *
 * hono/jsx-renderer did this before. It handed the Node adapter a `String` object rather than
 * a string, so every header set after the handler (request id, security headers, no-store)
 * rebuilt the response as a full undici Response with a stream body: a tenth of a survey
 * POST's CPU at closing-day load. A plain string keeps the adapter on its light path.
 */
export const pageRenderer = createMiddleware<AppEnv>(async (c, next) => {
  c.setRenderer(((content: unknown) => c.html(renderPage(c, content))) as never);
  await next();
});

/**
 * Renders a JSX tree to a document, with `c` available to its components through
 * useRequestContext(). Rendering is synchronous (the app has no async components), so the
 * context is simply the one being rendered right now: nothing can read it after the render
 * returns, and a component that tried to (an async one) gets an error, never another
 * request's context.
 */
export function renderPage(c: Context<AppEnv>, content: unknown): string {
  const previous = rendering;
  rendering = c;
  try {
    return `<!DOCTYPE html>${renderSynchronously(content)}`;
  } finally {
    rendering = previous;
  }
}

interface JsxNode {
  toString(): string | Promise<string>;
}

function renderSynchronously(content: unknown): string {
  const html =
    typeof content === 'object' && content !== null ? (content as JsxNode).toString() : content;
  if (typeof html === 'string') return html;
  // An async component. Its continuation would fail on its own later (no request to read by
  // then): keep that from becoming an unhandled rejection, which would stop the process.
  if (html instanceof Promise) html.catch(() => undefined);
  throw new Error('renderPage: async components are not supported');
}

/**
 * hono/jsx keeps a render's context in AsyncLocalStorage when the runtime has one, and on
 * Node 20 the first `AsyncLocalStorage.run()` installs promise hooks that tax every promise
 * in the process from then on: a tenth of a survey submit's CPU, pg and our own awaits
 * included. Our renders are synchronous (renderPage refuses async components), and for those
 * hono's other mode, plain context stacks, is exact; it is the mode hono uses on runtimes
 * without AsyncLocalStorage. hono looks for AsyncLocalStorage once, at its first render, so
 * that first render happens here, at load, with `process.getBuiltinModule` out of sight.
 * (In ESM there is no `process.mainModule`, hono's other way to find it.)
 */
function chooseSynchronousJsxContext(): void {
  const host = process as { getBuiltinModule?: unknown };
  const original = host.getBuiltinModule;
  host.getBuiltinModule = undefined;
  try {
    void jsx('i', {}).toString();
  } finally {
    host.getBuiltinModule = original;
  }
}
chooseSynchronousJsxContext();

// Lifetimes are the caller's (ttlMs); the cache bounds how many pages are kept.
const sameForAnyone = new TtlCache<string, string>({ ttlMs: 5_000, maxEntries: 1_000 });

/** Drops every page kept by renderSameForAnyone (a change was committed; see create-app). */
export function forgetSameForAnyone(): void {
  sameForAnyone.clear();
}

const sameForAnyoneKey = (locale: string, variant: string, pathWithQuery: string) =>
  `${locale}|${variant}|${pathWithQuery}`;

/**
 * c.render for a page that every anonymous visitor of this URL sees the same in one language
 * (a "thank you" after a survey), rendered at most once per `ttlMs`: on closing day the same
 * page is sent thousands of times a minute, and its layout was a tenth of a submit's CPU.
 * `variant` picks one of the versions one URL can answer with; all of `variants` are
 * rendered together when one is missing, so that `sameForAnyoneHtml` finds every version
 * a Node lane may need. A logged-in visitor's page shows their account and log-out form, so
 * it is always rendered afresh.
 */
export function renderSameForAnyone(
  c: Context<AppEnv>,
  variant: string,
  variants: Record<string, () => Child>,
  ttlMs = 5_000,
): Response {
  const page = variants[variant];
  if (!page) throw new Error(`renderSameForAnyone: no variant ${variant}`);
  if (c.get('user')) return c.render(page());
  const url = c.req.url;
  const path = url.slice(url.indexOf('/', url.indexOf('//') + 2));
  const locale = c.get('locale');
  const now = Date.now();
  const hit = sameForAnyone.get(sameForAnyoneKey(locale, variant, path), now);
  if (hit !== undefined) return c.html(hit);
  let chosen = '';
  for (const [name, render] of Object.entries(variants)) {
    const html = renderPage(c, render());
    sameForAnyone.set(sameForAnyoneKey(locale, name, path), html, ttlMs, now);
    if (name === variant) chosen = html;
  }
  return c.html(chosen);
}

/**
 * The page renderSameForAnyone keeps for anonymous visitors of `pathWithQuery` in `locale`,
 * if it is still fresh, for a Node lane to send; undefined sends the request to Hono.
 */
export function sameForAnyoneHtml(
  locale: string,
  variant: string,
  pathWithQuery: string,
  now = Date.now(),
): string | undefined {
  return sameForAnyone.get(sameForAnyoneKey(locale, variant, pathWithQuery), now);
}

/** The request being rendered, for components (layout, forms, CSRF field). */
export function useRequestContext(): Context<AppEnv> {
  if (!rendering) throw new Error('useRequestContext() is only available while c.render() runs');
  return rendering;
}
