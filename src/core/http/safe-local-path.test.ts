import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTestContext, type TestContext } from '../../../test/helpers/test-context.js';
import { safeLocalPath } from './safe-local-path.js';

const ORIGIN = 'https://prongsai.example.go.th';

// Each of these reached another site through ?back= or ?next=, or made the redirect a 500.
const HOSTILE = [
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  '/\\evil.example',
  '/\\/evil.example',
  '//evil.example',
  '///evil.example',
  '/.//evil.example',
  '/%2F/evil.example'.replace('%2F', '/'),
  'https://evil.example/',
  'javascript:alert(1)',
  '/x\r\nSet-Cookie: a=b',
  'evil.example',
  '',
];

describe('safeLocalPath', () => {
  it('keeps a same-site path with its query', () => {
    assert.equal(safeLocalPath('/staff/measures?x=1#top', '/', ORIGIN), '/staff/measures?x=1#top');
    assert.equal(safeLocalPath('/a/%2F%2Fevil.example', '/', ORIGIN), '/a/%2F%2Fevil.example');
  });

  it('refuses tab, CR/LF, backslash, // and /\\ (each one once led off the site)', () => {
    for (const value of HOSTILE) assert.equal(safeLocalPath(value, '/', ORIGIN), '/', value);
  });

  it('never gives a target that a browser resolves to another origin', () => {
    const piece = fc.constantFrom(
      '/',
      '\\',
      '\t',
      '\n',
      '\r',
      '.',
      '%2F',
      '%5C',
      'evil.example',
      ':',
      '@',
      '?',
      '#',
      ' ',
      '\u0000',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 8 }), (parts) => {
        const value = parts.join('');
        const target = safeLocalPath(value, '/', ORIGIN);
        // What a browser does with a Location header: resolve it against the current page.
        assert.equal(new URL(target, `${ORIGIN}/staff/x`).origin, ORIGIN, JSON.stringify(value));
        // eslint-disable-next-line no-control-regex
        assert.ok(!/[\u0000-\u001F\u007F\\]/.test(target), JSON.stringify(target));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('?back= and ?next= over HTTP', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  it('/lang/en sends a hostile ?back= home, with no 500 for CR/LF', async () => {
    for (const back of [
      '/%09/evil.example',
      '/%5Cevil.example',
      '//evil.example',
      '/%2F/evil.example',
      '/x%0D%0ASet-Cookie:%20a=b',
      '/%5C/evil.example',
    ]) {
      const res = await t.get(`/lang/en?back=${back}`);
      assert.equal(res.status, 303, back);
      assert.equal(res.headers.get('location'), '/', back);
    }
    const ok = await t.get('/lang/en?back=%2Fa%2Fagency-a%3Fq%3D1');
    assert.equal(ok.headers.get('location'), '/a/agency-a?q=1');
  });

  it('/login?next= for a logged-in user stays on the site', async () => {
    const session = await t.loginAs('agency_admin');
    for (const next of [
      '/%09/evil.example',
      '/%0D%0A/evil.example',
      '/%5Cevil.example',
      '//evil.example',
    ]) {
      const res = await t.get(`/login?next=${next}`, session);
      assert.equal(res.status, 303, next);
      assert.equal(res.headers.get('location'), '/staff', next);
    }
  });

  it('the log-in form does not carry a hostile ?next= into its action', async () => {
    const res = await t.get('/login?next=/%09/evil.example');
    assert.equal(res.status, 200);
    const action = /<form[^>]*action="([^"]*)"[^>]*>[\s\S]*?name="password"/.exec(await res.text());
    assert.ok(action, 'the log-in form');
    assert.equal(action[1], '/login');
  });
});
