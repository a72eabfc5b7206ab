import { defineCommand } from '../core/cli/command.js';
import type { Database } from '../core/db/client.js';
import { agencies } from '../core/agencies/schema.js';
import { findAgencyBySlug } from '../core/agencies/find-agency.js';
import { disclosurePublicContent } from './read-public-content.js';
import { reindexSiteSearch } from './reindex-site-search.js';

/** `prongsai oit reindex`: rebuilds the public sites' search index (after an upgrade, a restore). */
export const reindexCommand = defineCommand({
  name: 'oit reindex',
  summary: 'สร้างดัชนีค้นหาของเว็บไซต์หน่วยงานใหม่ / rebuild the public site search index',
  usage: 'prongsai oit reindex [--agency SLUG]',
  help: 'ไม่ระบุ --agency = ทุกหน่วยงาน; หน้าที่ไม่เปลี่ยนจะไม่ถูกตัดคำซ้ำ / all agencies by default',
  options: { agency: { type: 'string' } },
  run: async ({ values }, io, deps) => {
    const database = (await deps.openDb()) as Database;
    const rows = values.agency
      ? [await findAgencyBySlug(database.db, String(values.agency))]
      : await database.db.select().from(agencies);
    if (rows[0] === null) {
      io.err(`ไม่พบหน่วยงาน ${String(values.agency)} / no agency ${String(values.agency)}\n`);
      return 1;
    }
    for (const agency of rows) {
      if (!agency) continue;
      const started = performance.now();
      const pages = await reindexSiteSearch({
        q: { db: database.db, agencyId: agency.id, agencySlug: agency.slug },
        agency,
        content: disclosurePublicContent,
        modules: deps.modules ?? [],
        now: new Date(),
      });
      const ms = Math.round(performance.now() - started);
      io.out(`${agency.slug}: ${pages} หน้า / pages (${ms} ms)\n`);
    }
    return 0;
  },
});
