import { defineCommand, type CliCommand } from './command.js';
import type { Database } from '../db/client.js';
import { backupDatabase, restoreDatabase } from '../db/backup.js';
import { loadConfig } from '../config/config.js';
import { verifyAuditChain } from '../audit/audit.js';
import { SYSTEM_ACTOR, type AppContext } from '../context.js';
import { createAgency, DEFAULT_MUNICIPAL_UNITS } from '../agencies/create-agency.js';
import { createStaffMember, createUser } from '../agencies/staff-members.js';
import { findAgencyBySlug } from '../agencies/find-agency.js';
import { AppError } from '../errors.js';
import { translate } from '../i18n/i18n.js';
import { ZodError } from 'zod';

/**
 * The context a command acts in: the system actor (a shell on the server already holds every
 * right), labelled with the operator's login so the audit log still says who ran it.
 */
function cliContext(database: Database): AppContext {
  return {
    db: database.db,
    actor: { ...SYSTEM_ACTOR, label: `cli:${process.env.USER ?? 'operator'}` },
    locale: 'th',
    now: () => new Date(),
  };
}

/** Turns use-case errors into a Thai+English message and exit code 2 (bad input). */
export function describeError(error: unknown): string | null {
  if (error instanceof AppError) {
    return `${translate('th', error.messageKey, error.details)} / ${translate('en', error.messageKey, error.details)}`;
  }
  if (error instanceof ZodError) {
    return error.issues
      .map(
        (i) =>
          `${i.path.join('.') || 'input'}: ${translate('th', i.message)} / ${translate('en', i.message)}`,
      )
      .join('\n');
  }
  return null;
}

