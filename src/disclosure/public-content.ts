import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../core/db/client.js';
import { staff, units } from '../core/agencies/schema.js';
import { users } from '../core/auth/schema.js';
import { listUnits } from '../core/agencies/units.js';

/** Who the public site reads for: one agency, with the database to read it from. */
export interface PublicQuery {
  db: Db;
  agencyId: string;
  agencySlug: string;
}

/** A public link to a document or page (PDF, DOCX, a page of this site…). */
export interface PublicLink {
  label: string;
  href: string;
  type?: 'pdf' | 'docx' | 'xlsx' | 'csv' | 'html' | 'image' | undefined;
}

/** ข่าวประชาสัมพันธ์ / ประกาศ: a published news item or announcement. */
export interface PublicNewsItem {
  id: string;
  kind: 'news' | 'announcement';
  title: string;
  summary: string;
  /** Already sanitised HTML (the colleague's rich-text field); shown as is. */
  bodyHtml: string;
  links: PublicLink[];
  publishedAt: Date;
  updatedAt: Date;
}

/** ข้อมูลที่เผยแพร่ของข้อ OIT: the published content staff entered for one OIT item. */
export interface PublicOitEntry {
  code: string;
  /** Demo data of the seed agency: the page labels it so nobody mistakes it for real. */
  isDemo?: boolean;
  table?: { columns: string[]; rows: string[][] } | null;
  responsibleUnit?: string | null;
  fiscalYear: number;
  title: string;
  /** Already sanitised HTML. */
  bodyHtml: string;
  links: PublicLink[];
  publishedAt: Date;
  updatedAt: Date;
}

/** A standing page the agency writes: อำนาจหน้าที่ (duties), กฎหมายที่เกี่ยวข้อง (laws). */
export interface PublicTextPage {
  title: string;
  /** Already sanitised HTML. */
  bodyHtml: string;
  links: PublicLink[];
  updatedAt: Date;
}

/** ถาม-ตอบ: one published question with its answer. */
export interface PublicQuestion {
  id: string;
  question: string;
  answer: string;
  askedAt: Date;
  answeredAt: Date | null;
}

/** ผู้บริหาร: an executive shown on the executives page. */
export interface PublicExecutive {
  name: string;
  position: string;
  photoHref: string | null;
  phone: string | null;
  email: string | null;
}

/** The open EIT survey, when the surveys module has one (link on the home page). */
export interface OpenSurvey {
  title: string;
  href: string;
}

/**
 * What the public site reads beyond the core tables. The disclosure staff side (schema,
 * queries) and the surveys module fill it; until they land the site shows "not yet
 * published" everywhere, which is true. Every method returns published rows only: a draft
 * must never reach a citizen page.
 */
export interface PublicSiteContent {
  listNews(q: PublicQuery, options: { limit: number }): Promise<PublicNewsItem[]>;
  findNews(q: PublicQuery, id: string): Promise<PublicNewsItem | null>;
  listOitEntries(q: PublicQuery, fiscalYear: number): Promise<PublicOitEntry[]>;
  findPage(q: PublicQuery, key: 'duties' | 'laws'): Promise<PublicTextPage | null>;
  listQuestions(q: PublicQuery): Promise<PublicQuestion[]>;
  /** Executives with photos; null = use the core staff rows with the executive role. */
  listExecutives(q: PublicQuery): Promise<PublicExecutive[] | null>;
  /**
   * Feed key → OIT item codes of that fiscal year (the colleague's feeds data): the NACC
   * renumbers items yearly, so the mapping is data, never code.
   */
  feedCodes(fiscalYear: number): Promise<Record<string, string[]>>;
  /** Slot for the surveys module: the agency's open EIT survey. */
  findOpenSurvey(q: PublicQuery): Promise<OpenSurvey | null>;
  /**
   * True when news and Q&A are written to the search index in the transaction that saves
   * them (the disclosure tables); otherwise the search indexes them lazily with the rest.
   */
  arePostsIndexedOnWrite?: boolean;
}

/** Content source with nothing published yet: the honest default before staff forms exist. */
export const emptyPublicContent: PublicSiteContent = {
  listNews: () => Promise.resolve([]),
  findNews: () => Promise.resolve(null),
  listOitEntries: () => Promise.resolve([]),
  findPage: () => Promise.resolve(null),
  listQuestions: () => Promise.resolve([]),
  listExecutives: () => Promise.resolve(null),
  feedCodes: () => Promise.resolve({}),
  findOpenSurvey: () => Promise.resolve(null),
};

/** The agency's units (โครงสร้าง) in their set order. */
export function listPublicUnits(q: PublicQuery) {
  return listUnits(q.db, q.agencyId);
}

/**
 * Staff holding the executive role, with their position and unit, as the fallback for the
 * executives page (ข้อมูลผู้บริหาร). The log-in e-mail is not published: it is half of a
 * credential; public contact details come from the disclosure content instead.
 */
export async function listStaffExecutives(q: PublicQuery): Promise<PublicExecutive[]> {
  const rows = await q.db
    .select({
      name: users.displayName,
      position: staff.positionTh,
      unit: units.nameTh,
    })
    .from(staff)
    .innerJoin(users, eq(users.id, staff.userId))
    .leftJoin(units, and(eq(units.agencyId, staff.agencyId), eq(units.id, staff.unitId)))
    .where(and(eq(staff.agencyId, q.agencyId), sql`'executive' = any(${staff.roles})`));
  const rank = (position: string) => (/นายก/.test(position) ? 0 : /ปลัด/.test(position) ? 1 : 2);
  return rows
    .sort((a, b) => rank(a.position) - rank(b.position))
    .map((r) => ({
      name: r.name,
      position: r.unit ? `${r.position} (${r.unit})` : r.position,
      photoHref: null,
      phone: null,
      email: null,
    }));
}
