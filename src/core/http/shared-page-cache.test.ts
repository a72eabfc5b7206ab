import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import type { AppEnv } from './env.js';
import { get as httpGet } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeServer, listen } from './serve-app.js';
import { SHARED_CACHE_HEADER, SharedPageCache, sharedPageCache } from './shared-page-cache.js';

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
    // The visitor whose request filled the cache still gets their own cookie.
    const { app: fresh } = buildApp({ now: 0 });
    assert.equal((await fresh.request('/page')).headers.get('set-cookie'), 'csrf=1');
    const withSession = await app.request('/page', {
      headers: { cookie: 'prongsai_session=abc' },
    });
    assert.equal(await withSession.text(), '<p>render 2</p>');
    assert.equal(renders(), 2);
  });

  void it('never shows the opt-in header, to HEAD or to a session holder', async () => {
    const { app } = buildApp({ now: 0 });
    const head = await app.request('/page', { method: 'HEAD' });
    assert.equal(head.headers.get(SHARED_CACHE_HEADER), null);
    const withSession = await app.request('/page', { headers: { cookie: 'prongsai_session=x' } });
    assert.equal(withSession.headers.get(SHARED_CACHE_HEADER), null);
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

void describe('sharedPageCache, Node fast path', () => {
  async function serveWithFastPath(clock: { now: number }) {
    let renders = 0;
    let honoRequests = 0;
    const cache = new SharedPageCache({ now: () => clock.now });
    const app = new Hono<AppEnv>()
      .use(async (_c, next) => {
        honoRequests += 1;
        await next();
      })
      .use(cache.middleware())
      .get('/page', (c) => {
        renders += 1;
        c.header(SHARED_CACHE_HEADER, '1000');
        c.header('Set-Cookie', `csrf=${renders}`);
        c.header('ETag', `W/"v${renders}"`);
        return c.html(`<p>หน้า ${renders}</p>`);
      });
    const server = createNodeServer({ app, pageCache: cache });
    await listen(server, 0, '127.0.0.1');
    const { port } = server.address() as AddressInfo;
    return {
      port,
      url: (p: string) => `http://127.0.0.1:${port}${p}`,
      renders: () => renders,
      honoRequests: () => honoRequests,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  }

  void it('answers a fresh hit without Hono, with the same bytes and headers', async () => {
    const clock = { now: 0 };
    const site = await serveWithFastPath(clock);
    try {
      const first = await fetch(site.url('/page'));
      const firstBody = await first.text();
      assert.equal(site.honoRequests(), 1);
      const second = await fetch(site.url('/page'));
      assert.equal(await second.text(), firstBody);
      assert.equal(site.honoRequests(), 1, 'the hit never reached Hono');
      assert.equal(second.headers.get('set-cookie'), null);
      assert.equal(second.headers.get('etag'), 'W/"v1"');
      assert.equal(second.headers.get('content-type'), first.headers.get('content-type'));
      assert.equal(Number(second.headers.get('content-length')), Buffer.byteLength(firstBody));
      const notModified = await fetch(site.url('/page'), {
        headers: { 'if-none-match': 'W/"v1"' },
      });
      assert.equal(notModified.status, 304);
      assert.equal(site.honoRequests(), 1);
      clock.now = 1001;
      assert.equal(await (await fetch(site.url('/page'))).text(), '<p>หน้า 2</p>');
      assert.equal(site.honoRequests(), 2, 'an expired copy goes through Hono to be rendered');
    } finally {
      await site.close();
    }
  });

  void it('sends sessions, other languages and unnormalised paths the long way', async () => {
    const site = await serveWithFastPath({ now: 0 });
    try {
      await fetch(site.url('/page'));
      await fetch(site.url('/page'), { headers: { cookie: 'prongsai_session=abc' } });
      assert.equal(site.honoRequests(), 2);
      assert.equal(site.renders(), 2, 'a session holder gets a fresh page');
      await fetch(site.url('/page'), { headers: { cookie: 'prongsai_lang=en' } });
      assert.equal(site.renders(), 3, 'English is its own copy');
      // fetch() would normalise the path itself; node:http sends it as written.
      const status = await new Promise<number | undefined>((resolve, reject) =>
        httpGet({ host: '127.0.0.1', port: site.port, path: '/x/../page' }, (res) => {
          res.resume();
          resolve(res.statusCode);
        }).once('error', reject),
      );
      assert.equal(status, 200);
      assert.equal(site.honoRequests(), 4, 'a path the URL parser would change is not a fast hit');
    } finally {
      await site.close();
    }
  });
});
