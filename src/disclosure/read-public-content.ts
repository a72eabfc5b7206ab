import { fiscalYearRange } from '../core/i18n/thai-format.js';
import { findDisclosureYearData } from './load-year-data.js';
import {
  listExecutives,
  listLaws,
  listNews,
  listPublishedItems,
  listQuestions,
  type NewsPost,
} from './queries.js';
import { listOitYears } from './oit-items.js';
import type { PublicNewsItem, PublicQuery, PublicSiteContent } from './public-content.js';

/** A date-only column (yyyy-mm-dd) as noon in Bangkok, so it never shows as the day before. */
function dateOnly(value: string): Date {
  return new Date(`${value}T12:00:00+07:00`);
}

function plainText(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A news row as the public site shows it (summary cut from the body). */
export function toNewsItem(post: NewsPost): PublicNewsItem {
  const summary = plainText(post.bodyHtml);
  return {
    id: post.id,
    kind: post.kind,
    title: post.titleTh,
    summary: summary.length > 200 ? `${summary.slice(0, 200)}…` : summary,
    bodyHtml: post.bodyHtml,
    links: [],
    publishedAt: dateOnly(post.publishedOn),
    updatedAt: post.updatedAt,
  };
}

/**
 * The public site's content from the disclosure tables: approved versions of entries only
 * (`published` snapshots, never the draft being edited), news, answered questions, laws and
 * executives with their photos.
 */
export const disclosurePublicContent: PublicSiteContent = {
  arePostsIndexedOnWrite: true,
  async listNews(q: PublicQuery, { limit }) {
    return (await listNews(q.db, q.agencyId, { limit })).map(toNewsItem);
  },
  async findNews(q, id) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const posts = await listNews(q.db, q.agencyId);
    const post = posts.find((p) => p.id === id);
    return post ? toNewsItem(post) : null;
  },
  async listOitEntries(q, fiscalYear) {
    const base = `/a/${q.agencySlug}`;
    const items = await listPublishedItems(q.db, q.agencyId, fiscalYear);
    return items.flatMap(({ item, entry, documents }) => {
      if (!entry) return [];
      const published = entry.publishDate ? dateOnly(entry.publishDate) : new Date(0);
      return [
        {
          code: item.code,
          fiscalYear,
          title: item.nameTh,
          isDemo: entry.isDemo,
          table: entry.table,
          responsibleUnit: entry.responsibleUnitNameTh,
          bodyHtml: entry.contentHtml,
          links: [
            ...documents.map((d) => ({
              label: d.label || d.fileName,
              href: `${base}${d.path}`,
              type:
                d.mediaType === 'application/pdf'
                  ? ('pdf' as const)
                  : d.mediaType.startsWith('image/')
                    ? ('image' as const)
                    : undefined,
            })),
            ...entry.links,
          ],
          publishedAt: published,
          updatedAt: published,
        },
      ];
    });
  },
  async findPage(q, key) {
    if (key === 'laws') {
      const laws = await listLaws(q.db, q.agencyId);
      if (laws.length === 0) return null;
      return {
        title: 'กฎหมายที่เกี่ยวข้อง',
        bodyHtml: '',
        links: laws.map((l) => ({
          label: l.categoryTh ? `${l.titleTh} (${l.categoryTh})` : l.titleTh,
          href: l.url ?? '#',
        })),
        updatedAt: new Date(Math.max(...laws.map((l) => l.updatedAt.getTime()))),
      };
    }
    // อำนาจหน้าที่ is an OIT item staff fill each year: show the latest approved one, looking
    // back from the current year (a new year's entry may not be approved yet).
    const now = new Date();
    const years = listOitYears().filter((y) => fiscalYearRange(y).start <= now);
    for (const year of years.reverse()) {
      const items = await listPublishedItems(q.db, q.agencyId, year);
      const duties = items.find((i) => i.item.nameTh === 'อำนาจหน้าที่' && i.entry);
      if (!duties?.entry) continue;
      return {
        title: 'อำนาจหน้าที่',
        bodyHtml: duties.entry.contentHtml,
        links: duties.entry.links,
        updatedAt: duties.entry.publishDate ? dateOnly(duties.entry.publishDate) : new Date(0),
      };
    }
    return null;
  },
  async listQuestions(q) {
    const rows = await listQuestions(q.db, q.agencyId);
    return rows
      .filter((r) => r.answerTh.trim() !== '')
      .map((r) => ({
        id: r.id,
        question: r.questionTh,
        answer: r.answerTh,
        askedAt: dateOnly(r.askedOn),
        answeredAt: r.answeredOn ? dateOnly(r.answeredOn) : null,
      }));
  },
  async listExecutives(q) {
    const rows = await listExecutives(q.db, q.agencyId);
    if (rows.length === 0) return null;
    return rows.map((r) => ({
      name: r.nameTh,
      position: r.positionTh,
      photoHref: r.photo ? `/a/${q.agencySlug}${r.photo.path}` : null,
      phone: r.phone,
      email: r.email,
    }));
  },
  feedCodes(fiscalYear) {
    return Promise.resolve(findDisclosureYearData(fiscalYear)?.feeds ?? {});
  },
  findOpenSurvey() {
    // Slot for the surveys module: it will expose the agency's open EIT survey link.
    return Promise.resolve(null);
  },
};
