import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, like } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { createUser } from '../core/agencies/staff-members.js';
import { createSession, SESSION_COOKIE } from '../core/auth/sessions.js';
import { CSRF_COOKIE } from '../core/http/middleware.js';
import { FAST_HASH_COST } from '../core/auth/password.js';
import { auditLog } from '../core/audit/schema.js';
import { frameworkCommand } from './framework-command.js';
import { getFramework, listFrameworkYears, frameworkOrigin } from './frameworks/load-frameworks.js';
import {
  decideFrameworkVersion,
  FrameworkFileRefusedError,
  importFrameworkFile,
  loadImportedFrameworks,
} from './framework-versions.js';
import { assessmentFrameworkVersions } from './schema.js';

/** A 2571 framework made from the shipped 2570 one, with one OIT item renamed. */
function framework2571(rename = 'ข้อมูลการติดต่อหน่วยงาน') {
  const f = structuredClone(getFramework(2570)) as Record<string, unknown> & {
    fiscalYear: number;
    titleTh: string;
    oitItems: { code: string; nameTh: string }[];
    itemMapping: { fromYear: number };
  };
  f.fiscalYear = 2571;
  f.titleTh = f.titleTh.replace('2570', '2571');
  f.itemMapping.fromYear = 2570;
  f.oitItems.find((i) => i.code === 'o3')!.nameTh = rename;
  return f;
}
const bytesOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

