import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import type { AppEnv } from '../core/http/env.js';
import type { DisclosedContent } from '../core/module.js';
import { NotFoundError } from '../core/errors.js';
import { fiscalYearOf } from '../core/i18n/thai-format.js';
import { listOitYears as listFrameworkYears } from './oit-items.js';
import {
  emptyPublicContent,
  type OpenSurvey,
  listPublicUnits,
  listStaffExecutives,
  type PublicQuery,
  type PublicSiteContent,
} from './public-content.js';
import { defaultOitYear, readPublicOitYear } from './read-public-oit.js';
import { findLatestPublishedYear } from './queries.js';
import { buildSearchIndex, searchSite, type SearchDocument } from './search-site.js';
import { buildNewsFeed } from './feed-rss.js';
import { documentRoutes } from './serve-document.js';
import { SHARED_CACHE_HEADER } from '../core/http/shared-page-cache.js';
import { disclosurePublicContent } from './read-public-content.js';
import { PublicHomePage } from './views/public-home.js';
import {
  PublicContactPage,
  PublicExecutivesPage,
  PublicQuestionsPage,
  PublicStructurePage,
  PublicTextPageView,
} from './views/public-info.js';
import { PublicNewsItemPage, PublicNewsListPage } from './views/public-news.js';
import { PublicOitIndexPage, PublicOitItemPage } from './views/public-oit.js';
import { PublicSearchPage } from './views/public-search.js';
import { publicText } from './views/public-text.js';

const YearQuery = z.coerce.number().int().min(2500).max(2700);
const ItemCode = z.string().regex(/^o[1-9][0-9]{0,2}$/);
const NewsId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[\w-]+$/);
const SearchQuery = z.string().max(200).catch('');

/**
 * Public pages may be cached briefly by browsers and proxies, and for 10 s in the app's shared
 * page cache (a publication shows within that time). A logged-in visitor's copy carries a
 * log-out form with their CSRF token, so it stays private and is never shared. Weak ETags
 * (content hash) let a revisit cost a 304 with no body.
 */
const PUBLIC_PAGE_TTL_MS = 10_000;
const publicCaching = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (c.res.status !== 200 && c.res.status !== 304) return;
  // Mounted at /a/:slug, this also wraps other modules' pages there (surveys): a page that
  // says no-store is per visitor (CSRF token, draft answers) and must never be shared.
  if (c.res.headers.get('Cache-Control')?.includes('no-store')) return;
  c.header('Cache-Control', c.var.user ? 'private, no-cache' : 'public, max-age=60');
  c.header('Vary', 'Cookie');
  if (!c.var.user && c.res.status === 200)
    c.header(SHARED_CACHE_HEADER, String(PUBLIC_PAGE_TTL_MS));
});

const weakEtag = etag({ weak: true });
/**
 * Caching and ETags for this module's own pages only. Mounted at /a/:slug, a plain `.use()`
 * would also wrap every other module's public pages (/a/:slug/surveys/…): hashing each survey
 * answer's thank-you page, and sharing per-visitor pages.
 */
const ownPageCaching = createMiddleware<AppEnv>(async (c, next) => {
  const segment = c.req.path.split('/')[3];
  const otherModule =
    segment !== undefined &&
    (c.var.modules ?? []).some(
      (m) => m.name !== 'disclosure' && (m.publicMount ?? m.name) === segment,
    );
  if (otherModule) return next();
  await publicCaching(c, async () => {
    await weakEtag(c, next);
  });
});

/** The feed through which the surveys module announces an open EIT survey. */
const OPEN_SURVEY_FEED = 'surveys.eit-open';

/**
 * The agency's open EIT survey for the home page: from the content source, else from any
 * module's `surveys.eit-open` feed. A failing module only hides the link, never the page.
 */
async function findOpenSurvey(
  c: { var: AppEnv['Variables'] },
  content: PublicSiteContent,
): Promise<OpenSurvey | null> {
  const q = queryOf(c);
  const own = await content.findOpenSurvey(q);
  if (own) return own;
  for (const module of c.var.modules ?? []) {
    if (!module.disclosures) continue;
    const items = await module
      .disclosures({ ...q, fiscalYear: fiscalYearOf(new Date()) })
      .catch(() => []);
    const open = items.find((i) => i.feed === OPEN_SURVEY_FEED && i.links[0]);
    if (open?.links[0]) return { title: open.title, href: open.links[0].href };
  }
  return null;
}

