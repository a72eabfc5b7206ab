import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { listFrameworkYears } from '../assessment/index.js';
import { createCampaign, type Campaign } from './campaigns.js';
import { surveyShape } from './survey-pages.js';

/** A respondent's browser: keeps the cookies the survey sets. */
function visitor(t: TestContext) {
  const session = t.anonymous();
  const jar = new Map<string, string>([session.cookie.split('=') as [string, string]]);
  const headers = () => ({ cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') });
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [k, v] = line.split(';')[0]!.split('=') as [string, string];
      jar.set(k, v);
    }
    return res;
  };
  return {
    get: async (path: string) => keep(await t.app.request(path, { headers: headers() })),
    post: async (path: string, form: Record<string, string>) =>
      keep(
        await t.app.request(path, {
          method: 'POST',
          headers: { ...headers(), 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ _csrf: session.csrfToken, ...form }).toString(),
        }),
      ),
  };
}

void describe('EIT question wording', () => {
  let t: TestContext;
  let eit: Campaign;
  const base = (c: Campaign) => `/a/agency-a/surveys/${c.id}`;
  before(async () => {
    t = await createTestContext();
    eit = await createCampaign(t.ctx, {
      fiscalYear: 2566,
      tool: 'EIT',
      titleTh: 'EIT ทดสอบถ้อยคำ',
      opensOn: '2020-01-01',
      closesOn: '2099-12-31',
    });
  });
  after(() => t.close());

  void it('shows every respondent plain Thai, no bare code, no confirmation note (every year)', async () => {
    for (const year of listFrameworkYears()) {
      const shape = surveyShape(year, 'EIT');
      for (const q of shape.questions) {
        const text = q.textTh ?? q.respondentTextTh;
        assert.ok(text && /[\u0E00-\u0E7F]{10}/.test(text), `${year} ${q.code} has Thai wording`);
      }
    }
    const v = visitor(t);
    assert.equal((await v.post(`${base(eit)}/start`, { ch: 'counter' })).status, 303);
    const pages = surveyShape(2566, 'EIT').pages.length;
    for (let n = 1; n <= pages; n++) {
      const html = await (await v.get(`${base(eit)}/p/${n}`)).text();
      assert.doesNotMatch(html, /ยืนยัน/, `page ${n} has no confirmation note`);
      assert.doesNotMatch(html, /E\d+\. e\d+/i, `page ${n} has no bare code`);
    }
    const first = await (await v.get(`${base(eit)}/p/1`)).text();
    assert.match(first, /ไม่เรียกรับเงิน/); // e4, a bare code before
  });

  void it('lets staff reword a question before the first answer, then locks it', async () => {
    const admin = await t.loginAs('agency_admin');
    const page = await (await t.get(`/staff/surveys/${eit.id}`, admin)).text();
    assert.match(page, /name="w\.e4"/);
    assert.match(page, /ที่มาของถ้อยคำนี้/);
    const saved = await t.post(
      `/staff/surveys/${eit.id}/wording`,
      { 'w.e4': 'เจ้าหน้าที่ไม่เคยขอเงินหรือของตอบแทนจากท่าน มากน้อยเพียงใด', 'w.e5': '' },
      admin,
    );
    assert.equal(saved.status, 303);
    const v = visitor(t);
    await v.post(`${base(eit)}/start`, { ch: 'counter' });
    // The public campaign copy lives 5 s; a fresh visitor after that reads the new wording.
    await new Promise((r) => setTimeout(r, 5_100));
    const html = await (await v.get(`${base(eit)}/p/1`)).text();
    assert.match(html, /ไม่เคยขอเงินหรือของตอบแทน/);
    assert.match(html, /คำนึงถึงประโยชน์ของประชาชน/); // e5 kept the framework's wording

    const answers = Object.fromEntries(
      surveyShape(2566, 'EIT').questions.map((q) => [
        q.code,
        q.subItems.length === 0 ? 'most' : q.subItems.map(() => 'most'),
      ]),
    );
    await t.database.db.execute(
      sql`insert into surveys_responses
            (agency_id, campaign_id, answered_on, channel, answers, submission_key)
          values (${t.agency.id}, ${eit.id}, '2026-12-06', 'counter',
            ${JSON.stringify(answers)}::jsonb, 'k1')`,
    );
    const locked = await t.post(`/staff/surveys/${eit.id}/wording`, { 'w.e4': 'อื่น' }, admin);
    assert.equal(locked.status, 409);
    const after = await (await t.get(`/staff/surveys/${eit.id}`, admin)).text();
    assert.doesNotMatch(after, /name="w\.e4"/);
    assert.match(after, /ไม่เคยขอเงินหรือของตอบแทน/);
  });
});
