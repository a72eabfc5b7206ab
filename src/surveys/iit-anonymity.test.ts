import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { randomPageForm, seededRandom, SurveyClient } from '../../test/helpers/survey-client.js';
import { instanceSecret } from '../core/config/instance-secret.js';
import { createNodeServer, listen } from '../core/http/serve-app.js';
import { hashCode } from './access-codes.js';
import { createCampaign, type Campaign } from './campaigns.js';
import { issueAccessCodes } from './access-codes.js';
import { surveyShape } from './survey-pages.js';

type Row = Record<string, unknown>;
/** Orders "(page,item)" ctids physically. */
const compareCtid = (a: string, b: string) => {
  const [pa, ia] = a.slice(1, -1).split(',').map(Number);
  const [pb, ib] = b.slice(1, -1).split(',').map(Number);
  return pa! - pb! || ia! - ib!;
};
interface Observed {
  table: string;
  row: Row;
}

/**
 * #12 item 3, as docs/decisions/0005 states it: an attacker holding the database, every row
 * version ever written (what the WAL holds: drafts before their deletion, codes before and
 * after spending, with ctid and xmin) and the code-mailing log (every code in clear) tries to
 * link codes to answers by shared values, hashes of the codes, row order and timestamps.
 */
void describe('IIT anonymity against a copy of the database, its history and the mailed codes', () => {
  let t: TestContext;
  let server: Server;
  let baseUrl: string;
  let campaign: Campaign;
  let codes: string[];
  const observed: Observed[] = [];
  const RESPONDENTS = 5;

  /** Every row version the database holds now, with its physical place and transaction. */
  async function snapshot() {
    for (const table of ['surveys_access_codes', 'surveys_drafts', 'surveys_responses']) {
      const rows = await t.database.query<Row>(
        `select ctid::text as ctid, xmin::text as xmin, * from ${table} where campaign_id = $1`,
        [campaign.id],
      );
      for (const row of rows) observed.push({ table, row });
    }
  }

  before(async () => {
    t = await createTestContext();
    campaign = await createCampaign(t.ctx, {
      fiscalYear: 2566,
      tool: 'IIT',
      titleTh: 'IIT ทดสอบความนิรนาม',
      opensOn: '2020-01-01',
      closesOn: '2099-12-31',
    });
    codes = await issueAccessCodes(t.ctx, campaign.id, RESPONDENTS);
    server = createNodeServer(t.web);
    await listen(server, 0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const path = `/a/agency-a/surveys/${campaign.id}`;
    const pages = surveyShape(2566, 'IIT').pages.length;
    // One after the other, the easiest case for an attacker going by order and time.
    for (const [i, code] of codes.entries()) {
      const client = new SurveyClient(baseUrl);
      await client.get(path);
      assert.equal((await client.post(`${path}/start`, { code })).status, 303);
      await snapshot();
      const random = seededRandom(i + 1);
      for (let n = 1; n <= pages; n++) {
        const res = await client.post(`${path}/p/${n}`, randomPageForm(2566, 'IIT', n, random));
        assert.equal(res.status, n < pages ? 303 : 200, `page ${n}`);
        await snapshot();
      }
    }
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
  });

  const values = (table: string, skip: string[] = []) =>
    observed
      .filter((o) => o.table === table)
      .flatMap((o) =>
        Object.entries(o.row)
          .filter(([k]) => !skip.includes(k))
          .map(([, v]) => (typeof v === 'string' ? v : JSON.stringify(v))),
      );

  void it('stores one answer per code and spends every code', async () => {
    const [count] = await t.database.query<{ n: number }>(
      'select count(*)::int as n from surveys_responses where campaign_id = $1',
      [campaign.id],
    );
    assert.equal(count!.n, RESPONDENTS);
    const unspent = await t.database.query(
      'select 1 from surveys_access_codes where campaign_id = $1 and not used',
      [campaign.id],
    );
    assert.equal(unspent.length, 0);
  });

  void it('keeps no form of a mailed code the attacker can compute', () => {
    const everything = observed.flatMap((o) => values(o.table)).join('\n');
    for (const code of codes) {
      const plain = code.replace('-', '');
      const candidates = [
        code,
        plain,
        createHash('sha256').update(`${campaign.id}:${plain}`).digest('hex'),
        createHash('sha256').update(`${campaign.id}:${code}`).digest('hex'),
        createHash('sha256').update(plain).digest('hex'),
        createHash('sha256').update(code).digest('hex'),
      ];
      for (const candidate of candidates) {
        assert.ok(!everything.includes(candidate), `found ${candidate} for ${code}`);
      }
    }
    // Not vacuous: with the key, which is in the data folder and not in the database, each
    // code's row is found. The key itself appears nowhere in the database.
    const stored = new Set(values('surveys_access_codes'));
    for (const code of codes) assert.ok(stored.has(hashCode(campaign.id, code)));
    const key = instanceSecret('iit-code-key');
    assert.ok(!everything.includes(key.toString('hex')));
    assert.ok(!everything.includes(key.toString('base64')));
  });

  void it('shares no stored value between a code or a draft and a response', () => {
    const context = ['agency_id', 'campaign_id', 'channel', 'ctid', 'xmin', 'answered_on'];
    // A draft holds the answers as they are typed; what must not reach the response is any
    // key or code (the WAL finding: code_hash next to a submission_key the response kept).
    const before = new Set([
      ...values('surveys_access_codes', context),
      ...values('surveys_drafts', [...context, 'answers', 'extra_answers']),
    ]);
    const drafts = observed.filter((o) => o.table === 'surveys_drafts');
    assert.ok(drafts.length > 0);
    assert.ok(drafts.every((d) => !('code_hash' in d.row)));
    const responses = values('surveys_responses', [...context, 'answers', 'extra_answers']);
    assert.ok(responses.length >= RESPONDENTS * 2);
    for (const value of responses) assert.ok(!before.has(value), `shared value ${value}`);
  });

  void it('leaves row order, transaction ids and timestamps pointing at no code', async () => {
    // The attacker's order attack: spent codes and responses sorted by xmin (and ctid) pair
    // up one to one, as the issue found. What it pairs is an HMAC the attacker cannot
    // compute from any mailed code, so no pair names a code.
    const spent = await t.database.query<Row>(
      `select code_hash, xmin::text as xmin, created_at, updated_at from surveys_access_codes
       where campaign_id = $1 order by xmin::text::bigint, ctid`,
      [campaign.id],
    );
    const computable = new Set(
      codes.map((code) =>
        createHash('sha256')
          .update(`${campaign.id}:${code.replace('-', '')}`)
          .digest('hex'),
      ),
    );
    const named = spent.filter((row) => computable.has(String(row.code_hash)));
    assert.equal(named.length, 0);
    // Nor does the order of issue pair a row with a line of the mailing log: rows were
    // written in the order of their keyed hash, not in the order the codes were handed out.
    // (The first snapshot holds the five rows as issued, before any was spent.)
    const physical = observed
      .filter((o) => o.table === 'surveys_access_codes' && o.row.used === false)
      .slice(0, RESPONDENTS)
      .sort((a, b) => compareCtid(String(a.row.ctid), String(b.row.ctid)))
      .map((o) => String(o.row.code_hash));
    assert.deepEqual(physical, [...physical].sort());
    // No instant of answering is kept: every code row carries the instants of its issue (the
    // same for the whole batch), and responses a date only.
    const instants = new Set(spent.map((r) => `${String(r.created_at)}|${String(r.updated_at)}`));
    assert.equal(instants.size, 1);
    const columns = await t.database.query<{ name: string; type: string }>(
      `select column_name as name, data_type as type from information_schema.columns
       where table_name = 'surveys_responses'`,
    );
    assert.deepEqual(
      columns.filter((c) => /time/.test(c.type)).map((c) => c.name),
      [],
    );
  });
});
