import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestContext, type TestContext } from './helpers/test-context.js';
import { seedDemoAgency } from '../src/core/agencies/seed-demo.js';
import { chromiumUsage, closeBrowser } from '../src/core/documents/chromium.js';
import { listFrameworkYears } from '../src/assessment/index.js';
import { modules } from '../src/modules.js';

/**
 * "Published means frozen" (STYLE.md §5): a document a citizen downloads is a stored file, so no
 * anonymous request may start Chromium. The demo agency has a draft analysis, measures and
 * survey campaigns, so every public GET route is requested with real values, and Chromium's
 * use counter must not move. A route added later is covered by the enumeration.
 */
void describe('no anonymous request renders a document', () => {
  let t: TestContext;
  let dataDir: string;
  let ids: string[];

  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'prongsai-anon-'));
    t = await createTestContext({ dataDir });
    await seedDemoAgency(t.systemCtx, modules);
    const rows = await t.database.query<{ id: string }>(
      `(select id::text as id from surveys_campaigns limit 5)
       union all (select id::text from disclosure_documents limit 5)
       union all (select id::text from disclosure_news limit 5)`,
    );
    ids = rows.map((r) => r.id);
  });
  after(async () => {
    await closeBrowser();
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  void it('requests every public GET route anonymously without starting Chromium', async () => {
    const values: Record<string, string[]> = {
      slug: ['phothong'],
      year: listFrameworkYears().map(String),
      code: ['o1', 'o42', 'o43'],
      file: ['plan.pdf', 'plan.docx', 'progress-report.pdf', 'progress-report.docx'],
      id: ids.length > 0 ? ids : ['00000000-0000-4000-8000-000000000000'],
      name: ['file.pdf'],
      n: ['1'],
      locale: ['th'],
      token: ['not-a-real-invitation-token'],
      short: ['0123abcd'],
      kind: ['grievance', 'corruption'],
      sha: ['0'.repeat(64)],
    };
    const routes = [
      ...new Set(
        t.app.routes
          .filter((r) => r.method === 'GET')
          .map((r) => r.path)
          .filter((p) => !p.startsWith('/staff') && !p.startsWith('/admin') && !p.includes('*')),
      ),
    ];
    assert.ok(
      routes.some((p) => p.includes('analysis-report.pdf')),
      'the report route is listed',
    );
    const before = chromiumUsage();
    let requests = 0;
    for (const route of routes) {
      // A parameter's pattern (`:short{[0-9a-f]{8}}`) is not part of the URL.
      let urls = [route.replace(/\{(?:[^{}]|\{[^{}]*\})*\}/g, '')];
      for (const name of route.match(/:(\w+)/g) ?? []) {
        const options = values[name.slice(1)];
        assert.ok(options, `${route}: no test value for ${name}`);
        urls = urls.flatMap((u) => options.map((v) => u.replace(name, encodeURIComponent(v))));
      }
      for (const url of urls) {
        const res = await t.app.request(url);
        await res.arrayBuffer();
        assert.ok(res.status < 500, `${url} → ${res.status}`);
        requests++;
      }
    }
    assert.ok(requests > 30, `requests made: ${requests}`);
    assert.deepEqual(chromiumUsage(), before, 'an anonymous request started Chromium');
  });
});
