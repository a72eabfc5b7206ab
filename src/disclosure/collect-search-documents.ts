import type { AgencyRow } from '../core/http/env.js';
import type { DisclosedContent, ModuleManifest } from '../core/module.js';
import { listOitYears as listFrameworkYears } from './oit-items.js';
import {
  listPublicUnits,
  listStaffExecutives,
  type PublicNewsItem,
  type PublicQuery,
  type PublicSiteContent,
} from './public-content.js';
import { defaultOitYear, readPublicOitYear, type PublicOitYear } from './read-public-oit.js';
import { findLatestPublishedYear } from './queries.js';
import type { SearchDocument } from './search-site.js';
import { publicText } from './views/public-text.js';

/**
 * A page of the public site as stored in the search index. `href` is relative to the site
 * (`/news/<id>`); `sectionKey` is labelled in the visitor's language when shown.
 */
export interface IndexedPage {
  href: string;
  title: string;
  sectionKey: string;
  sortKey: string;
  body: string;
}

/** What reading the public site needs, from a request or from the CLI alike. */
export interface SiteSource {
  q: PublicQuery;
  agency: AgencyRow;
  content: PublicSiteContent;
  modules: readonly ModuleManifest[];
  now: Date;
  /** The request being answered, for the log line of a failing feed. */
  requestId?: string | undefined;
}

/** Plain text of sanitised HTML, for indexing and excerpts. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * The site's own basic-information pages as feed content, so the OIT items they answer
 * (โครงสร้าง, ผู้บริหาร, ข้อมูลการติดต่อ…) show them without staff re-entering anything.
 */
async function readSiteContent(
  source: SiteSource,
  fiscalYear: number,
): Promise<DisclosedContent[]> {
  const { q, content, agency } = source;
  const base = `/a/${agency.slug}`;
  const [units, executives, staffExecutives, duties, laws, news, questions] = await Promise.all([
    listPublicUnits(q),
    content.listExecutives(q),
    listStaffExecutives(q),
    content.findPage(q, 'duties'),
    content.findPage(q, 'laws'),
    content.listNews(q, { limit: 100 }),
    content.listQuestions(q),
  ]);
  const out: DisclosedContent[] = [];
  const page = (feed: string, title: string, path: string, updatedAt: Date, summary?: string) =>
    out.push({
      feed,
      title,
      summary,
      links: [{ label: title, href: `${base}${path}`, type: 'html' }],
      fiscalYear,
      updatedAt,
    });
  const latest = (dates: Date[]) => new Date(Math.max(...dates.map((d) => d.getTime())));
  if (units.length > 0) {
    page(
      'disclosure.structure',
      'โครงสร้างหน่วยงาน',
      '/structure',
      latest(units.map((u) => u.updatedAt)),
      units.map((u) => u.nameTh).join(', '),
    );
  }
  if ((executives ?? staffExecutives).length > 0) {
    page('disclosure.executives', 'ผู้บริหาร', '/executives', agency.updatedAt);
  }
  if (duties) page('disclosure.duties', duties.title, '/duties', duties.updatedAt);
  if (laws) page('disclosure.laws', laws.title, '/laws', laws.updatedAt);
  const contact = agency.contact;
  if (contact.address || contact.phone || contact.email) {
    page('disclosure.contact', 'ข้อมูลการติดต่อ', '/contact', agency.updatedAt, contact.address);
  }
  if (contact.facebook || contact.line) {
    page('disclosure.social', 'สื่อสังคมออนไลน์', '/contact', agency.updatedAt);
  }
  if (news.length > 0) {
    page('disclosure.news', 'ข่าวประชาสัมพันธ์', '/news', latest(news.map((n) => n.updatedAt)));
  }
  if (questions.length > 0) {
    page(
      'disclosure.qa',
      'ถาม-ตอบ (Q&A)',
      '/qa',
      latest(questions.map((x) => x.answeredAt ?? x.askedAt)),
    );
  }
  return out;
}

/** One fiscal year of the public OIT pages: entries, other modules' feeds, the site's pages. */
export async function readOitYear(source: SiteSource, fiscalYear: number): Promise<PublicOitYear> {
  const site = await readSiteContent(source, fiscalYear);
  return readPublicOitYear(source.q, source.content, source.modules, site, fiscalYear, {
    requestId: source.requestId,
  });
}

/**
 * What fills each OIT item of a year besides staff entries (other modules' feeds and the
 * site's own pages), exactly as the public index files it: the `fed` every status reads.
 */
export async function fedAsPublicSees(
  source: SiteSource,
  fiscalYear: number,
): Promise<Map<string, DisclosedContent[]>> {
  return (await readOitYear(source, fiscalYear)).fedByCode;
}

/** The agency's newest published year when the framework knows it, else the current one. */
export async function publicDefaultYear(
  source: Pick<SiteSource, 'q' | 'now'>,
  years = listFrameworkYears(),
): Promise<number> {
  const latest = await findLatestPublishedYear(source.q.db, source.q.agencyId);
  return latest !== null && years.includes(latest) ? latest : defaultOitYear(source.now, years);
}

