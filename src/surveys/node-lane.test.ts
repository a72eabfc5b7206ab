import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { startServer, type RunningServer } from '../../test/helpers/browser.js';
import {
  prepareEitSubmission,
  seededRandom,
  type PreparedSubmission,
} from '../../test/helpers/survey-client.js';
import { createCampaign, type Campaign } from './campaigns.js';

const random = seededRandom(11);

/**
 * The Node lane answers the plain closing-day submit before Hono; these tests send real
 * HTTP to a served app and check that what a respondent gets is what Hono's route gives,
 * and that everything but the plain case reaches Hono.
 */
void describe('the EIT submit lane', () => {
  let t: TestContext;
  let server: RunningServer;
  let eit: Campaign;
  let surveyPath: string;
  const laneAnswered = { served: 0, handedOn: 0 };
  const count = async () =>
    (
      await t.database.query<{ n: number }>(
        'select count(*)::int as n from surveys_responses where campaign_id = $1',
        [eit.id],
      )
    )[0]!.n;
  const prepare = () => prepareEitSubmission(server.baseUrl, surveyPath, 2566, random);
  const send = (s: PreparedSubmission, form: Record<string, string> = s.form) =>
    s.client.post(s.path, form);

  before(async () => {
    t = await createTestContext();
    eit = await createCampaign(t.ctx, {
      fiscalYear: 2566,
      tool: 'EIT',
      titleTh: 'EIT ผ่านทางลัด',
      opensOn: '2020-01-01',
      closesOn: '2099-12-31',
    });
    surveyPath = `/a/agency-a/surveys/${eit.id}`;
    // Count what the lane did, without changing it.
    const [lane] = t.web.lanes;
    assert.ok(lane, 'the surveys module registers its lane');
    const serve = lane.serve.bind(lane);
    lane.serve = async (req, res, fallback) => {
      let handedOn = false;
      await serve(req, res, () => {
        handedOn = true;
        fallback();
      });
      if (handedOn) laneAnswered.handedOn += 1;
      else laneAnswered.served += 1;
    };
    server = await startServer(t.web);
  });
  after(async () => {
    await server.close();
    await t.close();
  });

  void it('answers a complete last page as the route does: same page, status and headers', async () => {
    const first = await prepare();
    const second = await prepare();
    // The earlier pages' POSTs were the route's.
    const { handedOn } = laneAnswered;
    assert.equal(laneAnswered.served, 0);
    // Nothing rendered the thank-you pages yet: the first submit goes to the route.
    const viaHono = await send(first);
    assert.deepEqual(laneAnswered, { served: 0, handedOn: handedOn + 1 });
    const viaLane = await send(second);
    assert.deepEqual(laneAnswered, { served: 1, handedOn: handedOn + 1 });
    assert.equal(viaLane.status, 200);
    assert.equal(viaHono.status, 200);
    const [honoHtml, laneHtml] = [await viaHono.text(), await viaLane.text()];
    assert.match(laneHtml, /data-outcome="recorded"/);
    assert.equal(laneHtml, honoHtml);
    const headers = (res: Response) =>
      [...res.headers]
        .filter(([name]) => !['date', 'x-request-id', 'keep-alive', 'connection'].includes(name))
        .sort();
    assert.deepEqual(headers(viaLane), headers(viaHono));
    assert.match(viaLane.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    assert.match(viaLane.headers.get('set-cookie') ?? '', /prongsai_survey=; Max-Age=0; Path=/);
    assert.equal(await count(), 2);
  });

  void it('hands every other case to the route, which answers it as before', async () => {
    const stored = await count();
    const s = await prepare();
    const before = { ...laneAnswered };
    const question = Object.keys(s.form).find((k) => k.startsWith('q.'))!;
    const tampered: [string, Record<string, string>, number][] = [
      ['unknown question', { ...s.form, 'q.zz9': '1' }, 422],
      ['answer outside the scale', { ...s.form, [question]: 'ไม่มี' }, 422],
      ['wrong CSRF token', { ...s.form, _csrf: 'x'.repeat(43) }, 403],
    ];
    for (const [label, form, status] of tampered) {
      const res = await send(s, form);
      assert.equal(res.status, status, label);
    }
    const back = await send(s, { ...s.form, action: 'back' });
    assert.equal(back.status, 303, 'back');
    assert.match(back.headers.get('location') ?? '', /\/p\/2$/);
    assert.equal(await count(), stored, 'nothing stored by tampered forms');
    // Invalid UTF-8, byte for byte: the route's 422, not a half-decoded answer.
    const raw = await fetch(server.baseUrl + s.path, {
      method: 'POST',
      headers: {
        cookie: s.client.cookieHeader(),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: Buffer.concat([
        Buffer.from(`_csrf=${s.client.csrf}&${question}=`),
        Buffer.from([0xff]),
      ]),
    });
    assert.equal(raw.status, 422);
    // The respondent then submits properly (lane), and a retry finds no draft (route).
    assert.match(await (await send(s)).text(), /data-outcome="recorded"/);
    const retry = await send(s);
    assert.match(await retry.text(), /data-outcome="already-recorded"/);
    assert.equal(await count(), stored + 1);
    assert.equal(laneAnswered.served - before.served, 1, 'only the plain submit was the lane’s');
    assert.equal(laneAnswered.handedOn - before.handedOn, 6);
  });

  void it('sends a respondent whose draft misses a page back to page 1, as the route does', async () => {
    const s = await prepare();
    await t.database.query(
      "update surveys_drafts set answers = '{}'::jsonb where campaign_id = $1",
      [eit.id],
    );
    const served = laneAnswered.served;
    const res = await send(s);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `${surveyPath}/p/1`);
    assert.equal(laneAnswered.served, served + 1);
    assert.equal(res.headers.get('cache-control'), 'no-store');
  });

  void it('takes the plain submit of an agency served on its own host name too', async () => {
    // Host-name routing serves www.<agency>.go.th/surveys/… as /a/<slug>/surveys/…: the lane
    // must match that URL as well, not hand the agency's whole closing day to the slow path.
    await t.database.query(
      "update core_agencies set hostname = 'www.agency-a.test' where slug = 'agency-a'",
    );
    const primer = await prepare();
    const s = await prepare();
    assert.match(await (await send(primer)).text(), /data-outcome="recorded"/);
    const stored = await count();
    const { served, handedOn } = laneAnswered;
    const res = await new Promise<{ status: number; body: string; cookie: string }>(
      (resolve, reject) => {
        const body = new URLSearchParams({ _csrf: s.client.csrf, ...s.form }).toString();
        const req = request(
          server.baseUrl + s.path.replace(/^\/a\/agency-a/, ''),
          {
            method: 'POST',
            headers: {
              host: 'www.agency-a.test',
              cookie: s.client.cookieHeader(),
              'content-type': 'application/x-www-form-urlencoded',
              'content-length': Buffer.byteLength(body),
            },
          },
          (r) => {
            let text = '';
            r.setEncoding('utf8');
            r.on('data', (chunk: string) => (text += chunk));
            r.on('end', () =>
              resolve({
                status: r.statusCode!,
                body: text,
                cookie: String(r.headers['set-cookie']),
              }),
            );
          },
        );
        req.on('error', reject);
        req.end(body);
      },
    );
    await t.database.query("update core_agencies set hostname = null where slug = 'agency-a'");
    assert.equal(res.status, 200);
    assert.match(res.body, /data-outcome="recorded"/);
    assert.match(res.cookie, new RegExp(`prongsai_survey=; Max-Age=0; Path=${surveyPath}`));
    assert.deepEqual(laneAnswered, { served: served + 1, handedOn }, 'the lane answered it');
    assert.equal(await count(), stored + 1);
  });

  void it('leaves a logged-in visitor and the English site to the route', async () => {
    const s = await prepare();
    const handedOn = laneAnswered.handedOn;
    const english = await fetch(server.baseUrl + s.path, {
      method: 'POST',
      headers: {
        cookie: `${s.client.cookieHeader()}; prongsai_lang=en`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ _csrf: s.client.csrf, ...s.form }).toString(),
    });
    assert.equal(english.status, 200);
    assert.equal(laneAnswered.handedOn, handedOn, 'not even offered to the lane');
    assert.match(await english.text(), /data-outcome="recorded"/);
  });
});
