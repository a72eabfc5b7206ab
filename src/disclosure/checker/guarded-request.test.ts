import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { crawlSite } from './crawl-site.js';
import { isPublicAddress, isPublicTarget, type NetworkPolicy } from './guarded-request.js';
import {
  ensureInternalTestHost,
  INTERNAL_TEST_HOST,
  page,
  REACH_LOOPBACK,
  serveSyntheticSite,
  type SyntheticSite,
} from './fixtures/serve-synthetic-site.js';

void describe('isPublicAddress', () => {
  void it('refuses private, loopback, link-local and mapped addresses, v4 and v6', () => {
    for (const address of [
      '127.0.0.1',
      '127.9.9.9',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '::1',
      '::',
      'fe80::1',
      'fc00::1',
      'fd12:3456::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:10.0.0.1',
      '::127.0.0.1',
      '64:ff9b::7f00:1',
      'not-an-ip',
    ]) {
      assert.equal(isPublicAddress(address), false, address);
    }
  });
  void it('accepts public addresses', () => {
    for (const address of ['8.8.8.8', '203.150.1.1', '172.32.0.1', '2001:4860::8888']) {
      assert.equal(isPublicAddress(address), true, address);
    }
    assert.equal(isPublicAddress('::ffff:8.8.8.8'), true);
  });
});

void describe('the checker never reaches internal addresses (issue 12 item 5)', () => {
  // The server being protected, on 127.0.0.1: it must never see a request in these tests.
  let internal: SyntheticSite;
  // A stand-in for the agency's public site on 127.0.0.2, declared public by the test policy.
  let town: SyntheticSite;
  const hasHostsEntry = ensureInternalTestHost();
  const publicTown = (resolve: NetworkPolicy['resolve']): NetworkPolicy => ({
    treatAsPublic: ['127.0.0.2'],
    ...(resolve ? { resolve } : {}),
  });

  let port = '';
  before(async () => {
    // Same port on both addresses, so town.test and www.town.test are one site to the crawler.
    town = await serveSyntheticSite(
      {
        '/': {
          body: page('เทศบาล', 'หน้าแรก', [
            ['/go-internal', 'ลิงก์ที่เปลี่ยนเส้นทาง'],
            ['/go-literal', 'อีกลิงก์'],
            ['/mapped-link', 'ลิงก์ IPv6'],
          ]),
        },
        '/go-internal': { status: 302, headers: { location: '/redirected' } },
        '/redirected': () => ({
          status: 302,
          headers: { location: `http://town.test:${port}/inside` },
        }),
        '/go-literal': () => ({
          status: 301,
          headers: { location: `http://127.0.0.1:${port}/literal` },
        }),
        '/mapped-link': () => ({
          body: page('ลิงก์', 'ลิงก์ภายนอก', [
            [`http://[::ffff:127.0.0.1]:${port}/mapped`, 'IPv6'],
            [`http://${INTERNAL_TEST_HOST}:${port}/linked`, 'ชื่อภายใน'],
          ]),
        }),
      },
      '127.0.0.2',
    );
    port = new URL(town.origin).port;
    internal = await serveSyntheticSite(
      { '*': { body: page('ภายใน', 'ความลับของเซิร์ฟเวอร์') } },
      '127.0.0.1',
      Number(port),
    );
  });
  after(async () => {
    await internal.close();
    await town.close();
  });

  void it(
    'refuses a name that /etc/hosts resolves to 127.0.0.1',
    { skip: !hasHostsEntry },
    async () => {
      const url = `http://${INTERNAL_TEST_HOST}:${port}/`;
      const refused = await crawlSite({ url });
      assert.equal(refused.isReachable, false);
      assert.deepEqual(
        refused.brokenLinks.map((b) => b.status),
        ['private-address'],
      );
      assert.deepEqual(internal.requests, []);
      assert.equal(await isPublicTarget(url), false);
      // The same name with the test allowance reaches the server: the name really resolves there.
      const allowed = await crawlSite({ url, network: REACH_LOOPBACK });
      assert.equal(allowed.isReachable, true);
      internal.requests.length = 0;
    },
  );

  void it(
    'refuses redirects and links into internal addresses, by name, literal or mapped v6',
    {
      skip: !hasHostsEntry,
    },
    async () => {
      // www.town.test is the public site; town.test (the same site to the crawler) is the
      // attacker's name for the server itself.
      const result = await crawlSite({
        url: `http://www.town.test:${port}/`,
        network: publicTown(async (host) => [
          { address: host === 'www.town.test' ? '127.0.0.2' : '127.0.0.1', family: 4 },
        ]),
      });
      assert.equal(result.isReachable, true);
      assert.deepEqual(internal.requests, []);
      assert.deepEqual(
        result.brokenLinks.map((b) => [b.url.replace(/:\d+\//, '/'), b.status]).sort(),
        [
          ['http://[::ffff:7f00:1]/mapped', 'private-address'],
          [`http://${INTERNAL_TEST_HOST}/linked`, 'private-address'],
          ['http://town.test/inside', 'private-address'],
        ].sort(),
      );
      // A redirect to another host is never followed at all.
      assert.deepEqual(
        result.offSiteRedirects.map((r) => r.to.replace(/:\d+\//, '/')),
        ['http://127.0.0.1/literal'],
      );
      // Off-site links are only checked for brokenness, and that check is guarded too.
      assert.deepEqual(
        result.documents.find((d) => d.url.endsWith('/mapped-link'))?.links.length,
        2,
      );
    },
  );

  void it('connects to the address it checked, so a rebinding name cannot switch to 127.0.0.1', async () => {
    let calls = 0;
    // First answer public, every later answer the server itself: a rebinding attacker's DNS.
    const rebinding: NetworkPolicy['resolve'] = async () =>
      calls++ === 0 ? [{ address: '127.0.0.2', family: 4 }] : [{ address: '127.0.0.1', family: 4 }];
    const ok = await isPublicTarget(`http://rebind.town.test:${port}/`, publicTown(rebinding));
    assert.equal(ok, true);
    const result = await crawlSite({
      url: `http://rebind.town.test:${port}/`,
      network: publicTown(rebinding),
    });
    assert.ok(calls >= 2);
    assert.deepEqual(internal.requests, []);
    assert.equal(result.isReachable, false);
    assert.equal(result.brokenLinks[0]?.status, 'private-address');
  });

  void it('refuses a literal loopback start URL unless the test allowance is given', async () => {
    const refused = await crawlSite({ url: `${internal.origin}/` });
    assert.equal(refused.isReachable, false);
    assert.deepEqual(internal.requests, []);
    assert.equal(await isPublicTarget(`${internal.origin}/`), false);
    assert.equal(await isPublicTarget('http://[::1]:80/'), false);
    const allowed = await crawlSite({ url: `${internal.origin}/`, network: REACH_LOOPBACK });
    assert.equal(allowed.isReachable, true);
  });
});
