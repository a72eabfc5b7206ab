import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import {
  createTestContext,
  testConfig,
  type TestContext,
} from '../../../test/helpers/test-context.js';
import { sendStoredFile, storeFile } from '../files/index.js';
import type { AppEnv } from './env.js';
import { markHttpsRequest, writeLaneResponse } from './node-lane.js';
import { securityHeaders } from './security-headers.js';
import { isHttpsFrom } from './https.js';

const SANDBOX = "default-src 'none'; sandbox";

/** GET on a Node server, with the headers as Node received them. */
function getHeaders(
  port: number,
  headers: Record<string, string> = {},
): Promise<IncomingHttpHeaders> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.headers));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('a stored file keeps its sandbox CSP', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'prongsai-csp-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it('through the security-headers middleware (Hono)', async () => {
    const bytes = new TextEncoder().encode(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    const { sha256 } = await storeFile(dataDir, bytes);
    const app = new Hono<AppEnv>();
    const config = testConfig({ dataDir });
    app.use(async (c, next) => {
      c.set('config', config);
      await next();
    });
    app.use(securityHeaders);
    app.get('/file', (c) =>
      sendStoredFile(c, { sha256, fileName: 'x.svg', mediaType: 'image/svg+xml' }),
    );
    app.get('/page', (c) => c.html('<p>page</p>'));
    const file = await app.request('/file');
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-security-policy'), SANDBOX);
    assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
    const cached = await app.request('/file', { headers: { 'if-none-match': `"${sha256}"` } });
    assert.equal(cached.status, 304);
    assert.equal(cached.headers.get('content-security-policy'), SANDBOX);
    // Other responses still get the page CSP.
    const page = await app.request('/page');
    assert.match(page.headers.get('content-security-policy') ?? '', /^default-src 'self'/);
  });

  it('through a Node lane response, with HSTS only when marked HTTPS', async () => {
    const server = createServer((req, res) => {
      if (req.headers['x-test-https']) markHttpsRequest(req);
      writeLaneResponse(res, 200, { 'content-security-policy': SANDBOX }, 'x');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as AddressInfo;
      const plain = await getHeaders(port);
      assert.equal(plain['content-security-policy'], SANDBOX);
      assert.equal(plain['x-frame-options'], 'SAMEORIGIN');
      assert.equal(plain['strict-transport-security'], undefined);
      const https = await getHeaders(port, { 'x-test-https': '1' });
      assert.match(https['strict-transport-security'] ?? '', /max-age=/);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe('HSTS and Secure cookies follow HTTPS', () => {
  let plain: TestContext;
  let proxied: TestContext;
  let forced: TestContext;
  before(async () => {
    plain = await createTestContext();
    proxied = await createTestContext({ trustProxy: 1 });
    forced = await createTestContext({ secureCookies: true });
  });
  after(async () => {
    await plain.close();
    await proxied.close();
    await forced.close();
  });

  const csrfCookie = (res: Response) =>
    res.headers.getSetCookie().find((c) => c.startsWith('prongsai_csrf='));

  it('over plain HTTP: no HSTS, cookies without Secure', async () => {
    const res = await plain.app.request('/login');
    assert.equal(res.headers.get('strict-transport-security'), null);
    assert.ok(csrfCookie(res));
    assert.doesNotMatch(csrfCookie(res)!, /Secure/);
  });

  it('ignores X-Forwarded-Proto from an untrusted client', async () => {
    const res = await plain.app.request('/login', { headers: { 'x-forwarded-proto': 'https' } });
    assert.equal(res.headers.get('strict-transport-security'), null);
    assert.doesNotMatch(csrfCookie(res)!, /Secure/);
  });

  it('behind a trusted proxy that says https: HSTS and Secure cookies', async () => {
    const res = await proxied.app.request('/login', { headers: { 'x-forwarded-proto': 'https' } });
    assert.match(res.headers.get('strict-transport-security') ?? '', /max-age=\d+/);
    assert.match(csrfCookie(res)!, /Secure/);
    const http = await proxied.app.request('/login', { headers: { 'x-forwarded-proto': 'http' } });
    assert.equal(http.headers.get('strict-transport-security'), null);
  });

  it('on an HTTPS URL: HSTS and Secure cookies', async () => {
    const res = await plain.app.request('https://prongsai.example/login');
    assert.match(res.headers.get('strict-transport-security') ?? '', /max-age=\d+/);
    assert.match(csrfCookie(res)!, /Secure/);
  });

  it('PRONGSAI_SECURE_COOKIES=true forces Secure over HTTP, still without HSTS', async () => {
    const res = await forced.app.request('/login');
    assert.match(csrfCookie(res)!, /Secure/);
    assert.equal(res.headers.get('strict-transport-security'), null);
  });

  it('reads the outermost trusted proxy of a list', () => {
    assert.equal(isHttpsFrom(false, 'https', 1), true);
    assert.equal(isHttpsFrom(false, 'http, https', 1), true);
    assert.equal(isHttpsFrom(false, 'https, http', 2), true);
    assert.equal(isHttpsFrom(false, 'https, http', 1), false);
    assert.equal(isHttpsFrom(false, 'https', 0), false);
    assert.equal(isHttpsFrom(true, undefined, 0), true);
  });
});
