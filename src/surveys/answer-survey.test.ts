import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  createTestContext,
  type TestContext,
  type TestSession,
} from '../../test/helpers/test-context.js';
import { createCampaign, type Campaign } from './campaigns.js';
import { issueAccessCodes } from './access-codes.js';
import { surveyShape, fieldName } from './survey-pages.js';
import { scoreCampaign, scoreRespondents } from './score-campaign.js';
import { compareWithOfficial } from './compare-with-official.js';
import { surveysModule } from './module.js';
import { purgeExpiredDrafts } from './answer-survey.js';
import { answersDigestSql } from './submit-eit-batch.js';

/** A respondent's browser: keeps the CSRF and draft cookies between requests. */
function visitor(t: TestContext) {
  const session = t.anonymous();
  const jar = new Map<string, string>([session.cookie.split('=') as [string, string]]);
  const headers = () => ({ cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') });
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [k, v] = pair!.split('=') as [string, string];
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line)) jar.delete(k);
      else jar.set(k, v);
    }
    return res;
  };
  return {
    session: session as TestSession,
    get: async (path: string) => keep(await t.app.request(path, { headers: headers() })),
    post: async (path: string, form: Record<string, string>, csrf = true) => {
      const body = new URLSearchParams(csrf ? { _csrf: session.csrfToken, ...form } : form);
      return keep(
        await t.app.request(path, {
          method: 'POST',
          headers: { ...headers(), 'content-type': 'application/x-www-form-urlencoded' },
          body: body.toString(),
        }),
      );
    },
  };
}

/** Every field of a page filled with the option at `pick` (0 = worst-listed). */
function pageForm(
  campaign: Campaign,
  pageNo: number,
  pick: (code: string, options: string[]) => string,
) {
  const shape = surveyShape(campaign.fiscalYear, campaign.tool, campaign.extraQuestions);
  const form: Record<string, string> = { action: 'next' };
  for (const q of shape.pages[pageNo - 1]!.questions) {
    const options = shape.scaleOf(q).options.map((o) => o.value);
    if (q.subItems.length === 0) form[fieldName(q.code)] = pick(q.code, options);
    else q.subItems.forEach((_, i) => (form[fieldName(q.code, i)] = pick(q.code, options)));
  }
  return form;
}

