import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import type { AppEnv } from './env.js';
import { formFields, requireUtf8Forms } from './middleware.js';

void describe('formFields (urlencoded bodies parsed once by requireUtf8Forms)', () => {
  const app = new Hono<AppEnv>();
  app.use(requireUtf8Forms);
  app.onError((error, c) => c.text(error.message, 400));
  app.post('/', async (c) =>
    c.json({ all: await formFields(c, { all: true }), last: await formFields(c) }),
  );
  const post = async (body: string) => {
    const res = await app.request('/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    return { status: res.status, body: res.status === 200 ? await res.json() : await res.text() };
  };

  void it('reads the same fields Hono’s parseBody would', async () => {
    const body = 'q=1&q=2&name=%E0%B8%81+%E0%B8%82&tags%5B%5D=a&flag&&empty=';
    const ours = await post(body);
    const reference = new Hono();
    reference.post('/', async (c) =>
      c.json({ all: await c.req.parseBody({ all: true }), last: await c.req.parseBody() }),
    );
    const theirs = await reference.request('/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    assert.equal(ours.status, 200);
    assert.deepEqual(ours.body, await theirs.json());
    assert.deepEqual(ours.body.all, {
      q: ['1', '2'],
      name: 'ก ข',
      'tags[]': ['a'],
      flag: '',
      empty: '',
    });
    assert.equal(ours.body.last.q, '2');
  });

  void it('refuses a malformed percent sequence or bytes that are not UTF-8', async () => {
    assert.equal((await post('q=%E0%B8')).status, 400);
    assert.equal((await post('q=%FF%FE')).status, 400);
    assert.equal((await post('q=100%')).status, 400);
  });
});
