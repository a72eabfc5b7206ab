import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.js';
import { scoped } from '../core/db/scoped.js';
import { NotFoundError } from '../core/errors.js';
import type { OfficialDocumentInput } from '../core/documents/document-model.js';
import { formatThaiDate } from '../core/i18n/thai-format.js';
import { translate } from '../core/i18n/i18n.js';
import { getRequest } from './queries.js';
import { eserviceNotices } from './schema.js';

const t = (key: string, params?: Record<string, unknown>) => translate('th', key, params);

/**
 * หนังสือแจ้งความล่าช้า: the printable letter of a request's latest delay notice, for a requester
 * who gave no e-mail (พ.ร.บ.การอำนวยความสะดวกฯ พ.ศ. 2558 ม.10: past the manual's time the
 * requester is told the delay every 7 days). One document model, so the same letter could
 * be DOCX; 404 while no notice was due.
 */
export async function delayLetterModel(
  db: DbOrTx,
  agency: { id: string; nameTh: string },
  requestId: string,
): Promise<OfficialDocumentInput> {
  const { request, manual } = await getRequest(db, agency.id, requestId);
  const [notice] = await scoped(db, agency.id).list(
    eserviceNotices,
    and(eq(eserviceNotices.requestId, request.id), eq(eserviceNotices.kind, 'delay'))!,
    desc(eserviceNotices.period),
  );
  if (!notice) throw new NotFoundError('eservice.errors.noDelayNotice');
  const date = (d: Date) => formatThaiDate(d, { style: 'long' });
  return {
    title: t('eservice.letter.title'),
    thaiDigits: true,
    sections: [
      { kind: 'paragraph', text: agency.nameTh, align: 'right', indentFirstLine: false },
      { kind: 'paragraph', text: date(notice.sentAt), align: 'right', indentFirstLine: false },
      {
        kind: 'paragraph',
        text: t('eservice.letter.subject', { code: request.trackingCode }),
        indentFirstLine: false,
      },
      {
        kind: 'paragraph',
        text: t('eservice.letter.to', { name: request.requesterName }),
        indentFirstLine: false,
      },
      {
        kind: 'paragraph',
        text: t('eservice.letter.body', {
          service: manual.name,
          filed: date(request.queuedAt),
          due: date(request.dueAt),
          period: notice.period,
        }),
      },
      {
        kind: 'paragraph',
        text: t('eservice.notice.delayText', {
          agency: agency.nameTh,
          link: t('eservice.letter.trackHint', { code: request.trackingCode }),
        }),
      },
      { kind: 'signature', lines: [t('eservice.letter.regards'), `(${agency.nameTh})`] },
    ],
  };
}
