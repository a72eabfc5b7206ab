import type { PropsWithChildren } from 'hono/jsx';
import { useRequestContext } from '../../core/http/render-page.js';
import { Layout } from '../../core/http/layout.js';
import { formatThaiDate } from '../../core/i18n/thai-format.js';
import { publicText, type PublicText } from './public-text.js';
import type { PublicLink } from '../public-content.js';

/** Every section of the public site, in menu order; `key` names its text and its path. */
export const PUBLIC_SECTIONS = [
  { key: 'home', path: '' },
  { key: 'oit', path: '/oit' },
  { key: 'news', path: '/news' },
  { key: 'structure', path: '/structure' },
  { key: 'executives', path: '/executives' },
  { key: 'duties', path: '/duties' },
  { key: 'laws', path: '/laws' },
  { key: 'qa', path: '/qa' },
  { key: 'contact', path: '/contact' },
  { key: 'search', path: '/search' },
] as const satisfies readonly { key: keyof PublicText; path: string }[];

// Small enough to inline (one request fewer on a slow phone); app.css carries the rest.
const SITE_CSS = `
.site-sections ul{display:flex;flex-wrap:wrap;gap:.25rem .5rem;list-style:none;padding:0;margin:0 0 1rem}
.site-sections a{display:inline-block;padding:.35rem .6rem;border:1px solid #c5ccd3;border-radius:.3rem;text-decoration:none}
.site-sections a[aria-current=page]{background:#0b4f6c;color:#fff;border-color:#0b4f6c}
.site-search{display:flex;gap:.5rem;flex-wrap:wrap;margin:0 0 1rem}
.site-search input{flex:1 1 12rem;min-width:0;padding:.45rem;font:inherit}
.oit-group{margin:1.25rem 0}
.oit-list{list-style:none;padding:0;margin:0}
.oit-list li{display:flex;gap:.5rem;align-items:baseline;padding:.4rem 0;border-bottom:1px solid #dde2e6;flex-wrap:wrap}
.oit-code{font-weight:700;min-width:3rem}
.oit-list a{flex:1 1 14rem}
.doc-list{padding-left:1.2rem}
.exec{display:flex;gap:1rem;align-items:flex-start}
.exec img{width:96px;height:120px;object-fit:cover;border-radius:.3rem}
mark{background:#ffe58a;color:inherit}
.result{margin:0 0 1rem}
.result h2{font-size:1.05rem;margin:0}
dl.contact dt{font-weight:700;margin-top:.5rem}
dl.contact dd{margin:0;overflow-wrap:anywhere}
`;

/** The words of the current request's language. */
export function usePublicText(): PublicText {
  return publicText(useRequestContext().get('locale'));
}

/** Base path of the current agency's site (`/a/<slug>`); host-name routing keeps it valid. */
export function useSiteBase(): string {
  return `/a/${useRequestContext().get('publicAgency').slug}`;
}

/** A Thai date with the พ.ศ. year (or the English date on English pages). */
export function useDateFormat(): (date: Date) => string {
  const locale = useRequestContext().get('locale');
  return (date) => formatThaiDate(date, { style: 'long', locale });
}

/**
 * Every public page: the base layout, the section menu (every section one click from any
 * page) and the search box, which is a plain GET form (no JavaScript).
 */
export function PublicFrame({
  title,
  section,
  children,
}: PropsWithChildren<{ title: string; section: (typeof PUBLIC_SECTIONS)[number]['key'] | null }>) {
  const text = usePublicText();
  const base = useSiteBase();
  return (
    <Layout title={title}>
      <style>{SITE_CSS}</style>
      <nav class="site-sections" aria-label={text.sections}>
        <ul>
          {PUBLIC_SECTIONS.map((s) => (
            <li>
              <a
                href={`${base}${s.path}` || '/'}
                aria-current={s.key === section ? 'page' : undefined}
              >
                {s.key === 'oit' ? text.oitShort : text[s.key]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </Layout>
  );
}

/** The search box (GET /search?q=…). */
export function SearchBox({ query = '' }: { query?: string }) {
  const text = usePublicText();
  const base = useSiteBase();
  return (
    <form class="site-search" method="get" action={`${base}/search`} role="search">
      <label for="site-q" class="visually-hidden">
        {text.searchLabel}
      </label>
      <input id="site-q" name="q" type="search" value={query} maxlength={200} />
      <button type="submit" class="button">
        {text.search}
      </button>
    </form>
  );
}

const TYPE_LABEL: Record<string, string> = { pdf: 'PDF', docx: 'Word', xlsx: 'Excel', csv: 'CSV' };

/** A list of documents/links, each saying its file type so a reader knows what opens. */
export function LinkList({ links }: { links: PublicLink[] }) {
  const text = usePublicText();
  if (links.length === 0) return null;
  const typeLabel = (type: string) => (type === 'image' ? text.imageFile : TYPE_LABEL[type]);
  return (
    <ul class="doc-list">
      {links.map((link) => (
        <li>
          <a href={link.href}>{link.label}</a>
          {link.type && typeLabel(link.type) && (
            <span class="muted"> ({typeLabel(link.type)})</span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** "ปรับปรุงล่าสุด 24 พฤศจิกายน พ.ศ. 2569", with a machine-readable <time>. */
export function UpdatedAt({ date }: { date: Date }) {
  const text = usePublicText();
  const format = useDateFormat();
  return (
    <p class="muted">
      {text.lastUpdated} <time datetime={date.toISOString()}>{format(date)}</time>
    </p>
  );
}
