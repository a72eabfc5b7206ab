import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { jpegWithMetadata, METADATA_MARKER } from '../../test/helpers/complaint-files.js';
import { readStoredFile } from '../core/files/index.js';
import { complaintFiles, complaints } from './schema.js';
import { createWebhookToken } from './accept-webhook-ticket.js';

describe('Traffy-style intake webhook', () => {
  let t: TestContext;
  let dir: string;
  let token: string;
  let receiver: Server;
  const received: unknown[] = [];
  let gotCallback: () => void = () => {};

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'complaints-webhook-'));
    t = await createTestContext({ dataDir: dir });
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.end('ok');
        gotCallback();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.address() as AddressInfo;
    token = await createWebhookToken(
      t.database.db,
      t.agency.id,
      `http://127.0.0.1:${port}/status`,
      t.ctx.actor,
    );
  });
  after(async () => {
    receiver.close();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const send = (body: unknown, bearer = token) =>
    t.app.request(`/a/${t.agency.slug}/complaints/webhook/traffy`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const ticket = {
    ticket_id: '2026-ABCD12',
    type: 'ไฟฟ้า',
    description: 'ไฟกิ่งดับสามต้นติดกัน',
    coords: [103.65, 16.05],
    photos: [jpegWithMetadata().toString('base64')],
  };

  it('takes a ticket into the grievance queue once, photo stripped, however often it is sent', async () => {
    const first = await send(ticket);
    assert.equal(first.status, 201, await first.clone().text());
    const again = await send(ticket);
    assert.equal(again.status, 200);
    assert.equal(((await again.json()) as { duplicate: boolean }).duplicate, true);
    const rows = await t.database.db
      .select()
      .from(complaints)
      .where(eq(complaints.channel, 'traffy'));
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.kind, 'grievance');
    assert.equal(rows[0]!.channelReference, '2026-ABCD12');
    assert.match(rows[0]!.location, /16\.05,103\.65/);
    const [file] = await t.database.db.select().from(complaintFiles);
    assert.equal(
      (await readStoredFile(dir, file!.sha256)).includes(Buffer.from(METADATA_MARKER)),
      false,
    );
  });

  it('refuses a wrong token (401) and a malformed ticket (422), storing nothing', async () => {
    const before = (await t.database.db.select().from(complaints)).length;
    assert.equal((await send({ ...ticket, ticket_id: 'X-2' }, 'guessed-token')).status, 401);
    assert.equal((await send({ ticket_id: 'X-3' })).status, 422);
    const noAuth = await t.app.request(`/a/${t.agency.slug}/complaints/webhook/traffy`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ticket),
    });
    assert.equal(
      noAuth.status,
      403,
      'without a bearer token it is an ordinary POST: CSRF refuses it',
    );
    assert.equal((await t.database.db.select().from(complaints)).length, before);
  });

  it('reports the status back to the configured URL when the case moves', async () => {
    const officer = await t.loginAs('complaint_officer');
    const [row] = await t.database.db
      .select()
      .from(complaints)
      .where(eq(complaints.channel, 'traffy'));
    const callback = new Promise<void>((resolve) => (gotCallback = resolve));
    const res = await t.post(`/staff/complaints/${row!.id}/step`, { to: 'acknowledged' }, officer);
    assert.equal(res.status, 303);
    await callback;
    assert.deepEqual(received.at(-1), {
      ticket_id: '2026-ABCD12',
      status: 'acknowledged',
      date: row!.receivedOn,
    });
  });
});
