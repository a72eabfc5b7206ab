import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defineCommand, type CliCommand } from '../core/cli/command.js';
import type { Database } from '../core/db/client.js';
import { SYSTEM_ACTOR } from '../core/context.js';
import { findAgencyBySlug } from '../core/agencies/find-agency.js';
import { loadConfig } from '../core/config/config.js';
import { closeBrowser } from '../core/documents/chromium.js';
import { buildAllLeafletPdfs } from './publish-leaflet.js';

const leafletsCommand = defineCommand({
  name: 'eservice leaflets',
  summary: 'เขียนแผ่นพับ PDF ของทุกงานบริการ / write every service leaflet as PDF',
  usage: 'prongsai eservice leaflets --agency SLUG --out DIR',
  options: { agency: { type: 'string' }, out: { type: 'string' } },
  run: async ({ values }, io, deps) => {
    if (!values.agency || !values.out) {
      io.err('ต้องระบุ --agency และ --out / --agency and --out are required\n');
      return 2;
    }
    const database = (await deps.openDb()) as Database;
    const agency = await findAgencyBySlug(database.db, String(values.agency));
    if (!agency) {
      io.err(`ไม่พบหน่วยงาน ${String(values.agency)} / no agency ${String(values.agency)}\n`);
      return 1;
    }
    const ctx = {
      db: database.db,
      agencyId: agency.id,
      actor: { ...SYSTEM_ACTOR, label: 'cli' },
      locale: 'th' as const,
      now: () => new Date(),
    };
    try {
      const leaflets = await buildAllLeafletPdfs(ctx, {
        baseUrl: loadConfig().baseUrl ?? 'http://localhost:3000',
      });
      await mkdir(String(values.out), { recursive: true });
      for (const { code, pdf } of leaflets) {
        const file = path.join(String(values.out), `${code}.pdf`);
        await writeFile(file, pdf);
        io.out(`${file} (${pdf.byteLength} bytes)\n`);
      }
    } finally {
      await closeBrowser();
    }
    return 0;
  },
});

/** `prongsai eservice …` commands. */
export const eserviceCommands: CliCommand[] = [leafletsCommand];