void describe('imported frameworks', () => {
  let t: TestContext;
  let admin: { cookie: string; csrfToken: string; userId: string; headers: { cookie: string } };
  before(async () => {
    t = await createTestContext();
    const user = await createUser(
      t.systemCtx,
      {
        email: 'root@example.org',
        displayName: 'ผู้ดูแลระบบ',
        password: 'root-password-1',
        isInstanceAdmin: true,
      },
      FAST_HASH_COST,
    );
    const token = await createSession(t.database.db, user.id, null, new Date());
    const csrfToken = 'c'.repeat(43);
    const cookie = `${SESSION_COOKIE}=${token}; ${CSRF_COOKIE}=${csrfToken}`;
    admin = { cookie, csrfToken, userId: user.id, headers: { cookie } };
  });
  after(() => t.close());

  const versions = () => t.database.db.select().from(assessmentFrameworkVersions);

  void it('refuses a bad file whole, naming every path in Thai and English', async () => {
    const bad = framework2571() as unknown as Record<string, unknown> & {
      tools: { weight: number }[];
    };
    // Cross-checks run on a file whose shape is right; each problem comes with its path.
    bad.tools[0]!.weight = 0.5; // weights no longer sum to 1
    (bad.oitItems as { subIndicator: string }[])[0]!.subIndicator = '9.9';
    const shape = framework2571() as Record<string, unknown>;
    delete shape.titleTh;
    shape.target = 'สูง';
    for (const [file, expected] of [
      [bad, ['tools', 'oitItems.0.subIndicator']],
      [shape, ['titleTh', 'target']],
    ] as const) {
      await assert.rejects(
        importFrameworkFile(t.systemCtx, { fileName: 'bad.json', bytes: bytesOf(file) }),
        (error: unknown) => {
          assert.ok(error instanceof FrameworkFileRefusedError);
          const paths = error.issues.map((i) => i.path);
          for (const path of expected) assert.ok(paths.includes(path), paths.join(','));
          for (const issue of error.issues) {
            assert.match(issue.messageTh, /[\u0E00-\u0E7F]/, `${issue.path} has Thai`);
            assert.match(issue.messageEn, /[a-z]/, `${issue.path} has English`);
          }
          return true;
        },
      );
    }
    await assert.rejects(
      importFrameworkFile(t.systemCtx, { fileName: 'x.json', bytes: bytesOf('{') }),
      FrameworkFileRefusedError,
    );
    assert.equal((await versions()).length, 0);
  });

  void it('refuses anyone but an instance administrator', async () => {
    await assert.rejects(
      importFrameworkFile(t.ctx, { fileName: 'f.json', bytes: bytesOf(framework2571()) }),
      { code: 'FORBIDDEN' },
    );
    const staff = await t.loginAs('agency_admin');
    assert.equal((await t.get('/admin/assessment/frameworks', staff)).status, 403);
    const res = await t.get('/admin/assessment/frameworks');
    assert.equal(res.status, 303);
  });

  void it('keeps a pending import out of use until accepted, then prefers it to any file', async () => {
    const row = await importFrameworkFile(t.systemCtx, {
      fileName: 'fy2571.json',
      bytes: bytesOf(framework2571()),
    });
    assert.equal(row.status, 'pending');
    assert.ok(!listFrameworkYears().includes(2571));
    await decideFrameworkVersion(t.systemCtx, row.id, 'accepted');
    assert.ok(listFrameworkYears().includes(2571));
    assert.equal(frameworkOrigin(2571), 'imported');
    assert.equal(
      getFramework(2571).oitItems.find((i) => i.code === 'o3')!.nameTh,
      'ข้อมูลการติดต่อหน่วยงาน',
    );
    await assert.rejects(decideFrameworkVersion(t.systemCtx, row.id, 'discarded'), {
      code: 'CONFLICT',
    });

    // A shipped year replaced by an import: the import wins everywhere getFramework is read.
    const f2570 = structuredClone(getFramework(2570));
    f2570.oitItems[0]!.nameTh = 'โครงสร้างและอำนาจหน้าที่ (ฉบับนำเข้า)';
    const v2570 = await importFrameworkFile(t.systemCtx, {
      fileName: 'fy2570.json',
      bytes: bytesOf(f2570),
    });
    await decideFrameworkVersion(t.systemCtx, v2570.id, 'accepted');
    assert.equal(getFramework(2570).oitItems[0]!.nameTh, 'โครงสร้างและอำนาจหน้าที่ (ฉบับนำเข้า)');
    const page = await (
      await t.get('/staff/assessment/frameworks/2570', await t.loginAs('agency_admin'))
    ).text();
    assert.match(page, /ฉบับนำเข้า/);

    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(like(auditLog.action, 'assessment.framework.%'));
    assert.deepEqual(audits.map((a) => a.action).sort(), [
      'assessment.framework.accept',
      'assessment.framework.accept',
      'assessment.framework.import',
      'assessment.framework.import',
    ]);
    // Another process on the same database reads the same thing after its reload.
    await loadImportedFrameworks(t.database.db);
    assert.equal(frameworkOrigin(2570), 'imported');
  });

  void it('shows agencies what changed for their year on the existing diff page', async () => {
    const staff = await t.loginAs('unit_officer');
    const html = await (await t.get('/staff/assessment/diff?from=2570&to=2571', staff)).text();
    assert.match(html, /ข้อมูลการติดต่อหน่วยงาน/);
  });

  void it('imports from the admin page: refused with paths, then diff, then accept', async () => {
    const upload = (name: string, content: string) => {
      const form = new FormData();
      form.append('_csrf', admin.csrfToken);
      form.append('file', new File([content], name, { type: 'application/json' }));
      return t.app.request('/admin/assessment/frameworks', {
        method: 'POST',
        headers: admin.headers,
        body: form,
      });
    };
    const bad = framework2571() as Record<string, unknown>;
    bad.fiscalYear = 'สองห้าเจ็ดสอง';
    const refused = await upload('bad.json', JSON.stringify(bad));
    assert.equal(refused.status, 422);
    const refusedHtml = await refused.text();
    assert.match(refusedHtml, /<code>fiscalYear<\/code>/);
    assert.match(refusedHtml, /ชนิดข้อมูลไม่ถูกต้อง/);

    const next = framework2571('ช่องทางติดต่อ');
    next.fiscalYear = 2572;
    next.titleTh = next.titleTh.replace('2571', '2572');
    (next.itemMapping as { fromYear: number }).fromYear = 2571;
    const staged = await upload('fy2572.json', JSON.stringify(next));
    assert.equal(staged.status, 303);
    const review = staged.headers.get('location')!;
    const reviewHtml = await (await t.get(review, admin)).text();
    assert.match(reviewHtml, /การเปลี่ยนแปลงเทียบกับปี 2571/);
    assert.match(reviewHtml, /ข้อมูลการติดต่อหน่วยงาน/);
    assert.match(reviewHtml, /ช่องทางติดต่อ/);
    const id = review.split('/').at(-1)!.split('?')[0]!;
    const accepted = await t.post(`/admin/assessment/frameworks/versions/${id}/accept`, {}, admin);
    assert.equal(accepted.status, 303);
    assert.ok(listFrameworkYears().includes(2572));

    const exported = await t.get('/admin/assessment/frameworks/2572.json', admin);
    assert.equal(exported.status, 200);
    assert.equal(JSON.parse(await exported.text()).fiscalYear, 2572);
  });

  void it('imports, lists and exports from the CLI', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prongsai-fw-'));
    const file = join(dir, 'fy2573.json');
    const next = framework2571('ติดต่อเรา');
    next.fiscalYear = 2573;
    next.titleTh = next.titleTh.replace('2571', '2573');
    (next.itemMapping as { fromYear: number }).fromYear = 2572;
    writeFileSync(file, JSON.stringify(next));
    const run = async (positionals: string[], values: Record<string, string | boolean> = {}) => {
      let out = '';
      let err = '';
      const code = await frameworkCommand.run(
        { values, positionals },
        { out: (s) => (out += s), err: (s) => (err += s) },
        { openDb: () => Promise.resolve(t.database) },
      );
      return { code, out, err };
    };
    const pending = await run(['import', file]);
    assert.equal(pending.code, 0);
    assert.match(pending.out, /ติดต่อเรา/);
    assert.match(pending.out, /pending/);
    assert.ok(!listFrameworkYears().includes(2573));
    const accepted = await run(['import', file], { yes: true });
    assert.equal(accepted.code, 0, accepted.err);
    assert.ok(listFrameworkYears().includes(2573));
    const list = await run(['list']);
    assert.match(list.out, /2573 {2}นำเข้า/);
    assert.match(list.out, /2573 v1 pending/);
    const out = join(dir, 'out.json');
    assert.equal((await run(['export'], { year: '2573', out })).code, 0);
    assert.equal(JSON.parse(readFileSync(out, 'utf8')).fiscalYear, 2573);

    writeFileSync(file, '{"fiscalYear": 2574}');
    const refused = await run(['import', file], { yes: true });
    assert.equal(refused.code, 2);
    assert.match(refused.err, /titleTh: /);
    const stored = await t.database.db
      .select()
      .from(assessmentFrameworkVersions)
      .where(and(eq(assessmentFrameworkVersions.fiscalYear, 2574)));
    assert.equal(stored.length, 0);
  });
});