void describe('answering a survey', () => {
  let t: TestContext;
  let eit: Campaign;
  let iit: Campaign;
  let closed: Campaign;
  const base = (c: Campaign) => `/a/agency-a/surveys/${c.id}`;
  const count = async (c: Campaign) =>
    Number(
      (
        await t.database.query<{ n: number }>(
          'select count(*)::int as n from surveys_responses where campaign_id = $1',
          [c.id],
        )
      )[0]!.n,
    );

  before(async () => {
    t = await createTestContext();
    const dates = { opensOn: '2020-01-01', closesOn: '2099-12-31', fiscalYear: 2566 };
    eit = await createCampaign(t.ctx, { ...dates, tool: 'EIT', titleTh: 'EIT ทดสอบ' });
    iit = await createCampaign(t.ctx, { ...dates, tool: 'IIT', titleTh: 'IIT ทดสอบ' });
    closed = await createCampaign(t.ctx, {
      ...dates,
      closesOn: '2021-01-01',
      tool: 'EIT',
      titleTh: 'ปิดแล้ว',
    });
  });
  after(() => t.close());

  async function answerAll(
    v: ReturnType<typeof visitor>,
    c: Campaign,
    pick: (code: string, options: string[]) => string,
  ) {
    const pages = surveyShape(c.fiscalYear, c.tool).pages.length;
    let last: Response | undefined;
    for (let n = 1; n <= pages; n++) {
      let form = pageForm(c, n, pick);
      if (n === pages) {
        const html = await (await v.get(`${base(c)}/p/${n}`)).text();
        const key = /name="submissionKey" value="([^"]+)"/.exec(html)?.[1];
        form = { ...form, submissionKey: key! };
      }
      last = await v.post(`${base(c)}/p/${n}`, form);
    }
    return last!;
  }

  void it('shows the privacy notice, one indicator per page with progress, then thanks', async () => {
    const v = visitor(t);
    const notice = await (await v.get(`${base(eit)}?ch=counter`)).text();
    assert.match(notice, /ประกาศความเป็นส่วนตัว/);
    const start = await v.post(`${base(eit)}/start`, { ch: 'counter' });
    assert.equal(start.status, 303);
    const page1 = await (await v.get(`${base(eit)}/p/1`)).text();
    assert.match(page1, /หน้า 1 จาก 3/);
    const done = await answerAll(v, eit, () => 'most');
    assert.equal(done.status, 200);
    const thanks = await done.text();
    assert.match(thanks, /ขอบคุณ/);
    assert.match(thanks, /data-back-to-site="true"><a href="\/a\/agency-a">กลับสู่เว็บไซต์/);
    assert.equal(await count(eit), 1);
    const rows = await t.database.query<Record<string, unknown>>(
      'select * from surveys_responses where campaign_id = $1',
      [eit.id],
    );
    assert.deepEqual(Object.keys(rows[0]!).sort(), [
      'agency_id',
      'answered_on',
      'answers',
      'campaign_id',
      'channel',
      'extra_answers',
      'id',
      'submission_key',
    ]);
    assert.equal(rows[0]!.channel, 'counter');
  });

  void it('goes back and resumes a half-finished survey on the same device', async () => {
    const v = visitor(t);
    await v.post(`${base(eit)}/start`, { ch: 'website' });
    await v.post(
      `${base(eit)}/p/1`,
      pageForm(eit, 1, () => 'little'),
    );
    const back = await v.post(`${base(eit)}/p/2`, { action: 'back' });
    assert.equal(back.headers.get('location'), `${base(eit)}/p/1`);
    const resumed = await (await v.get(base(eit))).text();
    assert.match(resumed, /ตอบต่อจากที่ค้างไว้/);
    const page1 = await (await v.get(`${base(eit)}/p/1`)).text();
    assert.match(page1, /value="little" checked/);
  });

  void it('refuses tampered forms with 4xx and stores nothing', async () => {
    const before = await count(eit);
    const v = visitor(t);
    await v.post(`${base(eit)}/start`, { ch: 'qr' });
    const unknown = await v.post(`${base(eit)}/p/1`, {
      ...pageForm(eit, 1, () => 'most'),
      'q.e99': 'most',
    });
    assert.equal(unknown.status, 422);
    const outside = await v.post(
      `${base(eit)}/p/1`,
      pageForm(eit, 1, () => 'excellent'),
    );
    assert.equal(outside.status, 422);
    const noCsrf = await v.post(
      `${base(eit)}/p/1`,
      pageForm(eit, 1, () => 'most'),
      false,
    );
    assert.equal(noCsrf.status, 403);
    const closedStart = await v.post(`${base(closed)}/start`, { ch: 'qr' });
    assert.equal(closedStart.status, 409);
    assert.equal(await count(eit), before);
    assert.equal(await count(closed), 0);
  });

  void it('spends an IIT code once; a replay gets 409', async () => {
    const [code] = await issueAccessCodes(t.ctx, iit.id, 1);
    const a = visitor(t);
    const b = visitor(t);
    assert.equal((await a.post(`${base(iit)}/start`, { code: code! })).status, 303);
    // b started with the same code before a submitted: both drafts exist, one may answer.
    assert.equal((await b.post(`${base(iit)}/start`, { code: code!.toLowerCase() })).status, 303);
    const bad = await visitor(t).post(`${base(iit)}/start`, { code: 'XXXXX-XXXXX' });
    assert.equal(bad.status, 422);
    const [ra, rb] = await Promise.all([
      answerAll(a, iit, (_, o) => o.at(-1)!),
      answerAll(b, iit, (_, o) => o[0]!),
    ]);
    assert.deepEqual([ra.status, rb.status].sort(), [200, 409]);
    assert.equal(await count(iit), 1);
    const again = await visitor(t).post(`${base(iit)}/start`, { code: code! });
    assert.equal(again.status, 409);
    const rows = await t.database.query('select * from surveys_responses where campaign_id = $1', [
      iit.id,
    ]);
    assert.ok(!JSON.stringify(rows).includes(code!.replace('-', '')));
  });

  void it('does not count the same EIT answers from the same client twice', async () => {
    const before = await count(eit);
    const pick = (code: string) => (code === 'e1' ? 'least' : 'much');
    await (async () => {
      const v = visitor(t);
      await v.post(`${base(eit)}/start`, { ch: 'facebook' });
      await answerAll(v, eit, pick);
    })();
    const v2 = visitor(t);
    await v2.post(`${base(eit)}/start`, { ch: 'facebook' });
    const second = await answerAll(v2, eit, pick);
    assert.equal(second.status, 200);
    assert.match(await second.text(), /data-outcome="duplicate-ignored"/);
    assert.equal(await count(eit), before + 1);
    // Different answers from the same client are a new respondent.
    const v3 = visitor(t);
    await v3.post(`${base(eit)}/start`, { ch: 'facebook' });
    const third = await answerAll(v3, eit, (code) => (code === 'e2' ? 'least' : 'much'));
    assert.match(await third.text(), /data-outcome="recorded"/);
    assert.equal(await count(eit), before + 2);
  });

  void it('fingerprints answers in the batch statement whatever their key order, per campaign', async () => {
    // Duplicate detection has one digest, the batch statement's (answersDigestSql): the same
    // answers give the same digest however the keys were added, another campaign another one.
    const digest = async (campaignId: string, answers: string) =>
      (
        await t.database.query<{ digest: string }>(
          `select ${answersDigestSql('$1::uuid', '$2::jsonb')} as digest`,
          [campaignId, answers],
        )
      )[0]!.digest;
    const one = await digest(eit.id, '{"e1": "much", "e10": "least", "ข้อ1": ["1", "2"]}');
    assert.match(one, /^[0-9a-f]{64}$/);
    assert.equal(await digest(eit.id, '{"ข้อ1": ["1", "2"], "e10": "least", "e1": "much"}'), one);
    assert.notEqual(await digest(eit.id, '{"e1": "much", "e10": "least", "ข้อ1": ["2", "1"]}'), one);
    assert.notEqual(await digest(iit.id, '{"e1": "much", "e10": "least", "ข้อ1": ["1", "2"]}'), one);
  });

  void it('batches a burst of final EIT posts: each thanked one stored once, replays not', async () => {
    const before = await count(eit);
    const drafts = async () =>
      (
        await t.database.query<{ n: number }>(
          'select count(*)::int as n from surveys_drafts where campaign_id = $1',
          [eit.id],
        )
      )[0]!.n;
    const draftsBefore = await drafts();
    const pages = surveyShape(eit.fiscalYear, eit.tool).pages.length;
    // Distinct answers per respondent, so duplicate detection does not merge them.
    const respondents = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const v = visitor(t);
        await v.post(`${base(eit)}/start`, { ch: 'counter' });
        // Question k answers the (k mod 3)-th base-4 digit of i: different answer sets
        // (few respondents: they share one client address and its hourly limit).
        const pick = (code: string, options: string[]) => {
          const k = Number(code.slice(1));
          return options[(Math.floor(i / 4 ** (k % 3)) + k) % options.length]!;
        };
        for (let n = 1; n < pages; n++) await v.post(`${base(eit)}/p/${n}`, pageForm(eit, n, pick));
        const html = await (await v.get(`${base(eit)}/p/${pages}`)).text();
        const key = /name="submissionKey" value="([^"]+)"/.exec(html)![1]!;
        return { v, form: { ...pageForm(eit, pages, pick), submissionKey: key } };
      }),
    );
    const last = `${base(eit)}/p/${pages}`;
    // Every respondent at once, and the first three twice more (a double click): one batch
    // holds the same draft several times.
    const sends = [
      ...respondents.map((r) => r.v.post(last, r.form)),
      ...respondents.slice(0, 3).flatMap((r) => [r.v.post(last, r.form), r.v.post(last, r.form)]),
    ];
    const pagesBack = await Promise.all(sends);
    for (const res of pagesBack) {
      assert.equal(res.status, 200);
      assert.match(await res.text(), /data-outcome="(recorded|already-recorded)"/);
    }
    assert.equal(await count(eit), before + respondents.length);
    assert.equal(await drafts(), draftsBefore, 'every submitted draft is gone');
  });

  void it('scores with the engine and the dashboard shows counts and the tool score', async () => {
    const score = await scoreCampaign(t.database.db, eit);
    assert.ok(score);
    const admin = await t.loginAs('agency_admin');
    const html = await (await t.get(`/staff/surveys/${eit.id}`, admin)).text();
    assert.match(html, new RegExp(`data-total="?[^>]*>${score.respondents}<`));
    assert.match(html, new RegExp(score.toolScore.toFixed(2)));
    const csv = await (await t.get(`/staff/surveys/${eit.id}/answers.csv`, admin)).text();
    assert.equal(csv.trim().split('\r\n').length, score.respondents + 1);
    const cmp = compareWithOfficial(score, {
      fiscalYear: 2566,
      tool: 'EIT',
      toolScore: 90,
      indicators: [{ no: 6, score: 91.5 }],
    });
    assert.equal(cmp.difference, Math.round((score.toolScore - 90) * 100) / 100);
    assert.equal(cmp.indicators[0]!.official, 91.5);
  });

  void it('purges expired drafts and never resumes one', async () => {
    const v = visitor(t);
    await v.post(`${base(eit)}/start`, { ch: 'line' });
    await t.database.query(
      "update surveys_drafts set expires_on = '2000-01-01' where channel = 'line'",
    );
    const notice = await (await v.get(base(eit))).text();
    assert.doesNotMatch(notice, /ตอบต่อจากที่ค้างไว้/);
    assert.ok((await purgeExpiredDrafts(t.database.db, new Date())) >= 1);
    const left = await t.database.query("select 1 from surveys_drafts where channel = 'line'");
    assert.equal(left.length, 0);
  });

  void it('publishes open EIT campaigns (only) on the surveys.eit-open feed', async () => {
    const feed = await surveysModule.disclosures!({
      db: t.database.db,
      agencyId: t.agency.id,
      agencySlug: 'agency-a',
      fiscalYear: 2566,
    });
    assert.deepEqual(
      feed.map((f) => f.links[0]!.href),
      [`/a/agency-a/surveys/${eit.id}?ch=website`],
    );
    assert.ok(feed.every((f) => f.feed === 'surveys.eit-open'));
  });

  void it('scores all-best answers at 100 and all-worst at 0 (reverse items mirrored)', () => {
    const shape = surveyShape(2566, 'IIT');
    const answers = (best: boolean) =>
      Object.fromEntries(
        shape.questions.map((q) => {
          const opts = shape.scaleOf(q).options;
          const v = (rev: boolean) => (best !== rev ? opts.at(-1)!.value : opts[0]!.value);
          return [
            q.code,
            q.subItems.length
              ? q.subItems.map((s) => v(s.isReverseScored ?? q.isReverseScored))
              : v(q.isReverseScored),
          ];
        }),
      );
    assert.equal(
      scoreRespondents(2566, 'IIT', [{ id: 'a', answers: answers(true) }])!.toolScore,
      100,
    );
    assert.equal(
      scoreRespondents(2566, 'IIT', [{ id: 'a', answers: answers(false) }])!.toolScore,
      0,
    );
  });
});
