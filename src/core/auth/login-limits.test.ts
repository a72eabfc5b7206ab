import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../test/helpers/test-context.js';
import { createStaffMember } from '../agencies/staff-members.js';
import type { AppContext } from '../context.js';
import { RateLimitedError, ValidationError } from '../errors.js';
import { FAST_HASH_COST } from './password.js';
import { logIn, type LogInClient } from './log-in.js';
import { ACCOUNT_FROM_UNKNOWN_DEVICES, CLIENT_ADDRESS, delayAfter } from './login-limits.js';

describe('log-in slowdown and limits (OWASP device cookies)', () => {
  let t: TestContext;
  let clock: Date;
  let ctx: AppContext;
  before(async () => {
    t = await createTestContext();
    clock = new Date('2026-12-06T08:00:00Z');
    ctx = { ...t.systemCtx, now: () => clock };
  });
  after(() => t.close());

  const tick = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  const person = (email: string) =>
    createStaffMember(
      t.ctx,
      { email, displayName: email, roles: 'unit_officer', password: 'correct-horse-9' },
      FAST_HASH_COST,
    );
  const attempt = (email: string, password: string, client: LogInClient) =>
    logIn(ctx, { email, password }, client).then(
      (r) => ({ ok: true as const, deviceToken: r.deviceToken }),
      (error: unknown) => {
        if (error instanceof RateLimitedError) return { ok: false as const, limited: error };
        if (error instanceof ValidationError) return { ok: false as const, limited: null };
        throw error;
      },
    );

  it('slows down a guesser from an unknown device, then stops it, but not the owner on a known device', async () => {
    await person('mayor@example.org');
    const home = { address: '203.0.113.1' };
    const first = await attempt('mayor@example.org', 'correct-horse-9', home);
    assert.ok(first.ok);
    const knownDevice = { address: '203.0.113.1', deviceToken: first.deviceToken };
    const stranger = { address: '198.51.100.7' };

    const policy = ACCOUNT_FROM_UNKNOWN_DEVICES;
    for (let n = 1; n <= policy.maxFailures; n++) {
      const r = await attempt('mayor@example.org', `guess-${n}`, stranger);
      assert.deepEqual(r, { ok: false, limited: null }, `guess ${n} is checked`);
      if (n > policy.freeFailures) {
        // Right away, the next guess is refused unchecked: the slowdown.
        const early = await attempt('mayor@example.org', 'correct-horse-9', stranger);
        assert.ok(!early.ok && early.limited, `guess ${n + 1} right after ${n} is slowed down`);
      }
      tick(delayAfter(policy, n));
    }
    // The limit: even the right password from an unknown device waits for the window's end.
    const stopped = await attempt('mayor@example.org', 'correct-horse-9', stranger);
    assert.ok(!stopped.ok && stopped.limited);
    assert.equal(stopped.limited.messageKey, 'auth.errors.waitMinutes');
    // The mayor's own browser is not locked out.
    assert.ok((await attempt('mayor@example.org', 'correct-horse-9', knownDevice)).ok);
    // A forged or stolen-looking device cookie is just an unknown device.
    const forged = { address: '198.51.100.7', deviceToken: 'x'.repeat(43) };
    assert.ok(!(await attempt('mayor@example.org', 'correct-horse-9', forged)).ok);
    tick(policy.windowMs);
    assert.ok((await attempt('mayor@example.org', 'correct-horse-9', stranger)).ok);
  });

  it("counts a known device's own failures against that device only", async () => {
    await person('clerk@example.org');
    const office = { address: '203.0.113.2' };
    const first = await attempt('clerk@example.org', 'correct-horse-9', office);
    assert.ok(first.ok);
    const device = { ...office, deviceToken: first.deviceToken };
    for (let n = 1; n <= ACCOUNT_FROM_UNKNOWN_DEVICES.maxFailures; n++) {
      await attempt('clerk@example.org', `typo-${n}`, device);
      tick(delayAfter(ACCOUNT_FROM_UNKNOWN_DEVICES, n));
    }
    const fromDevice = await attempt('clerk@example.org', 'correct-horse-9', device);
    assert.ok(!fromDevice.ok && fromDevice.limited, 'the device is stopped');
    assert.ok(
      (await attempt('clerk@example.org', 'correct-horse-9', office)).ok,
      'other browsers are not',
    );
  });

  it('one address with many failures only slows others behind it, briefly, and not known devices', async () => {
    await person('colleague@example.org');
    await person('newcomer@example.org');
    const nat = { address: '192.0.2.50' };
    const known = await attempt('colleague@example.org', 'correct-horse-9', nat);
    assert.ok(known.ok);
    // A guesser behind the town hall's NAT sprays ten accounts, 40 guesses in all.
    for (let i = 0; i < 10; i++) await person(`sprayed-${i}@example.org`);
    for (let n = 1; n <= 40; n++) {
      const r = await attempt(`sprayed-${n % 10}@example.org`, 'password123', nat);
      assert.ok(!r.ok);
      tick(delayAfter(CLIENT_ADDRESS, n));
    }
    tick(-delayAfter(CLIENT_ADDRESS, 40));
    const colleague = { ...nat, deviceToken: known.deviceToken };
    assert.ok((await attempt('colleague@example.org', 'correct-horse-9', colleague)).ok);
    const newcomer = await attempt('newcomer@example.org', 'correct-horse-9', nat);
    assert.ok(!newcomer.ok && newcomer.limited, 'an unknown device waits');
    assert.equal(newcomer.limited.messageKey, 'auth.errors.waitSeconds');
    assert.ok(Number(newcomer.limited.details.seconds) <= CLIENT_ADDRESS.maxDelayMs / 1000);
    tick(CLIENT_ADDRESS.maxDelayMs);
    assert.ok((await attempt('newcomer@example.org', 'correct-horse-9', nat)).ok, 'then gets in');
  });
});
