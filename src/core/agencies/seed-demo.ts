import { eq } from 'drizzle-orm';
import type { AgencyContext, AppContext } from '../context.js';
import type { ModuleManifest } from '../module.js';
import { FAST_HASH_COST } from '../auth/password.js';
import { agencies } from './schema.js';
import { createAgency } from './create-agency.js';
import { createStaffMember } from './staff-members.js';
import { updateAgency } from './update-agency.js';
import { listUnits } from './units.js';

export const DEMO_AGENCY_SLUG = 'phothong';
/** Printed by the README and at first start; change them before going live. */
export const DEMO_PASSWORD = 'phothong-demo-2566';
export const DEMO_ACCOUNTS = [
  {
    email: 'admin@phothong.example',
    displayName: 'ผู้ดูแลระบบ เทศบาลตำบลโพธิ์ทอง',
    roles: ['agency_admin'],
    unit: 'สำนักปลัด',
    position: 'นักวิชาการคอมพิวเตอร์',
  },
  {
    email: 'mayor@phothong.example',
    displayName: 'นายกเทศมนตรีตำบลโพธิ์ทอง',
    roles: ['executive'],
    unit: null,
    position: 'นายกเทศมนตรี',
  },
  {
    email: 'palad@phothong.example',
    displayName: 'ปลัดเทศบาลตำบลโพธิ์ทอง',
    roles: ['executive', 'unit_officer'],
    unit: 'สำนักปลัด',
    position: 'ปลัดเทศบาล',
  },
  {
    email: 'officer@phothong.example',
    displayName: 'เจ้าหน้าที่กองคลัง',
    roles: ['unit_officer'],
    unit: 'กองคลัง',
    position: 'นักวิชาการเงินและบัญชี',
  },
  {
    email: 'complaints@phothong.example',
    displayName: 'เจ้าหน้าที่ศูนย์รับเรื่องร้องเรียน',
    roles: ['complaint_officer'],
    unit: 'สำนักปลัด',
    position: 'นิติกร',
  },
] as const;

/**
 * Loads the demo agency (เทศบาลตำบลโพธิ์ทอง, อำเภอศรีสมเด็จ จังหวัดร้อยเอ็ด) with its units,
 * demo staff and every module's demo data. Safe to run again: it does nothing for parts
 * that exist.
 */
export async function seedDemoAgency(
  ctx: AppContext,
  modules: readonly ModuleManifest[],
  options: { dataDir?: string } = {},
): Promise<{ created: boolean }> {
  let [agency] = await ctx.db.select().from(agencies).where(eq(agencies.slug, DEMO_AGENCY_SLUG));
  const created = !agency;
  if (!agency) {
    agency = await createAgency(ctx, {
      slug: DEMO_AGENCY_SLUG,
      nameTh: 'เทศบาลตำบลโพธิ์ทอง',
      nameEn: 'Phothong Subdistrict Municipality',
      kindTh: 'เทศบาลตำบล',
      subdistrictTh: 'โพธิ์ทอง',
      districtTh: 'ศรีสมเด็จ',
      provinceTh: 'ร้อยเอ็ด',
      unitsTh: ['สำนักปลัด', 'กองคลัง', 'กองช่าง', 'กองการศึกษา', 'กองสาธารณสุขและสิ่งแวดล้อม'],
    });
    const agencyCtx: AgencyContext = { ...ctx, agencyId: agency.id };
    await updateAgency(agencyCtx, {
      nameTh: agency.nameTh,
      nameEn: agency.nameEn,
      kindTh: agency.kindTh,
      subdistrictTh: agency.subdistrictTh,
      districtTh: agency.districtTh,
      provinceTh: agency.provinceTh,
      address: 'สำนักงานเทศบาลตำบลโพธิ์ทอง ตำบลโพธิ์ทอง อำเภอศรีสมเด็จ จังหวัดร้อยเอ็ด 45280',
      phone: '043-000-000',
      email: 'saraband_05451607@dla.go.th',
      website: 'http://www.phothong-roiet.go.th',
      mapUrl:
        'https://www.openstreetmap.org/search?query=%E0%B9%82%E0%B8%9E%E0%B8%98%E0%B8%B4%E0%B9%8C%E0%B8%97%E0%B8%AD%E0%B8%87%20%E0%B8%A8%E0%B8%A3%E0%B8%B5%E0%B8%AA%E0%B8%A1%E0%B9%80%E0%B8%94%E0%B9%87%E0%B8%88',
      facebook: 'https://www.facebook.com/',
    });
    const unitList = await listUnits(ctx.db, agency.id);
    for (const account of DEMO_ACCOUNTS) {
      await createStaffMember(
        agencyCtx,
        {
          email: account.email,
          displayName: account.displayName,
          roles: [...account.roles],
          unitId: unitList.find((u) => u.nameTh === account.unit)?.id ?? '',
          positionTh: account.position,
          password: DEMO_PASSWORD,
        },
        // Demo accounts only; real accounts use the full scrypt cost.
        FAST_HASH_COST,
      );
    }
  }
  const agencyCtx: AgencyContext = { ...ctx, agencyId: agency.id };
  for (const module of modules) {
    if (module.seed) await module.seed(agencyCtx, options);
  }
  return { created };
}
