import {
  BUDDHIST_YEAR_MAX,
  BUDDHIST_YEAR_MIN,
  openingFiscalYear,
} from '../core/i18n/thai-format.js';
import { findLatestEntryYear } from './queries.js';
import { Hono, type Context } from 'hono';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppEnv } from '../core/http/env.js';
import { Layout } from '../core/http/layout.js';
import { requirePermission } from '../core/http/middleware.js';
import { uuidParam } from '../core/http/params.js';
import {
  CsrfField,
  ErrorSummary,
  FileField,
  Notice,
  PageHeader,
  PostForm,
  SelectField,
  TextArea,
  TextField,
  useT,
  type FieldErrors,
} from '../core/http/ui.js';
import { readForm, submitForm, type FormState } from '../core/http/form.js';
import { typedNumber } from '../core/validation/typed-number.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import { can } from '../core/auth/permissions.js';
import { listUnits } from '../core/agencies/units.js';
import { scoped } from '../core/db/scoped.js';
import {
  disclosureDocuments,
  disclosureEntries,
  disclosureEntryVersions,
  type EntryLink,
  type EntryTable,
} from './schema.js';
import { diffOitItems, getOitItem, groupOitItems, listOitYears } from './oit-items.js';
import type { FeedFailure } from './feed-sources.js';
import type { DisclosedContent } from '../core/module.js';
import { listOitItemStates, type OitItemState } from './item-status.js';
import { readOitYear } from './collect-search-documents.js';
import { ReviewPanel } from './views/review-panel.js';
import { disclosurePublicContent } from './read-public-content.js';
import { estimateReadiness, type Readiness } from './estimate-readiness.js';
import { remindDisclosureDeadlines } from './send-disclosure-reminders.js';
import { saveEntry, attachDocuments } from './save-entry.js';
import { approveEntry, returnEntry, submitEntry } from './review-entry.js';
import { checkDocumentUpload, storeDocument } from './store-document.js';
import { sendDocument } from './serve-document.js';
import { buildLinkSheet, linkSheetCsv, linkSheetXlsx } from './export-link-sheet.js';
import { startFiscalYear } from './start-fiscal-year.js';
import { canEditItem } from './permissions.js';
import { checkWebsite, type WebsiteCheckReport } from './checker/check-website.js';
import { isPublicTarget } from './checker/guarded-request.js';
import { checkerItemsFromFramework } from './checker/items-from-framework.js';
import { basicInfoRoutes } from './routes.staff-basic.js';

const BASE = '/staff/disclosure';
/** The staff checker page is bounded harder than the CLI: it runs inside a request. */
const CHECKER_LIMITS = { maxPages: 60, timeLimitMs: 20_000, concurrency: 4 };

const thaiDate = (d: Date | string | null) =>
  d
    ? new Intl.DateTimeFormat('th-TH', { dateStyle: 'medium', timeZone: 'Asia/Bangkok' }).format(
        typeof d === 'string' ? new Date(`${d}T00:00:00+07:00`) : d,
      )
    : '';

/**
 * A year asked for that has no OIT criteria in the system: a page naming the year and the years
 * there are, never another year's page shown silently in its place.
 */
function noCriteriaFor(year: string): NotFoundError {
  return new NotFoundError('disclosure.errors.noFrameworkYear', {
    year,
    years: listOitYears().join(', '),
  });
}

/**
 * The fiscal year (พ.ศ.) a request shows: ?year= when asked (a year without criteria is a clear
 * 404); else the newest year this agency has entries for (what its staff were last working on);
 * else the current fiscal year, or the newest year with criteria before it.
 */
async function pickYear(c: Context<AppEnv>): Promise<number> {
  const years = listOitYears();
  const raw = c.req.query('year');
  if (raw !== undefined && raw !== '') {
    const asked = Number(raw);
    if (!years.includes(asked)) throw noCriteriaFor(raw.slice(0, 12));
    return asked;
  }
  const latest = await findLatestEntryYear(c.get('ctx').db, c.get('ctx').agencyId);
  return openingFiscalYear([latest], c.get('ctx').now(), years);
}

function yearParam(c: Context<AppEnv>): number {
  const year = Number(c.req.param('year'));
  if (!listOitYears().includes(year)) throw noCriteriaFor((c.req.param('year') ?? '').slice(0, 12));
  return year;
}

function codeParam(c: Context<AppEnv>, year: number): string {
  const code = c.req.param('code') ?? '';
  if (!/^o\d{1,3}$/.test(code)) throw new NotFoundError();
  getOitItem(year, code);
  return code;
}

/**
 * The feeds and site pages that fill each item, as the public index files them (one status
 * everywhere), and the modules whose feed failed (logged with the request id, listed to staff).
 */
