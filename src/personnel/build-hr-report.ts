import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.js';
import { scoped } from '../core/db/scoped.js';
import { agencies } from '../core/agencies/schema.js';
import type { OfficialDocumentInput } from '../core/documents/document-model.js';
import { buildOfficialDocx } from '../core/documents/docx.js';
import { renderDocumentToPdf } from '../core/documents/pdf.js';
import { translate } from '../core/i18n/i18n.js';
import { formatNumberTh, formatThaiDate } from '../core/i18n/thai-format.js';
import { listHearings, listPlan, trainingSummary } from './queries.js';
import { people, STAFF_TYPES, trainings } from './schema.js';

const t = (key: string, params?: Record<string, unknown>) => translate('th', key, params);
const n = (value: number) => formatNumberTh(value, { maximumFractionDigits: 1 });

/**
 * รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี (OIT O15 from 2568): what the seed's HR measures
 * promise as evidence, from what was recorded in the year: the roster by staff type, the
 * training hours (per course and in total), the staff hearing meetings and the HR plan's
 * progress. Nothing here names a person: the OIT report is public.
 */
export async function hrReportModel(
  db: DbOrTx,
  agencyId: string,
  year: number,
  now: Date,
): Promise<OfficialDocumentInput> {
  const q = scoped(db, agencyId);
  const [[agency], roster, yearTrainings, summary, meetings, plan] = await Promise.all([
    db.select().from(agencies).where(eq(agencies.id, agencyId)),
    q.list(people),
    q.list(trainings, eq(trainings.fiscalYear, year)),
    trainingSummary(db, agencyId, year),
    listHearings(db, agencyId, year),
    listPlan(db, agencyId, year),
  ]);
  const agencyName = agency?.nameTh ?? '';
  const title = t('personnel.report.title', { year });
  const courses = new Map<string, { people: Set<string>; hours: number }>();
  for (const r of yearTrainings) {
    const c = courses.get(r.course) ?? { people: new Set<string>(), hours: 0 };
    c.people.add(r.personId);
    c.hours += Number(r.hours);
    courses.set(r.course, c);
  }
  const none = [[t('personnel.report.none'), '', '']];
  return {
    title,
    thaiDigits: true,
    author: agencyName,
    sections: [
      { kind: 'heading', level: 1, text: title },
      { kind: 'paragraph', text: agencyName, align: 'center', indentFirstLine: false },
      { kind: 'heading', level: 2, text: t('personnel.report.rosterHeading') },
      {
        kind: 'table',
        columns: [
          { header: t('personnel.roster.staffType'), width: 4 },
          { header: t('personnel.report.count'), width: 1.5, align: 'right' },
        ],
        rows: [
          ...STAFF_TYPES.map((type) => [
            t(`personnel.staffTypes.${type}`),
            n(roster.filter((p) => p.staffType === type).length),
          ]),
          [t('personnel.report.total'), n(roster.length)],
        ],
      },
      { kind: 'heading', level: 2, text: t('personnel.report.trainingHeading') },
      {
        kind: 'paragraph',
        text: t('personnel.roster.summary', {
          trained: n(summary.trained),
          people: n(summary.people),
          hours: n(summary.totalHours),
          average: n(summary.averageHours),
        }),
      },
      {
        kind: 'table',
        columns: [
          { header: t('personnel.training.course'), width: 4 },
          { header: t('personnel.report.attendees'), width: 1.3, align: 'right' },
          { header: t('personnel.report.hours'), width: 1.3, align: 'right' },
        ],
        rows:
          courses.size === 0
            ? none
            : [...courses].map(([course, c]) => [course, n(c.people.size), n(c.hours)]),
      },
      { kind: 'heading', level: 2, text: t('personnel.report.hearingsHeading') },
      {
        kind: 'table',
        columns: [
          { header: t('personnel.hearings.heldOn'), width: 1.6 },
          { header: t('personnel.hearings.attendees'), width: 1.2, align: 'right' },
          { header: t('personnel.hearings.issues'), width: 3 },
          { header: t('personnel.hearings.answers'), width: 3 },
        ],
        rows:
          meetings.length === 0
            ? [[t('personnel.report.none'), '', '', '']]
            : meetings.map((h) => [
                formatThaiDate(new Date(`${h.heldOn}T12:00:00+07:00`), { style: 'long' }),
                n(h.attendees),
                h.issues,
                h.answers,
              ]),
      },
      { kind: 'heading', level: 2, text: t('personnel.report.planHeading') },
      {
        kind: 'table',
        columns: [
          { header: t('personnel.plan.activity'), width: 3 },
          { header: t('personnel.plan.target'), width: 2 },
          { header: t('personnel.plan.owner'), width: 1.5 },
          { header: t('personnel.plan.progress'), width: 1.1, align: 'right' },
          { header: t('personnel.plan.result'), width: 2.5 },
        ],
        rows:
          plan.length === 0
            ? [[t('personnel.report.none'), '', '', '', '']]
            : plan.map((a) => [a.title, a.target, a.owner, `${n(a.progress)}%`, a.result]),
      },
      {
        kind: 'paragraph',
        text: t('personnel.report.madeOn', { date: formatThaiDate(now, { style: 'long' }) }),
        align: 'right',
        indentFirstLine: false,
      },
    ],
  };
}

/** The report as DOCX or PDF (one document model, core/documents). */
export async function renderHrReport(
  db: DbOrTx,
  agencyId: string,
  year: number,
  format: 'docx' | 'pdf',
  now: Date,
): Promise<Buffer> {
  const model = await hrReportModel(db, agencyId, year, now);
  return format === 'pdf' ? renderDocumentToPdf(model) : buildOfficialDocx(model);
}
