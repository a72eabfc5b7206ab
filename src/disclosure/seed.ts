import { eq } from 'drizzle-orm';
import type { AgencyContext } from '../core/context.js';
import { scoped } from '../core/db/scoped.js';
import { agencies } from '../core/agencies/schema.js';
import { listUnits } from '../core/agencies/units.js';
import {
  disclosureEntries,
  disclosureExecutives,
  disclosureLaws,
  disclosureNews,
  disclosureQuestions,
  type EntryTable,
} from './schema.js';
import { listOitItems } from './oit-items.js';
import { sanitizeRichText } from './sanitize-rich-text.js';
import { writeEntryVersion } from './write-entry-version.js';
import { indexPosts, markSiteSearchStale } from './write-search-index.js';

const SEED_YEAR = 2566;
/** Said on every demo page: the content shows the shape, it is not the agency's record. */
const DEMO_NOTE = 'ข้อมูลตัวอย่างสำหรับสาธิตระบบ (demo) ไม่ใช่ข้อมูลจริงของหน่วยงาน';

/** Which unit usually answers for a sub-indicator in a เทศบาลตำบล. */
const UNIT_BY_SUB_INDICATOR: Record<string, string> = {
  '9.1': 'สำนักปลัด',
  '9.2': 'สำนักปลัด',
  '9.3': 'กองคลัง',
  '9.4': 'สำนักปลัด',
  '9.5': 'สำนักปลัด',
  '10.1': 'สำนักปลัด',
  '10.2': 'สำนักปลัด',
};

const MONTHS_2566 = [
  'ตุลาคม 2565',
  'พฤศจิกายน 2565',
  'ธันวาคม 2565',
  'มกราคม 2566',
  'กุมภาพันธ์ 2566',
  'มีนาคม 2566',
  'เมษายน 2566',
  'พฤษภาคม 2566',
  'มิถุนายน 2566',
];

function procurementTable(): EntryTable {
  return {
    columns: ['เดือน', 'จำนวนโครงการ', 'วงเงินรวม (บาท)', 'หมายเหตุ'],
    rows: MONTHS_2566.map((m, i) => [
      m,
      String(3 + (i % 4)),
      (120000 + i * 15500).toLocaleString('th-TH'),
      'ตัวอย่าง',
    ]),
  };
}

/**
 * Demo disclosure for เทศบาลตำบลโพธิ์ทอง, FY 2566: every OIT item published (so the readiness
 * dashboard shows 100, as the seed report's OIT 100.00), built from the agency's own rows
 * (units, contacts) and marked as demo everywhere. Idempotent: does nothing once entries exist.
 */
