import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { createApp, type WebApp } from '../core/http/create-app.js';
import { defineModule } from '../core/module.js';
import { modules } from '../modules.js';
import { listOitYears } from './oit-items.js';
import { collectFedContent } from './feed-sources.js';

/** A module whose feed always throws, as a bug in a future module would. */
const broken = defineModule({
  name: 'broken-feed',
  disclosures: () => Promise.reject(new Error('feed bug for the test')),
});

/** A module whose feed works, to show the others still reach the page. */
const working = defineModule({
  name: 'working-feed',
  disclosures: ({ fiscalYear, agencySlug }) =>
    Promise.resolve([
      {
        feed: 'disclosure.laws',
        title: 'เนื้อหาจากส่วนที่ทำงานได้',
        links: [{ label: 'ดู', href: `/a/${agencySlug}/laws`, type: 'html' as const }],
        fiscalYear,
        updatedAt: new Date('2023-01-05T03:00:00Z'),
      },
    ]),
});

/** Runs `fn` with console.error captured; returns what it logged. */
async function capturingErrors<T>(fn: () => Promise<T>): Promise<{ value: T; logged: string[] }> {
  const logged: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
  try {
    return { value: await fn(), logged };
  } finally {
    console.error = original;
  }
}

void describe("one module's failing feed", () => {
  let t: TestContext;
  let app: WebApp['app'];
  const year = listOitYears().at(-1)!;

  before(async () => {
    t = await createTestContext();
    ({ app } = createApp({
      database: t.database,
      config: t.config,
      modules: [...modules, broken, working],
    }));
  });
  after(async () => {
    await t.close();
  });

  void it('leaves the failing feed out, keeps the others, and says which failed', async () => {
    const { value, logged } = await capturingErrors(() =>
      collectFedContent(
        [broken, working],
        { db: t.database.db, agencyId: t.agency.id, agencySlug: t.agency.slug, fiscalYear: year },
        { requestId: 'req-123' },
      ),
    );
    assert.deepEqual(value.failures, [{ module: 'broken-feed' }]);
    assert.deepEqual(
      value.contents.map((c) => c.title),
      ['เนื้อหาจากส่วนที่ทำงานได้'],
    );
    assert.equal(logged.length, 1);
    const line = JSON.parse(logged[0]!) as Record<string, unknown>;
    assert.equal(line.requestId, 'req-123');
    assert.equal(line.module, 'broken-feed');
    assert.match(String(line.error), /feed bug for the test/);
  });

  void it('serves every public page that reads feeds, logging the failure with the request id', async () => {
    const site = `/a/${t.agency.slug}`;
    for (const path of [site, `${site}/oit?year=${year}`, `${site}/search?q=ติดต่อ`]) {
      const { value: response, logged } = await capturingErrors(() =>
        Promise.resolve(app.request(path)),
      );
      const html = await response.text();
      assert.equal(response.status, 200, `${path}: ${html.slice(0, 300)}`);
      const id = response.headers.get('x-request-id');
      assert.ok(id, 'a request id');
      if (path.includes('/oit')) {
        assert.ok(
          logged.some((l) => l.includes('broken-feed') && l.includes(id)),
          `${path} logs the failing feed with its request id: ${logged.join('\n')}`,
        );
      }
    }
  });

  void it('shows staff on the readiness dashboard which feed failed', async () => {
    const admin = await t.loginAs('agency_admin');
    const { value: response } = await capturingErrors(() =>
      Promise.resolve(
        app.request(`/staff/disclosure/readiness?year=${year}`, { headers: admin.headers }),
      ),
    );
    assert.equal(response.status, 200);
    const html = await response.text();
    const box = /<div class="error-summary" role="alert" id="failed-feeds">([\s\S]*?)<\/div>/.exec(
      html,
    );
    assert.ok(box, 'the failure is shown');
    assert.match(box[1]!, /broken-feed/);
    assert.doesNotMatch(box[1]!, /working-feed/);
    assert.match(box[1]!, new RegExp(response.headers.get('x-request-id')!));
  });
});
