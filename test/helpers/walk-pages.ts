import type { TestContext, TestSession } from './test-context.js';

/** One HTML page reached by a walk, with the text a reader sees (no tags, scripts or styles). */
export interface WalkedPage {
  path: string;
  status: number;
  html: string;
  text: string;
}

/** The text a reader sees on a page, attribute values (title, alt) included. */
export function visibleText(html: string): string {
  const attributes = [...html.matchAll(/\b(?:title|alt|aria-label|placeholder)="([^"]*)"/g)]
    .map((m) => m[1])
    .join(' ');
  const body = html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ');
  return `${body} ${attributes}`
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
}

/**
 * Follows every same-site link (GET only) from the start pages, as a person clicking through
 * would, and returns each HTML page once. Downloads (PDF, DOCX, CSV…) and log-out are skipped.
 */
export async function walkPages(
  t: TestContext,
  session: TestSession | undefined,
  starts: string[],
  within: (path: string) => boolean,
  limit = 400,
): Promise<WalkedPage[]> {
  const seen = new Set<string>();
  const queue = [...starts];
  const pages: WalkedPage[] = [];
  while (queue.length > 0 && seen.size < limit) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const res = await t.get(path, session);
    const type = res.headers.get('content-type') ?? '';
    if (!type.includes('text/html')) {
      await res.arrayBuffer();
      continue;
    }
    const html = await res.text();
    pages.push({ path, status: res.status, html, text: visibleText(html) });
    for (const m of html.matchAll(/href="([^"#]+)"/g)) {
      const href = m[1]!.replace(/&amp;/g, '&');
      if (!href.startsWith('/') || href.startsWith('//')) continue;
      if (/\/logout|\.(pdf|docx|xlsx|csv|xml|png|svg|zip)(\?|$)/.test(href)) continue;
      if (within(href) && !seen.has(href)) queue.push(href);
    }
  }
  return pages;
}