const fedFor = async (
  c: Context<AppEnv>,
  fiscalYear: number,
): Promise<{ byItem: Map<string, DisclosedContent[]>; failures: FeedFailure[] }> => {
  const agency = c.get('agency')!;
  const year = await readOitYear(
    {
      q: { db: c.get('ctx').db, agencyId: agency.id, agencySlug: agency.slug },
      agency,
      content: disclosurePublicContent,
      modules: c.get('modules') ?? [],
      now: c.get('ctx').now(),
      requestId: c.get('requestId'),
    },
    fiscalYear,
  );
  return { byItem: year.fedByCode, failures: year.failures };
};

function YearPicker(props: { year: number; action: string }) {
  const t = useT();
  return (
    <form method="get" action={props.action} class="year-picker">
      <SelectField
        name="year"
        label="disclosure.items.year"
        value={String(props.year)}
        options={listOitYears().map((y) => ({ value: String(y), label: String(y) }))}
      />
      <button type="submit" class="secondary">
        {t('disclosure.items.show')}
      </button>
    </form>
  );
}

const BADGE: Record<string, string> = {
  missing: 'bad',
  draft: 'warn',
  in_review: 'warn',
  published: 'ok',
  outdated: 'bad',
};

function StatusBadge(props: { status: string }) {
  const t = useT();
  return (
    <span class={`badge ${BADGE[props.status] ?? 'muted'}`}>
      {t(`disclosure.status.${props.status}`)}
    </span>
  );
}

