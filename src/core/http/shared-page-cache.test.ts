import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import type { AppEnv } from './env.js';
import { SHARED_CACHE_HEADER, sharedPageCache } from './shared-page-cache.js';

function buildApp(clock: { now: number }) {
  let renders = 0;
  const app = new Hono<AppEnv>()
    .use(sharedPageCache({ now: () => clock.now }))
    .get('/page', (c) => {
      renders += 1;
      c.header(SHARED_CACHE_HEADER, '1000');
      c.header('Set-Cookie', `csrf=${renders}`);
      c.header('ETag', `W/"v${renders}"`);
      return c.html(`<p>render ${renders}</p>`);
    })
    .get('/private', (c) => {
      renders += 1;
      return c.html(`<p>render ${renders}</p>`);
    });
  return { app, renders: () => renders };
}

void describe('sharedPageCache', () => {
  void it('serves an opted-in anonymous page from memory until it expires', async () => {
    const clock = { now: 0 };
    const { app, renders } = buildApp(clock);
    const first = await app.request('/page');
    assert.equal(first.headers.get(SHARED_CACHE_HEADER), null, 'the opt-in header is stripped');
    assert.equal(await (await app.request('/page')).text(), '<p>render 1</p>');
    assert.equal(renders(), 1);
    clock.now = 1001;
    assert.equal(await (await app.request('/page')).text(), '<p>render 2</p>');
  });

  void it('never shares a visitor’s cookie and never serves a session holder from cache', async () => {
    const { app, renders } = buildApp({ now: 0 });
    await app.request('/page');
    const cached = await app.request('/page');
    assert.equal(cached.headers.get('set-cookie'), null);
    const withSession = await app.request('/page', {
      headers: { cookie: 'prongsai_session=abc' },
    });
    assert.equal(await withSession.text(), '<p>render 2</p>');
    assert.equal(renders(), 2);
  });

  void it('answers 304 from the cache when the ETag matches', async () => {
    const { app } = buildApp({ now: 0 });
    await app.request('/page');
    const res = await app.request('/page', { headers: { 'if-none-match': 'W/"v1"' } });
    assert.equal(res.status, 304);
  });

  void it('keys by language and query, and leaves pages that did not opt in alone', async () => {
    const { app, renders } = buildApp({ now: 0 });
    await app.request('/page');
    await app.request('/page', { headers: { cookie: 'prongsai_lang=en' } });
    await app.request('/page?year=2566');
    assert.equal(renders(), 3);
    await app.request('/private');
    await app.request('/private');
    assert.equal(renders(), 5);
  });
});
