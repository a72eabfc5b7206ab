import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import type { AppEnv } from './env.js';
import { createContext, useContext } from 'hono/jsx';
import {
  pageRenderer,
  renderPage,
  renderSameForAnyone,
  sameForAnyoneHtml,
  useRequestContext,
} from './render-page.js';
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

  void it('writes the same HTML as hono’s own render, context providers and SVG included', async () => {
    const Theme = createContext('plain');
    const Themed = () => <span class={useContext(Theme)}>ก</span>;
    const tree = (
      <html lang="th">
        <head>
          <meta charset="utf-8" />
          <title>หน้า &lt;1&gt;</title>
          <link rel="stylesheet" href="/static/app.css" />
          <style>{'p{color:red}'}</style>
        </head>
        <body>
          <Theme.Provider value="dark">
            <Themed />
          </Theme.Provider>
          <Themed />
          <form method="post" action="/x">
            <input type="radio" name="q" value="1" checked />
            <button type="submit">ส่ง</button>
          </form>
          <svg viewBox="0 0 10 10">
            <rect x={1} y={1} width={8} height={8} strokeWidth={2} />
          </svg>
          {'<script>alert(1)</script>'}
        </body>
      </html>
    );
    const ours = renderPage({} as never, tree);
    assert.equal(ours, `<!DOCTYPE html>${await tree.toString()}`);
    assert.match(ours, /<span class="dark">ก<\/span><span class="plain">/);
    assert.match(ours, /stroke-width="2"/);
    assert.match(ours, /&lt;script&gt;/);
  });

  void it('leaves hono/jsx without AsyncLocalStorage, so no promise hooks tax the process', async () => {
    // With AsyncLocalStorage a provided value survives an await; hono's synchronous mode
    // (chosen when render-page.ts loads) gives the default there instead.
    const Mode = createContext('default');
    const AfterAwait = async () => {
      await new Promise((r) => setTimeout(r, 1));
      return <b>{useContext(Mode)}</b>;
    };
    const html = await (
      <Mode.Provider value="provided">
        <AfterAwait />
      </Mode.Provider>
    ).toString();
    assert.equal(String(html), '<b>default</b>');
  });

  void it('has no request outside a render', () => {
    assert.throws(() => useRequestContext(), /only available while c\.render\(\) runs/);
  });
});

void describe('renderSameForAnyone', () => {
  let renders = 0;
  const Counted = ({ who }: { who: string }) => {
    renders += 1;
    return <p>{who}</p>;
  };
  const app = new Hono<AppEnv>();
  app.use(pageRenderer);
  app.post('/thanks', (c) => {
    c.set('locale', c.req.header('x-lang') === 'en' ? 'en' : 'th');
    c.set('user', c.req.header('x-user') ? ({ id: c.req.header('x-user') } as never) : null);
    const variant = c.req.query('v') ?? 'recorded';
    const page = (name: string) => () => <Counted who={c.req.header('x-user') ?? name} />;
    return renderSameForAnyone(c, variant, {
      recorded: page('recorded'),
      duplicate: page('duplicate'),
    });
  });
  const post = async (path: string, headers: Record<string, string> = {}) =>
    (await app.request(path, { method: 'POST', headers })).text();

  void it('renders once for anonymous visitors of one URL and language, every variant at once', async () => {
    renders = 0;
    assert.equal(await post('/thanks'), '<!DOCTYPE html><p>recorded</p>');
    assert.equal(await post('/thanks'), '<!DOCTYPE html><p>recorded</p>');
    assert.equal(renders, 2, 'both variants, once');
    assert.equal(
      sameForAnyoneHtml('th', 'duplicate', '/thanks'),
      '<!DOCTYPE html><p>duplicate</p>',
    );
    assert.equal(sameForAnyoneHtml('th', 'recorded', '/thanks', Date.now() + 6_000), undefined);
    assert.equal(await post('/thanks?v=duplicate'), '<!DOCTYPE html><p>duplicate</p>');
    assert.equal(renders, 4, 'another URL is its own page');
    await post('/thanks', { 'x-lang': 'en' });
    assert.equal(renders, 6, 'and so is another language');
    assert.equal(sameForAnyoneHtml('en', 'recorded', '/thanks'), '<!DOCTYPE html><p>recorded</p>');
  });

  void it('renders afresh for a logged-in visitor, whose header is their own', async () => {
    renders = 0;
    assert.equal(await post('/thanks', { 'x-user': 'u1' }), '<!DOCTYPE html><p>u1</p>');
    assert.equal(await post('/thanks', { 'x-user': 'u2' }), '<!DOCTYPE html><p>u2</p>');
    assert.equal(renders, 2);
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