export async function seedDisclosure(ctx: AgencyContext): Promise<void> {
  const q = scoped(ctx.db, ctx.agencyId);
  const existing = await q.list(disclosureEntries, eq(disclosureEntries.fiscalYear, SEED_YEAR));
  const [agency] = await ctx.db.select().from(agencies).where(eq(agencies.id, ctx.agencyId));
  if (!agency) return;
  const units = await listUnits(ctx.db, ctx.agencyId);
  const unitId = (name: string) => units.find((u) => u.nameTh === name)?.id ?? null;
  const structure = `<ul>${units.map((u) => `<li>${u.nameTh}</li>`).join('')}</ul>`;
  const c = agency.contact;
  const contact = [
    c.address && `<p>ที่อยู่: ${c.address}</p>`,
    c.phone && `<p>โทรศัพท์: ${c.phone}</p>`,
    c.email && `<p>อีเมล: ${c.email}</p>`,
    c.mapUrl && `<p><a href="${c.mapUrl}">แผนที่</a></p>`,
  ]
    .filter(Boolean)
    .join('');
  const special: Record<string, string> = {
    โครงสร้าง: `<p>${agency.nameTh} แบ่งส่วนราชการเป็น ${units.length} ส่วน:</p>${structure}<p>ฝ่ายการเมือง: นายกเทศมนตรี รองนายกเทศมนตรี สภาเทศบาล; ฝ่ายประจำ: ปลัดเทศบาลและหัวหน้าส่วนราชการ</p>`,
    ข้อมูลการติดต่อ: contact,
    ข้อมูลผู้บริหาร: '<p>ดูหน้าผู้บริหาร (ฝ่ายการเมืองและฝ่ายประจำ) พร้อมช่องทางการติดต่อ</p>',
  };

  const seeded = new Set(existing.map((e) => e.itemCode));
  await ctx.db.transaction(async (tx) => {
    const t = scoped(tx, ctx.agencyId);
    for (const item of listOitItems(SEED_YEAR)) {
      if (seeded.has(item.code)) continue;
      const elements = item.requiredElements.length
        ? `<p>องค์ประกอบที่แสดง:</p><ul>${item.requiredElements.map((e) => `<li>${e}</li>`).join('')}</ul>`
        : '';
      const contentHtml = sanitizeRichText(
        `<p><strong>${DEMO_NOTE}</strong></p>` +
          (special[item.nameTh] ??
            `<p>${item.nameTh} ของ${agency.nameTh} ประจำปีงบประมาณ พ.ศ. ${SEED_YEAR}</p>`) +
          elements,
      );
      const table = item.nameTh.includes('รายเดือน') ? procurementTable() : null;
      const published = {
        contentHtml,
        links: [],
        table,
        responsibleUnitId: unitId(UNIT_BY_SUB_INDICATOR[item.subIndicator] ?? 'สำนักปลัด'),
        publishDate: '2023-03-15',
        documentIds: [],
        version: 1,
      };
      const [row] = await t.insert(disclosureEntries, {
        fiscalYear: SEED_YEAR,
        itemCode: item.code,
        contentHtml,
        table,
        responsibleUnitId: published.responsibleUnitId,
        publishDate: published.publishDate,
        status: 'published',
        version: 1,
        published,
        publishedAt: ctx.now(),
        isDemo: true,
      });
      await writeEntryVersion(tx, ctx, 'seed', null, row!);
    }
    if ((await t.list(disclosureNews)).length === 0) {
      await t.insert(disclosureNews, [
        {
          kind: 'news',
          titleTh: 'เทศบาลจัดกิจกรรมรณรงค์ No Gift Policy (ตัวอย่าง)',
          bodyHtml: `<p>${DEMO_NOTE}</p>`,
          publishedOn: '2023-01-20',
          isDemo: true,
        },
        {
          kind: 'announcement',
          titleTh: 'ประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง ปีงบประมาณ พ.ศ. 2566 (ตัวอย่าง)',
          bodyHtml: `<p>${DEMO_NOTE}</p>`,
          publishedOn: '2022-11-01',
          isDemo: true,
        },
        {
          kind: 'news',
          titleTh: 'ประชุมประชาคมหมู่บ้านเพื่อจัดทำแผนพัฒนาท้องถิ่น (ตัวอย่าง)',
          bodyHtml: `<p>${DEMO_NOTE}</p>`,
          publishedOn: '2023-02-10',
          isDemo: true,
        },
      ]);
    }
    if ((await t.list(disclosureQuestions)).length === 0) {
      await t.insert(disclosureQuestions, {
        questionTh: 'ขอรับแบบคำร้องขออนุญาตก่อสร้างอาคารได้ที่ไหน (ตัวอย่าง)',
        answerTh: 'ขอรับได้ที่กองช่าง หรือดาวน์โหลดจากหน้า E-Service (ข้อมูลตัวอย่าง)',
        askedOn: '2023-01-05',
        answeredOn: '2023-01-06',
        isDemo: true,
      });
    }
    if ((await t.list(disclosureLaws)).length === 0) {
      await t.insert(disclosureLaws, [
        { titleTh: 'พระราชบัญญัติเทศบาล พ.ศ. 2496', categoryTh: 'พระราชบัญญัติ', sortOrder: 1 },
        {
          titleTh: 'พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540',
          categoryTh: 'พระราชบัญญัติ',
          sortOrder: 2,
        },
        {
          titleTh: 'พระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560',
          categoryTh: 'พระราชบัญญัติ',
          sortOrder: 3,
        },
      ]);
    }
    if ((await t.list(disclosureExecutives)).length === 0) {
      await t.insert(disclosureExecutives, [
        {
          nameTh: 'นายตัวอย่าง ใจดี (ตัวอย่าง)',
          positionTh: 'นายกเทศมนตรีตำบลโพธิ์ทอง',
          branch: 'political',
          phone: c.phone ?? null,
          sortOrder: 1,
          isDemo: true,
        },
        {
          nameTh: 'นางสาวสาธิต ระบบ (ตัวอย่าง)',
          positionTh: 'ปลัดเทศบาลตำบลโพธิ์ทอง',
          branch: 'civil_service',
          phone: c.phone ?? null,
          sortOrder: 2,
          isDemo: true,
        },
      ]);
    }
    // The demo site is searchable from the first visit: posts now, the computed pages
    // (OIT items with other modules' feeds) on the first search.
    await indexPosts(tx, agency.id);
    await markSiteSearchStale(tx, agency.id);
  });
}
