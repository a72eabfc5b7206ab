import { Hono, type Context } from 'hono';
import { etag } from 'hono/etag';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import type { AppEnv } from '../core/http/env.js';
import { NotFoundError } from '../core/errors.js';
import { currentFiscalYear } from '../core/i18n/thai-format.js';
import { collectFedContent } from './feed-sources.js';
import { listOitYears as listFrameworkYears } from './oit-items.js';
import {
  emptyPublicContent,
  type OpenSurvey,
  listPublicUnits,
  listStaffExecutives,
  type PublicQuery,
  type PublicSiteContent,
} from './public-content.js';
import { publicDefaultYear, readOitYear, type SiteSource } from './collect-search-documents.js';
import { refreshSiteSearch } from './refresh-site-search.js';
import { searchPublicSite } from './search-public-site.js';
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
  c.header('Cache-Control', c.get('user') ? 'private, no-cache' : 'public, max-age=60');
  c.header('Vary', 'Cookie');
  if (!c.get('user') && c.res.status === 200)
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
    (c.get('modules') ?? []).some(
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
  c: Context<AppEnv>,
  content: PublicSiteContent,
): Promise<OpenSurvey | null> {
  const q = queryOf(c);
  const own = await content.findOpenSurvey(q);
  if (own) return own;
  const fed = await collectFedContent(
    c.get('modules') ?? [],
    { ...q, fiscalYear: currentFiscalYear(new Date()) },
    { requestId: c.get('requestId') },
  );
  const open = fed.contents.find((i) => i.feed === OPEN_SURVEY_FEED && i.links[0]);
  return open?.links[0] ? { title: open.title, href: open.links[0].href } : null;
}

function queryOf(c: Context<AppEnv>): PublicQuery {
  const agency = c.get('publicAgency');
  return { db: c.get('database').db, agencyId: agency.id, agencySlug: agency.slug };
}

/**
 * The agency's public disclosure website, mounted at /a/:slug by the disclosure manifest
 * (`publicMount: ''`). `content` is where published news, pages and OIT entries come from.
 */
export function createDisclosurePublicRoutes(content: PublicSiteContent = emptyPublicContent) {
  const siteSource = (c: Context<AppEnv>): SiteSource => ({
    q: queryOf(c),
    agency: c.get('publicAgency'),
    content,
    modules: c.get('modules') ?? [],
    now: new Date(),
    requestId: c.get('requestId'),
  });
  const oitYear = (c: Context<AppEnv>, fiscalYear: number) =>
    readOitYear(siteSource(c), fiscalYear);
  const parseYear = (raw: string | undefined, fallback: number) => {
    if (raw === undefined || raw === '') return fallback;
    const year = YearQuery.safeParse(raw);
    if (!year.success) throw new NotFoundError();
    if (!listFrameworkYears().includes(year.data)) {
      // Never another year's page in its place: say which years the site has.
      throw new NotFoundError('disclosure.errors.noFrameworkYear', {
        year: year.data,
        years: listFrameworkYears().join(', '),
      });
    }
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
        return c.render(
          <PublicHomePage agency={c.get('publicAgency')} news={news} survey={survey} />,
        );
      })
      .get('/structure', async (c) =>
        c.render(
          <PublicStructurePage
            agency={c.get('publicAgency')}
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
      .get('/contact', (c) => c.render(<PublicContactPage agency={c.get('publicAgency')} />))
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
        const agency = c.get('publicAgency');
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
        const fiscalYear = parseYear(
          c.req.query('year'),
          await publicDefaultYear(siteSource(c), years),
        );
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
        const source = siteSource(c);
        await refreshSiteSearch(source, { includePosts: content.arePostsIndexedOnWrite !== true });
        const agency = c.get('publicAgency');
        const results = await searchPublicSite(
          source.q.db,
          agency.id,
          `/a/${agency.slug}`,
          query,
          c.get('locale'),
        );
        return c.render(<PublicSearchPage query={query} results={results} />);
      })
  );
}

/** The public site over the disclosure tables (approved versions only). */
export const disclosurePublicRoutes = createDisclosurePublicRoutes(disclosurePublicContent);
