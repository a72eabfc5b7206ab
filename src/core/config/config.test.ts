import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from './config.js';

const dir = mkdtempSync(path.join(tmpdir(), 'prongsai-config-'));
const toml = (name: string, text: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};

/** Thai first, then English, as every operator-facing message. */
const THAI_AND_ENGLISH = /[\u0E00-\u0E7F].* \/ [A-Za-z]/;

describe('loadConfig', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads env and file settings into a typed config', () => {
    const file = toml('ok.toml', 'port = 8123\nseed_demo = true\n');
    const config = loadConfig({ PRONGSAI_CONFIG: file, DATA_DIR: '/tmp/x' });
    assert.equal(config.port, 8123);
    assert.equal(config.seedDemo, true);
    assert.equal(config.dataDir, '/tmp/x');
  });

  for (const port of ['abc', '70000', '-1', '80.5']) {
    it(`refuses PORT=${port} naming the variable`, () => {
      assert.throws(
        () => loadConfig({ PORT: port }),
        (error: unknown) =>
          error instanceof ConfigError &&
          THAI_AND_ENGLISH.test(error.message) &&
          error.message.includes('PORT'),
      );
    });
  }

  it('refuses an unknown PRONGSAI_ variable (a typo must not fall back to a default)', () => {
    assert.throws(
      () => loadConfig({ PRONGSAI_DATABSE_URL: 'postgres://x' }),
      (error: unknown) =>
        error instanceof ConfigError &&
        THAI_AND_ENGLISH.test(error.message) &&
        error.message.includes('PRONGSAI_DATABSE_URL'),
    );
  });

  it('refuses an unknown key in the TOML file, naming key and file', () => {
    const file = toml('typo.toml', 'prot = 8080\n');
    assert.throws(
      () => loadConfig({ PRONGSAI_CONFIG: file }),
      (error: unknown) =>
        error instanceof ConfigError &&
        THAI_AND_ENGLISH.test(error.message) &&
        error.message.includes('prot') &&
        error.message.includes(file),
    );
  });

  it('refuses a wrongly typed TOML value, naming where it came from', () => {
    const file = toml('bad.toml', 'port = "eighty"\n');
    assert.throws(
      () => loadConfig({ PRONGSAI_CONFIG: file }),
      (error: unknown) =>
        error instanceof ConfigError &&
        THAI_AND_ENGLISH.test(error.message) &&
        error.message.includes(`${file}: port`),
    );
  });

  it('refuses a TOML file that does not parse', () => {
    const file = toml('broken.toml', 'port = = 1\n');
    assert.throws(
      () => loadConfig({ PRONGSAI_CONFIG: file }),
      (error: unknown) => error instanceof ConfigError && THAI_AND_ENGLISH.test(error.message),
    );
  });
});
