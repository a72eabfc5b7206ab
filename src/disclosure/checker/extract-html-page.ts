/** A link as a reader sees it: where it goes and the words on it. */
export interface PageLink {
  href: string;
  text: string;
}

/** What the matcher needs from one HTML page. */
export interface HtmlPageContent {
  title: string;
  headings: string[];
  text: string;
  /**
   * The page's own words: the text without menus, headers, footers, sidebars and the words on
   * links, which speak of other pages (a menu's "ITA 2566" says nothing of this page's year).
   */
  contentText: string;
  links: PageLink[];
  baseHref: string | null;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  laquo: '«',
  raquo: '»',
  copy: '©',
  hellip: '…',
};

/** Decodes the HTML character references municipal CMSs actually emit. */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

function stripTags(html: string): string {
  return decodeHtmlEntities(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  if (!match) return null;
  return decodeHtmlEntities(match[1] ?? match[2] ?? match[3] ?? '').trim();
}

/**
 * Pulls title, headings, visible text and links out of an HTML page.
 * A forgiving regex scan rather than a DOM: old municipal sites are rarely well-formed, and we
 * need only these four things. Frames and image-map areas count as links because many Thai
 * municipal templates still build their menus with them; an image link's `alt`/`title` is its text.
 */
export function extractHtmlPage(html: string): HtmlPageContent {
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, ' ');
  const visible = withoutComments.replace(
    /<(script|style|noscript|template|svg)\b[\s\S]*?<\/\1\s*>/gi,
    ' ',
  );
  const titleMatch = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(visible);
  const headings = [...visible.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>/gi)]
    .map((m) => stripTags(m[2] ?? ''))
    .filter((h) => h.length > 0);

  const links: PageLink[] = [];
  for (const m of visible.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a\s*>/gi)) {
    const href = attribute(`<a ${m[1] ?? ''}>`, 'href');
    if (href === null) continue;
    const inner = m[2] ?? '';
    const altTexts = [...inner.matchAll(/<img\b[^>]*>/gi)]
      .map((img) => attribute(img[0], 'alt') ?? '')
      .filter((alt) => alt.length > 0);
    const text = [stripTags(inner), ...altTexts, attribute(`<a ${m[1] ?? ''}>`, 'title') ?? '']
      .filter((t) => t.length > 0)
      .join(' ');
    links.push({ href, text });
  }
  for (const m of visible.matchAll(/<(?:i?frame|area)\b[^>]*>/gi)) {
    const href = attribute(m[0], 'src') ?? attribute(m[0], 'href');
    if (href !== null)
      links.push({ href, text: attribute(m[0], 'alt') ?? attribute(m[0], 'title') ?? '' });
  }
  for (const m of visible.matchAll(/<meta\b[^>]*http-equiv\s*=\s*["']?refresh[^>]*>/gi)) {
    const content = attribute(m[0], 'content') ?? '';
    const target = /url\s*=\s*['"]?([^'"]+)/i.exec(content);
    if (target?.[1]) links.push({ href: target[1].trim(), text: '' });
  }
  const baseMatch = /<base\b[^>]*>/i.exec(visible);
  const bodyMatch = /<body\b[^>]*>([\s\S]*)$/i.exec(visible);
  const body = bodyMatch?.[1] ?? visible;
  const content = body
    .replace(/<(nav|header|footer|aside|menu)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<a\b[^>]*>[\s\S]*?<\/a\s*>/gi, ' ');
  return {
    title: titleMatch ? stripTags(titleMatch[1] ?? '') : '',
    headings,
    text: stripTags(body),
    contentText: stripTags(content),
    links,
    baseHref: baseMatch ? attribute(baseMatch[0], 'href') : null,
  };
}

/**
 * Finds the charset an HTML page declares in a `<meta>` tag. Old Thai municipal sites declare
 * `tis-620` or `windows-874` here and nowhere else.
 */
export function sniffMetaCharset(head: string): string | null {
  const direct = /<meta\b[^>]*\bcharset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return direct?.[1]?.toLowerCase() ?? null;
}