function ItemsPage(props: {
  year: number;
  statuses: OitItemState[];
  unitName: Map<string, string>;
  canManage: boolean;
}) {
  const t = useT();
  const byCode = new Map(props.statuses.map((s) => [s.itemCode, s]));
  return (
    <Layout title={t('disclosure.items.title', { year: props.year })}>
      <PageHeader
        title={t('disclosure.items.title', { year: props.year })}
        lead={t('disclosure.items.lead')}
      />
      <Notice />
      <YearPicker year={props.year} action={BASE} />
      <p>
        <a href={`${BASE}/readiness?year=${props.year}`}>{t('disclosure.nav.readiness')}</a> ·{' '}
        <a href={`${BASE}/link-sheet.csv?year=${props.year}`}>
          {t('disclosure.items.linkSheetCsv')}
        </a>{' '}
        ·{' '}
        <a href={`${BASE}/link-sheet.xlsx?year=${props.year}`}>
          {t('disclosure.items.linkSheetXlsx')}
        </a>
        {props.canManage && (
          <>
            {' '}
            · <a href={`${BASE}/new-year?year=${props.year}`}>{t('disclosure.items.newYear')}</a>
          </>
        )}
      </p>
      {groupOitItems(props.year).map((group) => (
        <section>
          <h2>
            {group.code} {group.nameTh}
          </h2>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('disclosure.items.code')}</th>
                  <th scope="col">{t('disclosure.items.name')}</th>
                  <th scope="col">{t('disclosure.items.unit')}</th>
                  <th scope="col">{t('disclosure.items.status')}</th>
                </tr>
              </thead>
              <tbody>
                {group.items.map((item) => {
                  const s = byCode.get(item.code);
                  return (
                    <tr data-item={item.code} data-item-status={s?.status ?? 'missing'}>
                      <td>{item.code}</td>
                      <td>
                        <a href={`${BASE}/items/${props.year}/${item.code}`}>{item.nameTh}</a>
                      </td>
                      <td>
                        {s?.responsibleUnitId
                          ? (props.unitName.get(s.responsibleUnitId) ?? '')
                          : ''}
                      </td>
                      <td>
                        <StatusBadge status={s?.status ?? 'missing'} />
                        {s?.pendingChange && (
                          <div class="muted">
                            {t('disclosure.items.pendingChange')}{' '}
                            {t(`disclosure.status.${s.pendingChange}`)}
                          </div>
                        )}
                        {s?.needsRenewal && <div class="muted">{t('disclosure.items.renew')}</div>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </Layout>
  );
}

type Entry = typeof disclosureEntries.$inferSelect;
type Doc = typeof disclosureDocuments.$inferSelect;

const linksToText = (links: EntryLink[]) => links.map((l) => `${l.label} | ${l.href}`).join('\n');
const tableToText = (table: EntryTable | null) =>
  table ? [table.columns, ...table.rows].map((r) => r.join(' | ')).join('\n') : '';

function ItemFormPage(props: {
  year: number;
  code: string;
  entry: Entry | null;
  documents: Doc[];
  units: { id: string; nameTh: string }[];
  fed: { title: string; links: { label: string; href: string }[] }[];
  /** Files of the version awaiting approval and of the published one (for the diff). */
  reviewDocuments: Doc[];
  canEdit: boolean;
  canReview: boolean;
  values?: Record<string, unknown>;
  errors?: FieldErrors;
  message?: string | undefined;
  /** Files chosen in a refused submission: named so they can be chosen again. */
  chosenFiles?: string[] | undefined;
}) {
  const t = useT();
  const item = getOitItem(props.year, props.code);
  const e = props.entry;
  // What was typed wins; a refused review or submit (no item fields) shows the stored entry.
  const v = {
    contentHtml: e?.contentHtml ?? '',
    links: linksToText(e?.links ?? []),
    table: tableToText(e?.table ?? null),
    responsibleUnitId: e?.responsibleUnitId ?? '',
    publishDate: e?.publishDate ?? '',
    documentYear: String(props.year),
    ...props.values,
  };
  const title = t('disclosure.form.title', { code: item.code, name: item.nameTh });
  const action = `${BASE}/items/${props.year}/${props.code}`;
  const wantsTable = /รายเดือน|สถิติ|สรุปผล/.test(item.nameTh);
  return (
    <Layout title={title}>
      <PageHeader
        title={title}
        lead={
          <>
            <StatusBadge status={e?.status ?? 'missing'} /> {t(`disclosure.period.${item.period}`)}
          </>
        }
      />
      <Notice />
      <ErrorSummary errors={props.errors} message={props.message} />
      {e?.isDemo && <p class="notice">{t('disclosure.form.demo')}</p>}
      {e?.reviewComment && e.status === 'draft' && (
        <p class="notice" role="status">
          {t('disclosure.form.returned', { comment: e.reviewComment })}
        </p>
      )}
      <section class="card">
        <h2>{t('disclosure.form.required')}</h2>
        {item.requiredElements.length ? (
          <ul class="checklist">
            {item.requiredElements.map((el) => (
              <li>
                <label>
                  <input type="checkbox" /> {el}
                </label>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('disclosure.form.noRequired')}</p>
        )}
      </section>
      {props.fed.length > 0 && (
        <section class="card">
          <h2>{t('disclosure.form.fed')}</h2>
          <ul>
            {props.fed.map((f) => (
              <li>
                {f.title}:{' '}
                {f.links.map((l) => (
                  <a href={l.href}>{l.label} </a>
                ))}
              </li>
            ))}
          </ul>
        </section>
      )}
      {props.canEdit ? (
        <PostForm action={action} class="card stack" enctype="multipart/form-data">
          <TextArea
            name="contentHtml"
            label="disclosure.form.content"
            hint="disclosure.form.contentHint"
            rows={8}
            value={v.contentHtml as string}
            errors={props.errors}
          />
          <TextArea
            name="links"
            label="disclosure.form.links"
            hint="disclosure.form.linksHint"
            rows={3}
            value={v.links as string}
            errors={props.errors}
          />
          {(wantsTable || e?.table) && (
            <TextArea
              name="table"
              label="disclosure.form.table"
              hint="disclosure.form.tableHint"
              rows={6}
              value={v.table as string}
              errors={props.errors}
            />
          )}
          <SelectField
            name="responsibleUnitId"
            label="disclosure.form.unit"
            emptyLabel="disclosure.form.noUnit"
            value={v.responsibleUnitId as string}
            options={props.units.map((u) => ({ value: u.id, label: u.nameTh }))}
            errors={props.errors}
          />
          <TextField
            name="publishDate"
            label="disclosure.form.publishDate"
            type="date"
            value={v.publishDate as string}
            errors={props.errors}
          />
          {props.documents.length > 0 && (
            <fieldset>
              <legend>{t('disclosure.form.documents')}</legend>
              {props.documents.map((d) => (
                <div>
                  <a href={`${BASE}/documents/${d.id}`}>{d.fileName}</a>{' '}
                  <span class="muted">
                    ({Math.ceil(d.sizeBytes / 1024)} KB{d.documentYear ? `, ${d.documentYear}` : ''}
                    )
                  </span>{' '}
                  <label>
                    <input type="checkbox" name="removeDocumentIds" value={d.id} />{' '}
                    {t('disclosure.form.removeDocument')}
                  </label>
                </div>
              ))}
            </fieldset>
          )}
          <FileField
            name="file"
            label="disclosure.form.files"
            multiple
            accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png"
            errors={props.errors}
            chosen={props.chosenFiles}
          />
          <TextField
            name="documentYear"
            label="disclosure.form.documentYear"
            inputmode="numeric"
            value={v.documentYear as string}
            errors={props.errors}
          />
          <button type="submit">{t('save')}</button>
        </PostForm>
      ) : (
        <p class="notice">{t('disclosure.form.readOnly')}</p>
      )}
      {e && props.canEdit && e.status === 'draft' && (
        <PostForm action={`${BASE}/entries/${e.id}/submit`}>
          <button type="submit">{t('disclosure.form.submit')}</button>
        </PostForm>
      )}
      {e && props.canReview && e.status === 'in_review' && (
        <ReviewPanel
          current={e}
          published={e.published}
          documents={props.reviewDocuments}
          documentHref={(id) => `${BASE}/documents/${id}`}
        />
      )}
      {e && props.canReview && e.status === 'in_review' && (
        <section class="card stack">
          <PostForm action={`${BASE}/entries/${e.id}/approve`}>
            <button type="submit">{t('disclosure.form.approve')}</button>
          </PostForm>
          <PostForm action={`${BASE}/entries/${e.id}/return`}>
            <TextArea
              name="comment"
              label="disclosure.form.comment"
              required
              value={props.values?.comment as string | undefined}
              errors={props.errors}
            />
            <button type="submit" class="secondary">
              {t('disclosure.form.returnWithComment')}
            </button>
          </PostForm>
        </section>
      )}
      <p>
        {e && <a href={`${BASE}/entries/${e.id}/history`}>{t('disclosure.form.history')}</a>}{' '}
        <a href={`${BASE}?year=${props.year}`}>{t('back')}</a>
      </p>
    </Layout>
  );
}

/** "label | url" lines → links; the line number of the first bad one is reported. */
function parseLinks(text: string): EntryLink[] | { line: number } {
  const links: EntryLink[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const bar = line.lastIndexOf('|');
    const label = bar >= 0 ? line.slice(0, bar).trim() : '';
    const href = (bar >= 0 ? line.slice(bar + 1) : line).trim();
    if (!/^https?:\/\/\S+$/i.test(href)) return { line: i + 1 };
    links.push({ label: label || href, href });
  }
  return links;
}

function parseTable(text: string): EntryTable | null {
  const rows = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => l.split('|').map((c) => c.trim()));
  if (rows.length === 0) return null;
  const [columns, ...rest] = rows as [string[], ...string[][]];
  return { columns, rows: rest };
}

const ItemForm = z.object({
  contentHtml: z.string().max(200_000).default(''),
  links: z.string().max(50_000).default(''),
  table: z.string().max(200_000).default(''),
  responsibleUnitId: z.union([z.literal(''), z.uuid()]).default(''),
  publishDate: z
    .union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'disclosure.errors.badDate')])
    .default(''),
  documentYear: z
    .union([z.literal(''), typedNumber(z.coerce.number().int().min(2500).max(2700))])
    .default(''),
  removeDocumentIds: z
    .union([z.uuid(), z.array(z.uuid())])
    .optional()
    .transform((v) => (v === undefined ? [] : ([] as string[]).concat(v))),
  file: z.unknown().optional(),
});

function uploadedFiles(value: unknown): File[] {
  return ([] as unknown[])
    .concat(value ?? [])
    .filter((f): f is File => f instanceof File && f.size > 0);
}

async function loadItem(c: Context<AppEnv>, year: number, code: string) {
  const ctx = c.get('ctx');
  const q = scoped(ctx.db, ctx.agencyId);
  const entry = await q.find(
    disclosureEntries,
    and(eq(disclosureEntries.fiscalYear, year), eq(disclosureEntries.itemCode, code))!,
  );
  const documents = entry?.documentIds.length
    ? (await q.list(disclosureDocuments, eq(disclosureDocuments.entryId, entry.id))).filter((d) =>
        entry.documentIds.includes(d.id),
      )
    : [];
  const fed = (await fedFor(c, year)).byItem.get(code) ?? [];
  const reviewed = new Set([
    ...(entry?.documentIds ?? []),
    ...(entry?.published?.documentIds ?? []),
  ]);
  const reviewDocuments =
    entry && entry.status === 'in_review' && reviewed.size > 0
      ? (await q.list(disclosureDocuments, eq(disclosureDocuments.entryId, entry.id))).filter((d) =>
          reviewed.has(d.id),
        )
      : [];
  return {
    entry,
    documents,
    reviewDocuments,
    fed,
    units: await listUnits(ctx.db, ctx.agencyId),
    canEdit: await canEditItem(ctx.db, ctx, entry?.responsibleUnitId ?? null),
    canReview: can(ctx.actor, 'disclosure.review'),
  };
}

/** The item page as GET shows it; a refused form passes what was typed and why. */
async function itemPage(c: Context<AppEnv>, year: number, code: string, form?: FormState) {
  const loaded = await loadItem(c, year, code);
  return (
    <ItemFormPage
      year={year}
      code={code}
      {...loaded}
      {...(form && {
        values: form.values,
        errors: form.errors,
        message: form.message,
        chosenFiles: form.chosenFiles.file,
      })}
    />
  );
}

/** The item page of an entry (this agency's, else 404), after a refused submit or review. */
async function entryPage(c: Context<AppEnv>, entryId: string, form: FormState) {
  const ctx = c.get('ctx');
  const entry = await scoped(ctx.db, ctx.agencyId).get(
    disclosureEntries,
    eq(disclosureEntries.id, entryId),
  );
  return itemPage(c, entry.fiscalYear, entry.itemCode, form);
}

/**
 * Saves an item's form: the entry, then its uploads. Every file is checked (size, kind by its
 * bytes) and the links parsed before anything is written, so a wrong file or link leaves the
 * entry as it was instead of saving the text without its documents.
 */
async function saveItemForm(
  c: Context<AppEnv>,
  year: number,
  code: string,
  form: z.infer<typeof ItemForm>,
) {
  const ctx = c.get('ctx');
  const links = parseLinks(form.links);
  if (!Array.isArray(links)) {
    throw new ValidationError('errors.validation', {
      links: `disclosure.errors.badLinks?line=${links.line}`,
    });
  }
  const files = await Promise.all(
    uploadedFiles(form.file).map(async (file) => ({
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    })),
  );
  for (const file of files) checkDocumentUpload({ bytes: file.bytes });
  const entry = await saveEntry(ctx, {
    fiscalYear: year,
    itemCode: code,
    contentHtml: form.contentHtml,
    links,
    table: parseTable(form.table),
    responsibleUnitId: form.responsibleUnitId || null,
    publishDate: form.publishDate || null,
    removeDocumentIds: form.removeDocumentIds,
  });
  const stored: string[] = [];
  for (const file of files) {
    const doc = await storeDocument(ctx, {
      dataDir: c.get('config').dataDir,
      entryId: entry.id,
      fileName: file.name,
      bytes: file.bytes,
      documentYear: form.documentYear === '' ? null : form.documentYear,
    });
    stored.push(doc.id);
  }
  await attachDocuments(ctx, entry.id, stored);
  return entry;
}

function ReadinessPage(props: {
  r: Readiness;
  unitName: Map<string, string>;
  canRemind: boolean;
  failedFeeds: FeedFailure[];
  requestId: string | undefined;
}) {
  const t = useT();
  const { r } = props;
  const d = r.deadline;
  return (
    <Layout title={t('disclosure.readiness.title', { year: r.fiscalYear })}>
      <PageHeader title={t('disclosure.readiness.title', { year: r.fiscalYear })} />
      <YearPicker year={r.fiscalYear} action={`${BASE}/readiness`} />
      <Notice />
      {props.failedFeeds.length > 0 && (
        <div class="error-summary" role="alert" id="failed-feeds">
          <p>
            {t('disclosure.readiness.feedFailed', {
              modules: props.failedFeeds.map((f) => f.module).join(', '),
            })}
          </p>
          {props.requestId && (
            <p class="muted">
              {t('disclosure.readiness.feedFailedReference')}: <code>{props.requestId}</code>
            </p>
          )}
        </div>
      )}
      <div class="cards">
        <section class="card">
          <h2>{t('disclosure.readiness.estimate')}</h2>
          <p class="num" style="font-size:2.5rem;margin:0">
            {r.estimate.oit.toFixed(2)}
          </p>
          <p class="muted">
            {r.estimate.indicators
              .map(
                (i) =>
                  `${t('disclosure.readiness.indicator', { no: i.no })}: ${i.score.toFixed(2)}`,
              )
              .join(' · ')}
          </p>
          <p class="muted">{t('disclosure.readiness.estimateNote')}</p>
        </section>
        <section class="card">
          <h2>{t('disclosure.items.status')}</h2>
          <ul>
            {(['published', 'in_review', 'draft', 'outdated', 'missing'] as const).map((s) => (
              <li>
                <StatusBadge status={s} /> {r.counts[s]}
              </li>
            ))}
          </ul>
        </section>
        <section class="card" role="status">
          {d ? (
            <>
              <p>
                {t('disclosure.readiness.window', {
                  opens: thaiDate(d.opensOn),
                  closes: thaiDate(d.closesOn),
                })}
              </p>
              <p>
                <strong>
                  {d.daysToOpen > 0
                    ? t('disclosure.readiness.daysToOpen', { days: d.daysToOpen })
                    : d.daysToClose >= 0
                      ? t('disclosure.readiness.daysToClose', { days: d.daysToClose })
                      : t('disclosure.readiness.closed')}
                </strong>
              </p>
            </>
          ) : (
            <p>{t('disclosure.readiness.noWindow', { year: r.fiscalYear })}</p>
          )}
          {props.canRemind && (
            <form method="post" action={`${BASE}/readiness/remind`}>
              <CsrfField />
              <input type="hidden" name="year" value={String(r.fiscalYear)} />
              <p class="muted">{t('disclosure.reminders.lead')}</p>
              <button type="submit">{t('disclosure.reminders.button')}</button>
            </form>
          )}
        </section>
      </div>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('disclosure.items.code')}</th>
              <th scope="col">{t('disclosure.items.name')}</th>
              <th scope="col">{t('disclosure.items.unit')}</th>
              <th scope="col">{t('disclosure.items.status')}</th>
              <th scope="col">{t('disclosure.readiness.next')}</th>
            </tr>
          </thead>
          <tbody>
            {r.items.map((i) => (
              <tr data-item={i.item.code} data-item-status={i.status}>
                <td>{i.item.code}</td>
                <td>
                  <a href={`${BASE}/items/${r.fiscalYear}/${i.item.code}`}>{i.item.nameTh}</a>
                  {i.isFed && <div class="muted">{t('disclosure.readiness.fed')}</div>}
                </td>
                <td>
                  {i.responsibleUnitId ? (props.unitName.get(i.responsibleUnitId) ?? '') : ''}
                </td>
                <td>
                  <StatusBadge status={i.status} />
                  {i.reasons.map((reason) => (
                    <div class="muted">{t(reason)}</div>
                  ))}
                </td>
                <td>{t(i.nextStep)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

function CheckerPage(props: {
  year: number;
  url?: string;
  report?: WebsiteCheckReport;
  errors?: FieldErrors;
}) {
  const t = useT();
  const r = props.report;
  return (
    <Layout title={t('disclosure.checker.title')}>
      <PageHeader
        title={t('disclosure.checker.title')}
        lead={t('disclosure.checker.lead', {
          pages: CHECKER_LIMITS.maxPages,
          seconds: CHECKER_LIMITS.timeLimitMs / 1000,
        })}
      />
      <ErrorSummary errors={props.errors} />
      <PostForm action={`${BASE}/checker`} class="card">
        <TextField
          name="url"
          label="disclosure.checker.url"
          type="url"
          required
          value={props.url}
          errors={props.errors}
        />
        <SelectField
          name="year"
          label="disclosure.items.year"
          value={String(props.year)}
          options={listOitYears().map((y) => ({ value: String(y), label: String(y) }))}
        />
        <button type="submit">{t('disclosure.checker.run')}</button>
      </PostForm>
      {r && !r.isReachable && <p class="error-summary">{t('disclosure.checker.unreachable')}</p>}
      {r && r.isReachable && (
        <>
          <p>{t('disclosure.checker.pages', { pages: r.pagesVisited })}</p>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('disclosure.items.code')}</th>
                  <th scope="col">{t('disclosure.items.name')}</th>
                  <th scope="col">{t('disclosure.checker.found')}</th>
                  <th scope="col">{t('disclosure.checker.current')}</th>
                  <th scope="col">{t('disclosure.checker.evidence')}</th>
                </tr>
              </thead>
              <tbody>
                {r.items.map((i) => (
                  <tr>
                    <td>{i.code}</td>
                    <td>{i.nameTh}</td>
                    <td>{i.status}</td>
                    <td>
                      {i.isCurrent === null ? '–' : i.isCurrent ? t('yes') : t('no')}
                      {i.currency && <div class="muted">{i.currency.read}</div>}
                    </td>
                    <td>
                      {i.evidence.slice(0, 2).map((ev) => (
                        <div>
                          <a href={ev.url} rel="noopener noreferrer">
                            {ev.text || ev.url}
                          </a>
                        </div>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {r.brokenLinks.length > 0 && (
            <>
              <h2>{t('disclosure.checker.brokenLinks')}</h2>
              <ul>
                {r.brokenLinks.slice(0, 50).map((b) => (
                  <li>{JSON.stringify(b)}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </Layout>
  );
}

/** Back office of the disclosure module, mounted at /staff/disclosure. */
export const disclosureStaffRoutes = new Hono<AppEnv>()
  .use('*', requirePermission('disclosure.view'))
  .route('/basic', basicInfoRoutes)
  .get('/', async (c) => {
    const ctx = c.get('ctx');
    const year = await pickYear(c);
    const units = await listUnits(ctx.db, ctx.agencyId);
    return c.render(
      <ItemsPage
        year={year}
        statuses={await listOitItemStates(ctx.db, ctx.agencyId, year, {
          fed: (await fedFor(c, year)).byItem,
        })}
        unitName={new Map(units.map((u) => [u.id, u.nameTh]))}
        canManage={can(ctx.actor, 'disclosure.manage')}
      />,
    );
  })
  .get('/readiness', async (c) => {
    const ctx = c.get('ctx');
    const year = await pickYear(c);
    const fed = await fedFor(c, year);
    const r = await estimateReadiness(ctx.db, ctx.agencyId, year, {
      now: ctx.now(),
      fed: fed.byItem,
    });
    const units = await listUnits(ctx.db, ctx.agencyId);
    return c.render(
      <ReadinessPage
        r={r}
        unitName={new Map(units.map((u) => [u.id, u.nameTh]))}
        canRemind={can(ctx.actor, 'disclosure.manage')}
        failedFeeds={fed.failures}
        requestId={c.get('requestId')}
      />,
    );
  })
  .post('/readiness/remind', requirePermission('disclosure.manage'), async (c) => {
    const config = c.get('config');
    const form = await readForm(
      c,
      z.object({ year: z.coerce.number().int().min(BUDDHIST_YEAR_MIN).max(BUDDHIST_YEAR_MAX) }),
    );
    const notice = await remindDisclosureDeadlines(c.get('ctx'), c.get('agency')!, {
      ...(form.ok ? { fiscalYear: form.data.year } : {}),
      mail: config,
      baseUrl: config.baseUrl ?? new URL(c.req.url).origin,
      modules: c.get('modules'),
    });
    return c.redirect(`${BASE}/readiness?notice=${notice}`, 303);
  })
  .get('/items/:year/:code', async (c) => {
    const year = yearParam(c);
    return c.render(await itemPage(c, year, codeParam(c, year)));
  })
  .post('/items/:year/:code', requirePermission('disclosure.edit'), async (c) => {
    const year = yearParam(c);
    const code = codeParam(c, year);
    return submitForm(c, {
      schema: ItemForm,
      run: (form) => saveItemForm(c, year, code, form),
      redirect: () => `${BASE}/items/${year}/${code}?notice=disclosure.form.saved`,
      page: (form) => itemPage(c, year, code, form),
    });
  })
  .post('/entries/:id/submit', requirePermission('disclosure.edit'), async (c) => {
    const id = uuidParam(c, 'id');
    return submitForm(c, {
      schema: z.object({}),
      run: () => submitEntry(c.get('ctx'), id),
      redirect: (entry) =>
        `${BASE}/items/${entry.fiscalYear}/${entry.itemCode}?notice=disclosure.form.submitted`,
      page: (form) => entryPage(c, id, form),
    });
  })
  .post('/entries/:id/approve', requirePermission('disclosure.review'), async (c) => {
    const id = uuidParam(c, 'id');
    return submitForm(c, {
      schema: z.object({}),
      run: () => approveEntry(c.get('ctx'), id),
      redirect: (entry) =>
        `${BASE}/review?year=${entry.fiscalYear}&notice=disclosure.form.approved`,
      page: (form) => entryPage(c, id, form),
    });
  })
  .post('/entries/:id/return', requirePermission('disclosure.review'), async (c) => {
    const id = uuidParam(c, 'id');
    return submitForm(c, {
      schema: z.object({ comment: z.string().default('') }),
      run: ({ comment }) => returnEntry(c.get('ctx'), id, comment),
      redirect: (entry) =>
        `${BASE}/review?year=${entry.fiscalYear}&notice=disclosure.form.sentBack`,
      page: (form) => entryPage(c, id, form),
    });
  })
  .get('/entries/:id/history', async (c) => {
    const ctx = c.get('ctx');
    const q = scoped(ctx.db, ctx.agencyId);
    const entry = await q.get(disclosureEntries, eq(disclosureEntries.id, uuidParam(c, 'id')));
    const versions = await q.list(
      disclosureEntryVersions,
      eq(disclosureEntryVersions.entryId, entry.id),
      desc(disclosureEntryVersions.version),
    );
    const t = c.get('t');
    const title = t('disclosure.history.title', { code: entry.itemCode, year: entry.fiscalYear });
    return c.render(
      <Layout title={title}>
        <PageHeader title={title} />
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('disclosure.history.version')}</th>
                <th scope="col">{t('disclosure.history.event')}</th>
                <th scope="col">{t('disclosure.items.status')}</th>
                <th scope="col">{t('disclosure.history.by')}</th>
                <th scope="col">{t('disclosure.history.at')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr>
                  <td class="num">{v.version}</td>
                  <td>
                    {t(`disclosure.history.events.${v.event}`)}
                    {v.comment && <div class="muted">{v.comment}</div>}
                  </td>
                  <td>
                    <StatusBadge status={v.status} />
                  </td>
                  <td>{v.actorLabel}</td>
                  <td>
                    {new Intl.DateTimeFormat('th-TH', {
                      dateStyle: 'medium',
                      timeStyle: 'short',
                      timeZone: 'Asia/Bangkok',
                    }).format(v.createdAt)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          <a href={`${BASE}/items/${entry.fiscalYear}/${entry.itemCode}`}>{t('back')}</a>
        </p>
      </Layout>,
    );
  })
  .get('/review', requirePermission('disclosure.review'), async (c) => {
    const ctx = c.get('ctx');
    const rows = await scoped(ctx.db, ctx.agencyId).list(
      disclosureEntries,
      eq(disclosureEntries.status, 'in_review'),
      [disclosureEntries.fiscalYear, disclosureEntries.submittedAt],
    );
    const t = c.get('t');
    return c.render(
      <Layout title={t('disclosure.review.title')}>
        <PageHeader title={t('disclosure.review.title')} />
        <Notice />
        {rows.length === 0 ? (
          <p>{t('disclosure.review.empty')}</p>
        ) : (
          <ul>
            {rows.map((e) => {
              const name = listOitYears().includes(e.fiscalYear)
                ? getOitItem(e.fiscalYear, e.itemCode).nameTh
                : '';
              return (
                <li>
                  {e.fiscalYear} · {e.itemCode} {name} ({thaiDate(e.submittedAt)}){' '}
                  <a href={`${BASE}/items/${e.fiscalYear}/${e.itemCode}`}>
                    {t('disclosure.review.open')}
                  </a>
                </li>
              );
            })}
          </ul>
        )}
      </Layout>,
    );
  })
  .get('/documents/:id', async (c) => {
    const ctx = c.get('ctx');
    const doc = await scoped(ctx.db, ctx.agencyId).get(
      disclosureDocuments,
      eq(disclosureDocuments.id, uuidParam(c, 'id')),
    );
    return sendDocument(c, doc, 'private, no-store');
  })
  .get('/link-sheet.csv', async (c) => {
    const ctx = c.get('ctx');
    const year = await pickYear(c);
    const rows = await buildLinkSheet(ctx.db, c.get('agency')!, year, {
      baseUrl: new URL(c.req.url).origin,
      fed: (await fedFor(c, year)).byItem,
    });
    return c.body(linkSheetCsv(rows), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="oit-links-${year}.csv"`,
      'X-Content-Type-Options': 'nosniff',
    });
  })
  .get('/link-sheet.xlsx', async (c) => {
    const ctx = c.get('ctx');
    const year = await pickYear(c);
    const rows = await buildLinkSheet(ctx.db, c.get('agency')!, year, {
      baseUrl: new URL(c.req.url).origin,
      fed: (await fedFor(c, year)).byItem,
    });
    return c.body(new Uint8Array(await linkSheetXlsx(rows, year)), 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="oit-links-${year}.xlsx"`,
      'X-Content-Type-Options': 'nosniff',
    });
  })
  .get('/new-year', requirePermission('disclosure.manage'), async (c) => {
    const year = await pickYear(c);
    const t = c.get('t');
    const diff = diffOitItems(year);
    const title = t('disclosure.newYear.title', { year });
    const list = (key: string, rows: string[]) =>
      rows.length > 0 && (
        <>
          <h3>{t(key)}</h3>
          <ul>
            {rows.map((r) => (
              <li>{r}</li>
            ))}
          </ul>
        </>
      );
    return c.render(
      <Layout title={title}>
        <PageHeader title={title} lead={t('disclosure.newYear.lead', { previous: year - 1 })} />
        <Notice />
        <YearPicker year={year} action={`${BASE}/new-year`} />
        <section class="card">
          <h2>{t('disclosure.newYear.changes', { previous: year - 1 })}</h2>
          {!diff ? (
            <p>{t('disclosure.newYear.noPrevious')}</p>
          ) : diff.added.length +
              diff.removed.length +
              diff.renamed.length +
              diff.renumbered.length ===
            0 ? (
            <p>{t('disclosure.newYear.noChanges')}</p>
          ) : (
            <>
              {list(
                'disclosure.newYear.added',
                diff.added.map((i) => `${i.code} ${i.nameTh}`),
              )}
              {list(
                'disclosure.newYear.removed',
                diff.removed.map((i) => `${i.code} ${i.nameTh}`),
              )}
              {list(
                'disclosure.newYear.renamed',
                diff.renamed.map((i) => `${i.code}: ${i.fromNameTh} → ${i.toNameTh}`),
              )}
              {list(
                'disclosure.newYear.renumbered',
                diff.renumbered.map((i) => `${i.fromCode} → ${i.toCode} ${i.nameTh}`),
              )}
            </>
          )}
        </section>
        {diff && (
          <PostForm action={`${BASE}/new-year`}>
            <input type="hidden" name="year" value={String(year)} />
            <button type="submit">{t('disclosure.newYear.start', { previous: year - 1 })}</button>
          </PostForm>
        )}
      </Layout>,
    );
  })
  .post('/new-year', requirePermission('disclosure.manage'), async (c) => {
    const form = await readForm(c, z.object({ year: z.coerce.number().int() }));
    if (
      !form.ok ||
      !listOitYears().includes(form.data.year) ||
      !listOitYears().includes(form.data.year - 1)
    ) {
      throw new NotFoundError();
    }
    await startFiscalYear(c.get('ctx'), form.data.year);
    return c.redirect(`${BASE}?year=${form.data.year}&notice=disclosure.newYear.started`, 303);
  })
  .get('/checker', requirePermission('disclosure.manage'), async (c) =>
    c.render(<CheckerPage year={await pickYear(c)} />),
  )
  .post('/checker', requirePermission('disclosure.manage'), async (c) => {
    const form = await readForm(
      c,
      z.object({
        url: z.url({ protocol: /^https?$/, error: 'disclosure.errors.badUrl' }),
        year: z.coerce.number().int(),
      }),
    );
    const year =
      form.ok && listOitYears().includes(form.data.year) ? form.data.year : await pickYear(c);
    // An early, friendly refusal; the crawler itself checks every connection and redirect.
    if (!form.ok || !(await isPublicTarget(form.data.url))) {
      c.status(422);
      return c.render(
        <CheckerPage
          year={year}
          url={String(form.values.url ?? '')}
          errors={form.ok ? { url: 'disclosure.errors.badUrl' } : form.errors}
        />,
      );
    }
    const report = await checkWebsite({
      url: form.data.url,
      fiscalYear: year,
      items: checkerItemsFromFramework(year),
      limits: CHECKER_LIMITS,
    });
    return c.render(<CheckerPage year={year} url={form.data.url} report={report} />);
  });
