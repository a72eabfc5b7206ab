import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext, type TestSession } from './helpers/test-context.js';
import { modules } from '../src/modules.js';
import type { IsolationFixture } from '../src/core/module.js';

const SQL_INJECTION = `'; drop table core_units; --`;
const HTML_INJECTION = '<script>alert(1)</script>';
// Stacked tone marks and vowels (ก + ิ ่ ่ ุ) and zero-width space/joiner/no-break space.
const THAI_COMBINING = 'ก\u0E34\u0E48\u0E48\u0E38\u200B\u200D\uFEFFทดสอบ';
const FIELDS = [
  'nameTh',
  'nameEn',
  'displayName',
  'email',
  'password',
  'roles',
  'unitId',
  'agencyId',
  'title',
];
const TEN_MB = 10 * 1024 * 1024;

/**
 * Row counts of every table except those that log requests themselves (sessions, log-in
 * attempts, the surveys' abuse counters: an attempt counts even when refused). One statement
 * for all tables: it runs twice per request over every POST route, and one round trip per
 * table made the test grow with tables times routes.
 */
let countAll: string | undefined;
async function rowCounts(t: TestContext): Promise<Record<string, number>> {
  if (!countAll) {
    const tables = await t.database.query<{ name: string }>(
      `select table_name as name from information_schema.tables
       where table_schema = 'public' and table_type = 'BASE TABLE'
         and table_name not like '%session%' and table_name not like '%login%'
         and table_name not like 'surveys_abuse_%' order by 1`,
    );
    countAll = `select ${tables.map(({ name }) => `(select count(*)::int from "${name}") as "${name}"`).join(', ')}`;
  }
  const [row] = await t.database.query<Record<string, number>>(countAll);
  return { ...row };
}

const form = (value: string | string[]) => Object.fromEntries(FIELDS.map((f) => [f, value]));

