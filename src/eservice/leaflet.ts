import type { OfficialDocumentInput, SectionInput } from '../core/documents/document-model.js';
import { qrSvg } from '../core/documents/qr-code.js';
import { translate } from '../core/i18n/i18n.js';
import { bahtText, totalDuration, type Manual } from './manual.js';

export interface LeafletData {
  manual: Manual;
  agencyName: string;
  /** The online form's address for the QR code; absent when the service is counter-only. */
  requestUrl: string | null;
  unitName: (id: string | null) => string;
}

const t = (key: string, params?: Record<string, unknown>) => translate('th', key, params);
const durationText = (value: number, unit: string) => `${value} ${t(`eservice.unit.${unit}`)}`;

/**
 * One service's A4 leaflet (the seed's measure 1.3: manuals turned into leaflets): the steps as
 * a numbered flow with each time and unit, the total, the documents, the fees (or "ไม่มี
 * ค่าธรรมเนียม"), the complaint channels and a QR code to the online form. Plain data, so the
 * same model gives the PDF and the DOCX.
 */
export async function leafletSections(data: LeafletData): Promise<SectionInput[]> {
  const m = data.manual;
  const total = totalDuration(m);
  const sections: SectionInput[] = [
    { kind: 'heading', level: 1, text: m.name },
    { kind: 'paragraph', text: data.agencyName, align: 'center', indentFirstLine: false },
    { kind: 'heading', level: 2, text: t('eservice.public.steps') },
    {
      kind: 'table',
      columns: [
        { header: t('eservice.public.step'), width: 4 },
        { header: t('eservice.public.time'), width: 1.5, align: 'center' },
        { header: t('eservice.public.responsible'), width: 2 },
      ],
      rows: [
        ...m.steps.map((s, i) => [
          `${i + 1}. ${s.title}${i < m.steps.length - 1 ? ' ↓' : ''}`,
          durationText(s.duration, s.durationUnit),
          data.unitName(s.unitId),
        ]),
        [t('eservice.public.totalTime'), durationText(total.value, total.unit), ''],
      ],
    },
    { kind: 'heading', level: 2, text: t('eservice.public.documents') },
    m.documents.length === 0
      ? { kind: 'paragraph', text: t('eservice.public.noDocuments'), indentFirstLine: false }
      : {
          kind: 'list',
          items: m.documents.map(
            (d) => `${d.name} ${t('eservice.public.copies', { copies: d.copies })}`,
          ),
        },
    { kind: 'heading', level: 2, text: t('eservice.public.fees') },
    m.fees.length === 0
      ? { kind: 'paragraph', text: t('eservice.public.noFees'), indentFirstLine: false }
      : {
          kind: 'list',
          ordered: false,
          items: m.fees.map(
            (f) =>
              `${f.description}: ${t('eservice.public.feeAmount', { amount: bahtText(f.amountSatang) })}`,
          ),
        },
  ];
  if (m.complaintChannels.length > 0) {
    sections.push(
      { kind: 'heading', level: 2, text: t('eservice.public.complaints') },
      { kind: 'list', ordered: false, items: m.complaintChannels },
    );
  }
  if (data.requestUrl) {
    sections.push({
      kind: 'image',
      svg: await qrSvg(data.requestUrl),
      alt: `${t('eservice.public.fileOnline')}: ${data.requestUrl}`,
      caption: `${t('eservice.public.fileOnline')}: ${data.requestUrl}`,
      widthCm: 4,
    });
  }
  return sections;
}

/** Leaflets as one document: one service, or every service with a page break between. */
export async function leafletDocument(items: LeafletData[]): Promise<OfficialDocumentInput> {
  const sections: SectionInput[] = [];
  for (const [i, item] of items.entries()) {
    if (i > 0) sections.push({ kind: 'pageBreak' });
    sections.push(...(await leafletSections(item)));
  }
  return {
    title: items.length === 1 ? items[0]!.manual.name : t('eservice.public.title'),
    pageNumbers: false,
    sections,
  };
}
