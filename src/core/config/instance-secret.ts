/**
 * Secrets of this installation that must stay out of the database: files of 32 random bytes
 * in `<dataDir>/secrets/`, created on first use (mode 0600) and never copied by `prongsai
 * backup`. A copy of the database, its WAL or a backup alone does not contain them.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigSchema } from './config.js';

const SECRET_BYTES = 32;
const NAME = /^[a-z0-9-]+$/;
const cache = new Map<string, Buffer>();
let secretsDataDir: string | null = null;

/** Where instanceSecret() keeps its files: set from the config by createApp and the CLI. */
export function useInstanceSecrets(dataDir: string): void {
  secretsDataDir = dataDir;
}

/**
 * The named secret of this installation. Every process sharing the data folder reads the
 * same file; the first to need it creates it (two starting at once agree on one). Throws when useInstanceSecrets() was never called.
 *
 * @example const key = instanceSecret('iit-code-key');
 */
export function instanceSecret(name: string): Buffer {
  if (!NAME.test(name)) throw new Error(`bad secret name ${JSON.stringify(name)}`);
  const dir = path.resolve(secretsDataDir ?? ConfigSchema.parse({}).dataDir, 'secrets');
  const file = path.join(dir, name);
  const cached = cache.get(file);
  if (cached) return cached;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Written whole under a temporary name, then linked: a reader never sees a partial file,
  // and of two processes creating it at once the second's link fails and it reads the first's.
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, randomBytes(SECRET_BYTES), { mode: 0o600 });
  try {
    linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(temp, { force: true });
  }
  const secret = readFileSync(file);
  if (secret.byteLength !== SECRET_BYTES) {
    throw new Error(`${file}: expected ${SECRET_BYTES} bytes, found ${secret.byteLength}`);
  }
  cache.set(file, secret);
  return secret;
}