describe('bad input on every POST route', () => {
  let t: TestContext;
  let admin: TestSession;
  let fixture: Record<string, string>;
  let posts: string[];

  before(async () => {
    t = await createTestContext();
    admin = await t.loginAs('agency_admin');
    const fixtures: IsolationFixture[] = [];
    for (const m of modules) if (m.isolationFixture) fixtures.push(await m.isolationFixture(t.ctx));
    fixture = Object.assign({}, ...fixtures.map((f) => f.params));
    // Routes that delete go last so the others still find their record; /logout reads no input
    // and would end the session the other requests use.
    posts = [...new Set(t.app.routes.filter((r) => r.method === 'POST').map((r) => r.path))]
      .filter((p) => p !== '/logout')
      .map((p) =>
        p
          .replace(':slug', t.agency.slug)
          .replace(
            /:(\w+)/g,
            (_, name: string) => fixture[name] ?? '00000000-0000-4000-8000-000000000000',
          ),
      )
      .sort((a, b) => Number(/delete|remove/.test(a)) - Number(/delete|remove/.test(b)));
  });
  after(() => t.close());

  /** Posts, then checks: no 5xx; a refusal carries a Thai message and writes nothing. */
  async function expectSafe(url: string, label: string, send: () => Promise<Response>) {
    const before = await rowCounts(t);
    const res = await send();
    const body = await res.text();
    assert.ok(res.status < 500, `${label} ${url} → ${res.status}`);
    if (res.status >= 400) {
      const main = /<main[\s\S]*<\/main>/.exec(body)?.[0] ?? body;
      assert.match(
        main,
        /[\u0E00-\u0E7F]/,
        `${label} ${url} → ${res.status} without a Thai message`,
      );
      assert.deepEqual(await rowCounts(t), before, `${label} ${url} refused but wrote rows`);
    }
    assert.equal(body.includes(HTML_INJECTION), false, `${label} ${url} echoes raw HTML`);
    return res;
  }

  it('finds the POST routes', () => {
    assert.ok(posts.length >= 8, posts.join(', '));
  });

  it('survives missing fields, wrong types, injections and combining marks', async () => {
    const cases: [string, Record<string, string | string[]>][] = [
      ['missing fields', {}],
      [
        'wrong types',
        { ...form(['1', '2']), unitId: 'not-a-uuid', agencyId: '42', roles: 'emperor' },
      ],
      ['numbers for text', form('12345678901234567890')],
      ['sql injection', form(SQL_INJECTION)],
      ['html injection', form(HTML_INJECTION)],
      ['thai combining + zero-width', form(THAI_COMBINING)],
      ['very long text', form('ก'.repeat(20_000))],
    ];
    for (const url of posts) {
      for (const [label, fields] of cases) {
        await expectSafe(url, label, () => t.post(url, fields, admin));
      }
    }
    const units = await t.database.query<{ n: number }>(
      'select count(*)::int as n from core_units',
    );
    assert.ok(units[0]!.n > 0, 'core_units survived the SQL injection');
  });

  it('refuses invalid UTF-8, percent-encoded or raw, with a 4xx', async () => {
    for (const url of posts) {
      const encoded = `_csrf=${admin.csrfToken}&${FIELDS.map((f) => `${f}=%FF%FE`).join('&')}`;
      const raw = Buffer.concat([
        Buffer.from(`_csrf=${admin.csrfToken}&nameTh=`),
        Buffer.from([0xff, 0xfe, 0xc3]),
        Buffer.from(`&displayName=`),
        Buffer.from([0xff, 0xfe]),
      ]);
      for (const [label, body] of [
        ['%FF%FE', encoded],
        ['raw bytes', raw],
      ] as const) {
        const res = await expectSafe(url, label, async () =>
          t.app.request(url, {
            method: 'POST',
            headers: { ...admin.headers, 'content-type': 'application/x-www-form-urlencoded' },
            body,
          }),
        );
        if (!/delete|remove|login|logout/.test(url)) {
          assert.ok(res.status >= 400, `${label} ${url} → ${res.status}, expected a refusal`);
        }
      }
    }
  });

  it('refuses a broken multipart body and NUL characters with 400/422 on every POST route', async () => {
    const csrfPart = `--b0\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${admin.csrfToken}\r\n`;
    const filePart = (name: string) =>
      `--b0\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n`;
    const cases: [string, string, string][] = [
      ['multipart without boundary', 'multipart/form-data', `${csrfPart}--b0--\r\n`],
      ['multipart, wrong boundary', 'multipart/form-data; boundary=zz', `${csrfPart}--b0--\r\n`],
      ['multipart, empty boundary', 'multipart/form-data; boundary=', `${csrfPart}--b0--\r\n`],
      [
        'multipart cut short',
        'multipart/form-data; boundary=b0',
        `${csrfPart}${filePart('a.pdf').slice(0, 90)}`,
      ],
      [
        'NUL in a file name',
        'multipart/form-data; boundary=b0',
        `${csrfPart}${filePart('ค\u0000.pdf')}--b0--\r\n`,
      ],
      [
        'NUL in a multipart field',
        'multipart/form-data; boundary=b0',
        `${csrfPart}--b0\r\nContent-Disposition: form-data; name="email"\r\n\r\na\u0000@example.org\r\n--b0--\r\n`,
      ],
      [
        'NUL in a form field',
        'application/x-www-form-urlencoded',
        `_csrf=${admin.csrfToken}&${FIELDS.map((f) => `${f}=a%00b`).join('&')}`,
      ],
    ];
    // Every one of these must be refused, so nothing may change over the whole run: counted
    // once around it rather than around each of the many requests.
    const before = await rowCounts(t);
    const problems: string[] = [];
    for (const url of posts) {
      for (const [label, type, body] of cases) {
        // With the token in a header too, so the CSRF check cannot be what refuses it.
        for (const headers of [{}, { 'x-csrf-token': admin.csrfToken }] as Record<
          string,
          string
        >[]) {
          const res = await t.app.request(url, {
            method: 'POST',
            headers: { ...admin.headers, ...headers, 'content-type': type },
            body,
          });
          const page = await res.text();
          if (res.status !== 400 && res.status !== 422) {
            problems.push(`${label} ${url} → ${res.status}`);
          } else if (!/[\u0E00-\u0E7F]/.test(/<main[\s\S]*<\/main>/.exec(page)?.[0] ?? page)) {
            problems.push(`${label} ${url} → ${res.status} without a Thai message`);
          }
        }
      }
    }
    assert.deepEqual(problems, []);
    assert.deepEqual(await rowCounts(t), before, 'refused requests wrote rows');
  });

  it('refuses NUL in the log-in e-mail, anonymous, with 422', async () => {
    const res = await t.post('/login', { email: 'admin\u0000@example.org', password: 'x' });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /[\u0E00-\u0E7F]/);
  });

  it('refuses a 10 MB body with 413, declared or streamed', async () => {
    const big = `_csrf=${admin.csrfToken}&nameTh=${'a'.repeat(TEN_MB)}`;
    for (const url of posts) {
      const declared = await expectSafe(url, '10 MB', async () =>
        t.app.request(url, {
          method: 'POST',
          headers: {
            ...admin.headers,
            'content-type': 'application/x-www-form-urlencoded',
            'content-length': String(big.length),
          },
          body: big,
        }),
      );
      assert.equal(declared.status, 413, `10 MB ${url}`);
    }
    const url = posts[0]!;
    const chunk = new Uint8Array(1024 * 1024).fill(97);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ >= 10) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const streamed = await expectSafe(url, 'streamed 10 MB', async () =>
      t.app.request(url, {
        method: 'POST',
        headers: { ...admin.headers, 'content-type': 'application/x-www-form-urlencoded' },
        body: stream,
        duplex: 'half',
      } as RequestInit),
    );
    assert.equal(streamed.status, 413);
  });

  it('escapes HTML that a form echoes back', async () => {
    const res = await t.post('/staff/agency/units', { nameTh: HTML_INJECTION }, admin);
    assert.ok(res.status < 500);
    const page = await (await t.get('/staff/agency/units', admin)).text();
    assert.equal(page.includes(HTML_INJECTION), false);
    if (res.status === 303) assert.ok(page.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  });

  it('refuses a POST without a CSRF token or with a forged one (403, nothing written)', async () => {
    for (const url of posts) {
      for (const token of ['', 'x'.repeat(43)]) {
        const before = await rowCounts(t);
        const res = await t.app.request(url, {
          method: 'POST',
          headers: { ...admin.headers, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ _csrf: token, nameTh: 'ปลอม' }).toString(),
        });
        assert.equal(res.status, 403, `forged POST ${url}`);
        assert.match(await res.text(), /[\u0E00-\u0E7F]/);
        assert.deepEqual(await rowCounts(t), before);
      }
    }
  });
});