function queryOf(c: { var: AppEnv['Variables'] }): PublicQuery {
  const agency = c.var.publicAgency;
  return { db: c.var.database.db, agencyId: agency.id, agencySlug: agency.slug };
}

/** The agency's newest published year when the framework knows it, else the current one. */
async function publicDefaultYear(
  c: { var: AppEnv['Variables'] },
  years: number[],
): Promise<number> {
  const latest = await findLatestPublishedYear(c.var.database.db, c.var.publicAgency.id);
  return latest !== null && years.includes(latest) ? latest : defaultOitYear(new Date(), years);
}

function htmlToText(html: string): string {
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
  q: PublicQuery,
  content: PublicSiteContent,
  c: { var: AppEnv['Variables'] },
  fiscalYear: number,
): Promise<DisclosedContent[]> {
  const agency = c.var.publicAgency;
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

/**
 * The agency's public disclosure website, mounted at /a/:slug by the disclosure manifest
 * (`publicMount: ''`). `content` is where published news, pages and OIT entries come from.
 */
export function createDisclosurePublicRoutes(content: PublicSiteContent = emptyPublicContent) {
  const oitYear = async (c: { var: AppEnv['Variables'] }, fiscalYear: number) => {
    const q = queryOf(c);
    const site = await readSiteContent(q, content, c, fiscalYear);
    return readPublicOitYear(q, content, c.var.modules ?? [], site, fiscalYear);
  };
  const parseYear = (raw: string | undefined, fallback: number) => {
    if (raw === undefined || raw === '') return fallback;
    const year = YearQuery.safeParse(raw);
    if (!year.success || !listFrameworkYears().includes(year.data)) throw new NotFoundError();
    return year.data;
  };

  return (
    new Hono<AppEnv>()
      // Documents first: they carry their own strong ETag (SHA-256) and cache rules.
      .route('/', documentRoutes)
      .use(ownPageCaching)
      .get('/', async (c) => {
        const q = queryOf(c);
        const [news, survey] = await Promise.all([
          content.listNews(q, { limit: 5 }),
          findOpenSurvey(c, content),
        ]);
        return c.render(<PublicHomePage agency={c.var.publicAgency} news={news} survey={survey} />);
      })
      .get('/structure', async (c) =>
        c.render(
          <PublicStructurePage
            agency={c.var.publicAgency}
            units={await listPublicUnits(queryOf(c))}
          />,
        ),
      )
      .get('/executives', async (c) => {
        const q = queryOf(c);
        const executives = (await content.listExecutives(q)) ?? (await listStaffExecutives(q));
        return c.render(<PublicExecutivesPage executives={executives} />);
      })
      .get('/duties', async (c) =>
        c.render(
          <PublicTextPageView
            section="duties"
            page={await content.findPage(queryOf(c), 'duties')}
          />,
        ),
      )
      .get('/laws', async (c) =>
        c.render(
          <PublicTextPageView section="laws" page={await content.findPage(queryOf(c), 'laws')} />,
        ),
      )
      .get('/qa', async (c) =>
        c.render(<PublicQuestionsPage questions={await content.listQuestions(queryOf(c))} />),
      )
      .get('/contact', (c) => c.render(<PublicContactPage agency={c.var.publicAgency} />))
      .get('/news', async (c) =>
        c.render(<PublicNewsListPage news={await content.listNews(queryOf(c), { limit: 200 })} />),
      )
      .get('/news/:id', async (c) => {
        const id = NewsId.safeParse(c.req.param('id'));
        const item = id.success ? await content.findNews(queryOf(c), id.data) : null;
        if (!item) throw new NotFoundError();
        return c.render(<PublicNewsItemPage item={item} />);
      })
      .get('/feed.xml', async (c) => {
        const agency = c.var.publicAgency;
        const origin = new URL(c.req.url).origin;
        const xml = buildNewsFeed({
          siteUrl: `${origin}/a/${agency.slug}`,
          agencyName: agency.nameTh,
          items: await content.listNews(queryOf(c), { limit: 50 }),
        });
        return c.body(xml, 200, { 'Content-Type': 'application/rss+xml; charset=utf-8' });
      })
      .get('/oit', async (c) => {
        const years = listFrameworkYears();
        const fiscalYear = parseYear(c.req.query('year'), await publicDefaultYear(c, years));
        const data = await oitYear(c, fiscalYear);
        return c.render(
          <PublicOitIndexPage
            fiscalYear={fiscalYear}
            years={years}
            titleTh={data.titleTh}
            groups={data.groups}
          />,
        );
      })
      .get('/oit/:year/:code', async (c) => {
        const fiscalYear = parseYear(c.req.param('year'), 0);
        const code = ItemCode.safeParse(c.req.param('code'));
        if (!code.success) throw new NotFoundError();
        const data = await oitYear(c, fiscalYear);
        const group = data.groups.find((g) => g.items.some((i) => i.code === code.data));
        const item = group?.items.find((i) => i.code === code.data);
        if (!group || !item) throw new NotFoundError();
        return c.render(
          <PublicOitItemPage
            fiscalYear={fiscalYear}
            item={item}
            subIndicatorName={`${group.code} ${group.nameTh}`}
            entries={data.entriesByCode.get(item.code) ?? []}
            fed={data.fedByCode.get(item.code) ?? []}
          />,
        );
      })
      .get('/search', async (c) => {
        const query = SearchQuery.parse(c.req.query('q') ?? '').trim();
        if (!query) return c.render(<PublicSearchPage query="" results={[]} />);
        const documents = await collectSearchDocuments(c, content, oitYear);
        const results = searchSite(buildSearchIndex(documents), query);
        return c.render(<PublicSearchPage query={query} results={results} />);
      })
  );
}

/** Every public page of the agency as a search document (published content only). */
async function collectSearchDocuments(
  c: { var: AppEnv['Variables'] },
  content: PublicSiteContent,
  oitYear: (c: { var: AppEnv['Variables'] }, year: number) => ReturnType<typeof readPublicOitYear>,
): Promise<SearchDocument[]> {
  const q = queryOf(c);
  const agency = c.var.publicAgency;
  const text = publicText(c.var.locale);
  const base = `/a/${agency.slug}`;
  const fiscalYear = await publicDefaultYear(c, listFrameworkYears());
  const [units, executives, duties, laws, news, questions, oit] = await Promise.all([
    listPublicUnits(q),
    content.listExecutives(q).then(async (e) => e ?? listStaffExecutives(q)),
    content.findPage(q, 'duties'),
    content.findPage(q, 'laws'),
    content.listNews(q, { limit: 500 }),
    content.listQuestions(q),
    oitYear(c, fiscalYear),
  ]);
  const contact = agency.contact;
  const docs: SearchDocument[] = [
    {
      href: `${base}/contact`,
      title: text.contact,
      section: text.contact,
      text: [agency.nameTh, contact.address, contact.phone, contact.email]
        .filter(Boolean)
        .join(' '),
    },
    {
      href: `${base}/structure`,
      title: text.structure,
      section: text.structure,
      text: units.map((u) => u.nameTh).join(' '),
    },
    {
      href: `${base}/executives`,
      title: text.executives,
      section: text.executives,
      text: executives.map((e) => `${e.name} ${e.position}`).join(' '),
    },
  ];
  for (const [key, page] of [
    ['duties', duties],
    ['laws', laws],
  ] as const) {
    if (page) {
      docs.push({
        href: `${base}/${key}`,
        title: page.title,
        section: text[key],
        text: htmlToText(page.bodyHtml),
      });
    }
  }
  for (const n of news) {
    docs.push({
      href: `${base}/news/${encodeURIComponent(n.id)}`,
      title: n.title,
      section: text.news,
      text: `${n.summary} ${htmlToText(n.bodyHtml)}`,
      updatedAt: n.updatedAt,
    });
  }
  for (const x of questions) {
    docs.push({
      href: `${base}/qa#q-${x.id}`,
      title: x.question,
      section: text.qa,
      text: x.answer,
    });
  }
  for (const group of oit.groups) {
    for (const item of group.items) {
      const entries = oit.entriesByCode.get(item.code) ?? [];
      const fed = oit.fedByCode.get(item.code) ?? [];
      docs.push({
        href: `${base}/oit/${fiscalYear}/${item.code}`,
        title: `${item.code.toUpperCase()} ${item.nameTh}`,
        section: `${text.oitShort} ${fiscalYear}`,
        text: [
          ...item.requiredElements,
          ...entries.map((e) => `${e.title} ${htmlToText(e.bodyHtml)}`),
          ...fed.map((f) => `${f.title} ${f.summary ?? ''}`),
        ].join(' '),
      });
    }
  }
  return docs;
}

/** The public site over the disclosure tables (approved versions only). */
export const disclosurePublicRoutes = createDisclosurePublicRoutes(disclosurePublicContent);
