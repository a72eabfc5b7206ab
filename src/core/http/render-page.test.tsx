import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import type { AppEnv } from './env.js';
import { pageRenderer, useRequestContext } from './render-page.js';
import { clientAddress } from './client-address.js';
import { testConfig } from '../../../test/helpers/test-context.js';

function Greeting() {
  const c = useRequestContext();
  return <p>{c.get('requestId')}</p>;
}

async function AsyncGreeting() {
  await Promise.resolve();
  return <Greeting />;
}

void describe('pageRenderer', () => {
  const app = new Hono<AppEnv>();
  app.use(pageRenderer);
  app.onError((error, c) => c.text(error.message, 500));
  app.get('/page/:id', (c) => {
    c.set('requestId', c.req.param('id'));
    return c.render(<Greeting />);
  });
  app.get('/async', (c) => c.render(<AsyncGreeting />));

  void it('renders a complete document with the request in reach of components', async () => {
    const [a, b] = await Promise.all([app.request('/page/one'), app.request('/page/two')]);
    assert.equal(a.headers.get('content-type'), 'text/html; charset=UTF-8');
    assert.equal(await a.text(), '<!DOCTYPE html><p>one</p>');
    assert.equal(await b.text(), '<!DOCTYPE html><p>two</p>');
  });

  void it('refuses an async component rather than let it read another request', async () => {
    const res = await app.request('/async');
    assert.equal(res.status, 500);
    assert.match(await res.text(), /async components are not supported/);
  });

  void it('has no request outside a render', () => {
    assert.throws(() => useRequestContext(), /only available while c\.render\(\) runs/);
  });
});

void describe('clientAddress', () => {
  const addressOf = async (trustProxy: number, forwarded?: string) => {
    const app = new Hono<AppEnv>();
    app.get('/', (c) => {
      c.set('config', testConfig({ trustProxy }));
      return c.text(clientAddress(c));
    });
    const headers: Record<string, string> = forwarded ? { 'x-forwarded-for': forwarded } : {};
    const res = await app.request(
      '/',
      { headers },
      {
        incoming: { socket: { remoteAddress: '10.0.0.5' } },
      },
    );
    return res.text();
  };

  void it('is the socket peer unless proxies are trusted, whatever the header says', async () => {
    assert.equal(await addressOf(0), '10.0.0.5');
    assert.equal(await addressOf(0, '203.0.113.9'), '10.0.0.5');
  });

  void it('behind one proxy, is what that proxy appended, not what the client wrote', async () => {
    assert.equal(await addressOf(1, '203.0.113.9'), '203.0.113.9');
    assert.equal(await addressOf(1, '1.2.3.4, 203.0.113.9'), '203.0.113.9');
    assert.equal(await addressOf(2, '1.2.3.4, 203.0.113.9, 10.0.0.1'), '203.0.113.9');
  });

  void it('falls back to the leftmost address when fewer proxies appended than are trusted', async () => {
    assert.equal(await addressOf(3, '203.0.113.9'), '203.0.113.9');
    assert.equal(await addressOf(1), '10.0.0.5');
  });
});
