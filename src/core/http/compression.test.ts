import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { ConfigSchema } from '../config/config.js';
import { compressResponses, negotiateEncoding } from './compression.js';
import { createApp } from './create-app.js';
import type { AppEnv } from './env.js';
import { createNodeServer, listen } from './serve-app.js';
import { SHARED_CACHE_HEADER, SharedPageCache } from './shared-page-cache.js';

/** A raw exchange: node:http neither adds Accept-Encoding nor decodes, unlike fetch(). */
function rawGet(
  port: number,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.once('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.once('error', reject);
    req.end();
  });
}

function decode(body: Buffer, encoding: string | string[] | undefined): string {
  if (encoding === 'br') return brotliDecompressSync(body).toString();
  if (encoding === 'gzip') return gunzipSync(body).toString();
  return body.toString();
}

const BIG_PAGE = `<main>${'<p>ข้อมูลสาธารณะของเทศบาลตำบลโพธิ์ทอง ประจำปีงบประมาณ</p>'.repeat(80)}</main>`;

void describe('negotiateEncoding', () => {
  void it('prefers br, honours q=0 and *, and falls back to identity', () => {
    assert.equal(negotiateEncoding('gzip, deflate, br, zstd'), 'br');
    assert.equal(negotiateEncoding('gzip'), 'gzip');
    assert.equal(negotiateEncoding('br;q=0.5, gzip'), 'gzip');
    assert.equal(negotiateEncoding('br;q=0, gzip;q=0'), null);
    assert.equal(negotiateEncoding('identity'), null);
    assert.equal(negotiateEncoding('*'), 'br');
    assert.equal(negotiateEncoding('*, br;q=0'), 'gzip');
    assert.equal(negotiateEncoding(undefined), null);
  });
});

void describe('compressed pages from the shared page cache (issue 14 §2)', () => {
  async function serve() {
    let renders = 0;
    let honoRequests = 0;
    const cache = new SharedPageCache();
    const app = new Hono<AppEnv>()
      .use(async (_c, next) => {
        honoRequests += 1;
        await next();
      })
      .use(compressResponses)
      .use(cache.middleware())
      .get('/page', (c) => {
        renders += 1;
        c.header(SHARED_CACHE_HEADER, '60000');
        c.header('ETag', `"v${renders}"`);
        c.header('Vary', 'Cookie');
        return c.html(BIG_PAGE);
      })
      .get('/dynamic', (c) => c.html(BIG_PAGE))
      .get('/small', (c) => c.html('<p>สั้น</p>'));
    const server = createNodeServer({ app, pageCache: cache });
    await listen(server, 0, '127.0.0.1');
    return {
      port: (server.address() as AddressInfo).port,
      renders: () => renders,
      honoRequests: () => honoRequests,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  }

  void it('sends br or gzip as asked, the same page in each, one render, from memory', async () => {
    const site = await serve();
    try {
      const plain = await rawGet(site.port, '/page');
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.equal(plain.body.toString(), BIG_PAGE);
      assert.equal(plain.headers.vary, 'Cookie, Accept-Encoding');
      const etags = new Set<string>();
      for (const [accept, encoding] of [
        ['gzip, deflate, br', 'br'],
        ['gzip', 'gzip'],
        ['br;q=0, gzip;q=0', undefined],
      ] as const) {
        const res = await rawGet(site.port, '/page', { 'accept-encoding': accept });
        assert.equal(res.headers['content-encoding'], encoding, accept);
        assert.equal(Number(res.headers['content-length']), res.body.byteLength);
        assert.equal(decode(res.body, encoding), BIG_PAGE);
        assert.equal(res.headers.vary, 'Cookie, Accept-Encoding');
        etags.add(String(res.headers.etag));
        if (encoding) assert.ok(res.body.byteLength < BIG_PAGE.length / 5, 'compressed');
      }
      assert.deepEqual([...etags].sort(), ['"v1"', '"v1-br"', '"v1-gzip"']);
      assert.equal(site.renders(), 1);
      assert.equal(site.honoRequests(), 1, 'every compressed copy came from the Node fast path');
      // The same bytes twice: stored once, not compressed again per request.
      const a = await rawGet(site.port, '/page', { 'accept-encoding': 'br' });
      const b = await rawGet(site.port, '/page', { 'accept-encoding': 'br' });
      assert.deepEqual(a.body, b.body);
    } finally {
      await site.close();
    }
  });

  void it('answers HEAD with the GET headers and no body, and 304 per encoding', async () => {
    const site = await serve();
    try {
      const get = await rawGet(site.port, '/page', { 'accept-encoding': 'gzip' });
      const head = await rawGet(site.port, '/page', { 'accept-encoding': 'gzip' }, 'HEAD');
      assert.equal(head.status, 200);
      assert.equal(head.body.byteLength, 0);
      for (const name of ['content-length', 'content-encoding', 'etag', 'vary', 'content-type']) {
        assert.equal(head.headers[name], get.headers[name], name);
      }
      const same = await rawGet(site.port, '/page', {
        'accept-encoding': 'gzip',
        'if-none-match': '"v1-gzip"',
      });
      assert.equal(same.status, 304);
      assert.equal(same.headers.etag, '"v1-gzip"');
      // A gzip copy's tag does not validate the br representation.
      const other = await rawGet(site.port, '/page', {
        'accept-encoding': 'br',
        'if-none-match': '"v1-gzip"',
      });
      assert.equal(other.status, 200);
      assert.equal(other.headers['content-encoding'], 'br');
    } finally {
      await site.close();
    }
  });

  void it('compresses uncached pages per request, and leaves small ones alone', async () => {
    const site = await serve();
    try {
      const res = await rawGet(site.port, '/dynamic', { 'accept-encoding': 'gzip' });
      assert.equal(res.headers['content-encoding'], 'gzip');
      assert.equal(decode(res.body, 'gzip'), BIG_PAGE);
      assert.equal(Number(res.headers['content-length']), res.body.byteLength);
      const small = await rawGet(site.port, '/small', { 'accept-encoding': 'gzip' });
      assert.equal(small.headers['content-encoding'], undefined);
      assert.equal(small.body.toString(), '<p>สั้น</p>');
      const head = await rawGet(site.port, '/dynamic', { 'accept-encoding': 'br' }, 'HEAD');
      assert.equal(head.headers['content-encoding'], 'br');
      assert.equal(head.body.byteLength, 0);
    } finally {
      await site.close();
    }
  });
});

void describe('static files', () => {
  void it('are sent pre-compressed with their own ETag per encoding', async () => {
    // The static route reads no database.
    const { app } = createApp({
      database: {} as never,
      config: ConfigSchema.parse({}),
      modules: [],
    });
    const plain = await app.request('/static/app.css');
    const css = await plain.text();
    const br = await app.request('/static/app.css', { headers: { 'accept-encoding': 'br' } });
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.equal(br.headers.get('vary'), 'Accept-Encoding');
    const bytes = Buffer.from(await br.arrayBuffer());
    assert.equal(brotliDecompressSync(bytes).toString(), css);
    assert.ok(bytes.byteLength < css.length / 2);
    assert.notEqual(br.headers.get('etag'), plain.headers.get('etag'));
    const again = await app.request('/static/app.css', {
      headers: { 'accept-encoding': 'br', 'if-none-match': br.headers.get('etag')! },
    });
    assert.equal(again.status, 304);
  });
});
