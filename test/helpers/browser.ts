import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createNodeServer, listen, type ServedApp } from '../../src/core/http/serve-app.js';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, DEFAULT_CHROMIUM_PATH } from '../../src/core/documents/chromium.js';

export { CHROMIUM_ARGS };

/** Where chromium lives: CHROMIUM_PATH, else Debian's package. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH;
}

/**
 * Launches chromium through playwright-core. Without chromium, a local run skips the test
 * (`t.skip`) with a clear message; on CI (CI=true) it throws, so a missing browser can never
 * turn browser tests into silent passes.
 */
export async function launchBrowser(t?: {
  skip: (message: string) => void;
}): Promise<Browser | undefined> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    const message = `chromium not found at ${executablePath} (apt-get install chromium, or set CHROMIUM_PATH)`;
    if (process.env.CI === 'true' || !t) throw new Error(message);
    t.skip(message);
    return undefined;
  }
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
}

export interface RunningServer {
  baseUrl: string;
  close: () => Promise<void>;
}

/**
 * Serves an app on 127.0.0.1 at a free port, for browsers and real HTTP clients. Pass what
 * createApp built (`t.web`) to serve it as `prongsai serve` does, page cache and Node lanes
 * first; a bare Hono app is served through Hono alone.
 */
export async function startServer(app: ServedApp | ServedApp['app']): Promise<RunningServer> {
  const server = createNodeServer('fetch' in app ? { app } : app);
  await listen(server, 0, '127.0.0.1');
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