// Equal scores keep the site's order: basic pages, news (newest first), Q&A, OIT items.
// Digits are flipped (9 − d) so that an ascending sort of the key lists the newest date first.
function newestFirst(value: string): string {
  return value.replace(/\d/g, (d) => String(9 - Number(d)));
}

/** A news post as a search page (sorted newest first, as the news page lists them). */
export function newsSearchPage(news: PublicNewsItem, createdAt?: Date): IndexedPage {
  return {
    href: `/news/${encodeURIComponent(news.id)}`,
    title: news.title,
    sectionKey: 'news',
    sortKey: `1-${newestFirst(news.publishedAt.toISOString())}-${newestFirst((createdAt ?? news.updatedAt).toISOString())}-${news.id}`,
    body: `${news.summary} ${htmlToText(news.bodyHtml)}`,
  };
}

/** An answered question as a search page; unanswered ones are not public. */
export function questionSearchPage(question: {
  id: string;
  question: string;
  answer: string;
  askedAt: Date;
}): IndexedPage {
  return {
    href: `/qa#q-${question.id}`,
    title: question.question,
    sectionKey: 'qa',
    sortKey: `2-${newestFirst(question.askedAt.toISOString())}-${question.id}`,
    body: question.answer,
  };
}

/**
 * The site's pages that are computed when read (structure, executives, contact from core rows;
 * OIT items with other modules' feeds): the lazily refreshed `site` source. With
 * `includePosts`, news and Q&A too, for content sources that are not indexed on write.
 */
export async function collectSitePages(
  source: SiteSource,
  options: { includePosts: boolean },
): Promise<IndexedPage[]> {
  const { q, content, agency } = source;
  const text = publicText('th');
  const fiscalYear = await publicDefaultYear(source);
  const [units, executives, duties, laws, news, questions, oit] = await Promise.all([
    listPublicUnits(q),
    content.listExecutives(q).then(async (e) => e ?? listStaffExecutives(q)),
    content.findPage(q, 'duties'),
    content.findPage(q, 'laws'),
    options.includePosts ? content.listNews(q, { limit: 500 }) : Promise.resolve([]),
    options.includePosts ? content.listQuestions(q) : Promise.resolve([]),
    readOitYear(source, fiscalYear),
  ]);
  const contact = agency.contact;
  const pages: IndexedPage[] = [
    {
      href: '/contact',
      title: text.contact,
      sectionKey: 'contact',
      sortKey: '0-0',
      body: [agency.nameTh, contact.address, contact.phone, contact.email]
        .filter(Boolean)
        .join(' '),
    },
    {
      href: '/structure',
      title: text.structure,
      sectionKey: 'structure',
      sortKey: '0-1',
      body: units.map((u) => u.nameTh).join(' '),
    },
    {
      href: '/executives',
      title: text.executives,
      sectionKey: 'executives',
      sortKey: '0-2',
      body: executives.map((e) => `${e.name} ${e.position}`).join(' '),
    },
  ];
  for (const [key, page, order] of [
    ['duties', duties, 3],
    ['laws', laws, 4],
  ] as const) {
    if (page) {
      pages.push({
        href: `/${key}`,
        title: page.title,
        sectionKey: key,
        sortKey: `0-${order}`,
        body: htmlToText(page.bodyHtml),
      });
    }
  }
  pages.push(...news.map((n) => newsSearchPage(n)), ...questions.map(questionSearchPage));
  let position = 0;
  for (const group of oit.groups) {
    for (const item of group.items) {
      const entries = oit.entriesByCode.get(item.code) ?? [];
      const fed = oit.fedByCode.get(item.code) ?? [];
      pages.push({
        href: `/oit/${fiscalYear}/${item.code}`,
        title: `${item.code.toUpperCase()} ${item.nameTh}`,
        sectionKey: `oit:${fiscalYear}`,
        sortKey: `3-${String(position++).padStart(4, '0')}`,
        body: [
          ...item.requiredElements,
          ...entries.map((e) => `${e.title} ${htmlToText(e.bodyHtml)}`),
          ...fed.map((f) => `${f.title} ${f.summary ?? ''}`),
        ].join(' '),
      });
    }
  }
  return pages;
}

/** The label of a result's section in the visitor's language. */
export function sectionLabel(sectionKey: string, locale: 'th' | 'en'): string {
  const text = publicText(locale);
  if (sectionKey.startsWith('oit:')) return `${text.oitShort} ${sectionKey.slice(4)}`;
  const key = sectionKey as
    'contact' | 'structure' | 'executives' | 'duties' | 'laws' | 'news' | 'qa';
  return text[key] ?? sectionKey;
}

/** A stored page as a document of the in-memory matcher, with its site-absolute href. */
export function toSearchDocument(
  page: IndexedPage,
  base: string,
  locale: 'th' | 'en',
): SearchDocument {
  return {
    href: `${base}${page.href}`,
    title: page.title,
    section: sectionLabel(page.sectionKey, locale),
    text: page.body,
  };
}