export const coreCommands: CliCommand[] = [
  defineCommand({
    name: 'migrate',
    summary: 'ปรับโครงสร้างฐานข้อมูลให้เป็นรุ่นล่าสุด / apply database migrations',
    usage: 'prongsai migrate',
    run: async (_args, io, deps) => {
      await deps.openDb();
      io.out('ฐานข้อมูลเป็นรุ่นล่าสุดแล้ว / database is up to date\n');
      return 0;
    },
  }),
  defineCommand({
    name: 'agency create',
    summary: 'สร้างหน่วยงานใหม่ / create an agency',
    usage:
      'prongsai agency create --slug SLUG --name-th "ชื่อ" [--province-th …] [--district-th …] [--units "สำนักปลัด,กองคลัง"]',
    options: {
      slug: { type: 'string' },
      'name-th': { type: 'string' },
      'name-en': { type: 'string' },
      'kind-th': { type: 'string' },
      'subdistrict-th': { type: 'string' },
      'district-th': { type: 'string' },
      'province-th': { type: 'string' },
      units: { type: 'string' },
    },
    help: `Without --units the usual municipal units are created: ${DEFAULT_MUNICIPAL_UNITS.join(', ')}`,
    run: async ({ values }, io, deps) => {
      const database = (await deps.openDb()) as Database;
      try {
        const agency = await createAgency(cliContext(database), {
          slug: String(values.slug ?? ''),
          nameTh: String(values['name-th'] ?? ''),
          nameEn: values['name-en'] as string | undefined,
          kindTh: values['kind-th'] as string | undefined,
          subdistrictTh: values['subdistrict-th'] as string | undefined,
          districtTh: values['district-th'] as string | undefined,
          provinceTh: values['province-th'] as string | undefined,
          unitsTh:
            typeof values.units === 'string'
              ? values.units
                  .split(',')
                  .map((s) => s.trim())
                  .filter(Boolean)
              : DEFAULT_MUNICIPAL_UNITS,
        });
        io.out(
          `สร้างหน่วยงาน ${agency.nameTh} (${agency.slug}) แล้ว / agency created: ${agency.id}\n`,
        );
        return 0;
      } catch (error) {
        const message = describeError(error);
        if (!message) throw error;
        io.err(message + '\n');
        return 2;
      }
    },
  }),
  defineCommand({
    name: 'user create',
    summary: 'สร้างบัญชีผู้ใช้ และเพิ่มเป็นบุคลากรของหน่วยงาน / create a user (and staff membership)',
    usage:
      'prongsai user create --email E --name "ชื่อ" --password P [--agency SLUG --role agency_admin] [--instance-admin]',
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      agency: { type: 'string' },
      role: { type: 'string', multiple: true },
      'instance-admin': { type: 'boolean' },
    },
    help: 'Roles: agency_admin, unit_officer, executive, complaint_officer (repeat --role for several).',
    run: async ({ values }, io, deps) => {
      const database = (await deps.openDb()) as Database;
      const ctx = cliContext(database);
      try {
        if (values.agency) {
          const agency = await findAgencyBySlug(database.db, String(values.agency));
          if (!agency) {
            io.err(`ไม่พบหน่วยงาน ${String(values.agency)} / no such agency\n`);
            return 2;
          }
          const { user } = await createStaffMember(
            { ...ctx, agencyId: agency.id },
            {
              email: String(values.email ?? ''),
              displayName: String(values.name ?? values.email ?? ''),
              roles: ((values.role as string[] | undefined) ?? ['unit_officer']) as never,
              password: String(values.password ?? ''),
            },
          );
          io.out(`เพิ่มผู้ใช้ ${user.email} เป็นบุคลากรของ ${agency.nameTh} แล้ว / user added\n`);
        } else {
          const user = await createUser(ctx, {
            email: String(values.email ?? ''),
            displayName: String(values.name ?? values.email ?? ''),
            password: String(values.password ?? ''),
            isInstanceAdmin: values['instance-admin'] === true,
          });
          io.out(
            `สร้างผู้ใช้ ${user.email} แล้ว / user created${user.isInstanceAdmin ? ' (instance admin)' : ''}\n`,
          );
        }
        return 0;
      } catch (error) {
        const message = describeError(error);
        if (!message) throw error;
        io.err(message + '\n');
        return 2;
      }
    },
  }),
  defineCommand({
    name: 'backup',
    summary: 'สำรองข้อมูลทั้งหมดเป็นไฟล์ / write a portable backup file',
    usage: 'prongsai backup FILE',
    allowPositionals: true,
    help: 'The file (gzipped JSON lines) holds every row and every stored file (DATA_DIR/files); it restores into PGlite or PostgreSQL alike.',
    run: async ({ positionals }, io, deps) => {
      const file = positionals[0];
      if (!file) {
        io.err('กรุณาระบุชื่อไฟล์ / give a file name: prongsai backup FILE\n');
        return 2;
      }
      const database = (await deps.openDb()) as Database;
      const result = await backupDatabase(database, file, { dataDir: loadConfig().dataDir });
      io.out(
        `สำรองข้อมูลแล้ว ${result.rows} แถว จาก ${result.tables} ตาราง และ ${result.files} ไฟล์ → ${file}\n`,
      );
      return 0;
    },
  }),
  defineCommand({
    name: 'restore',
    summary: 'กู้คืนข้อมูลจากไฟล์สำรองลงฐานข้อมูลว่าง / restore a backup into an empty database',
    usage: 'prongsai restore FILE',
    allowPositionals: true,
    run: async ({ positionals }, io, deps) => {
      const file = positionals[0];
      if (!file) {
        io.err('กรุณาระบุชื่อไฟล์ / give a file name: prongsai restore FILE\n');
        return 2;
      }
      const database = (await deps.openDb()) as Database;
      try {
        const result = await restoreDatabase(database, file, { dataDir: loadConfig().dataDir });
        io.out(
          `กู้คืนข้อมูลแล้ว ${result.rows} แถว ${result.files} ไฟล์ / restored ${result.rows} rows, ${result.files} files\n`,
        );
        return 0;
      } catch (error) {
        io.err(`${(error as Error).message}\n`);
        return 2;
      }
    },
  }),
  defineCommand({
    name: 'audit verify',
    summary: 'ตรวจความถูกต้องของบันทึกการตรวจสอบ / verify the audit hash chain',
    usage: 'prongsai audit verify [--agency SLUG]',
    options: { agency: { type: 'string' } },
    run: async ({ values }, io, deps) => {
      const database = (await deps.openDb()) as Database;
      let agencyId: string | undefined;
      if (values.agency) {
        const agency = await findAgencyBySlug(database.db, String(values.agency));
        if (!agency) {
          io.err(`ไม่พบหน่วยงาน ${String(values.agency)} / no such agency\n`);
          return 2;
        }
        agencyId = agency.id;
      }
      const result = await verifyAuditChain(database.db, { agencyId });
      if (result.ok) {
        io.out(
          `บันทึกการตรวจสอบถูกต้องครบถ้วน ${result.checked} รายการ / audit chain intact (${result.checked} entries)\n`,
        );
        return 0;
      }
      io.err(`ตรวจพบการแก้ไขหรือลบบันทึก / audit chain BROKEN: ${result.problems.length} problem(s)\n`);
      for (const p of result.problems.slice(0, 50)) {
        io.err(`  agency ${p.agencyId} seq ${p.seq}: ${p.problem}\n`);
      }
      return 1;
    },
  }),
];
