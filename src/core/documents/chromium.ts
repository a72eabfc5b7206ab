/**
 * One shared headless Chromium (Debian's, through playwright-core) for PDFs, chart PNGs and browser
 * tests. Launching costs ~0.3 s, so the browser starts on first use and is reused; each caller
 * gets its own context so pages never share cookies or storage.
 */
import { existsSync } from 'node:fs';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
} from 'playwright-core';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags that keep a server-side Chromium quiet: no GPU, no sandbox (runs as a service user), no calls home. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** Thrown when no Chromium binary is found; the message says how to fix it in Thai and English. */
export class ChromiumMissingError extends Error {
  constructor(readonly executablePath: string) {
    super(
      `ไม่พบโปรแกรม Chromium ที่ ${executablePath} จึงสร้างไฟล์ PDF ไม่ได้: ติดตั้งด้วย ` +
        `"apt-get install chromium" หรือกำหนดตัวแปร CHROMIUM_PATH / ` +
        `Chromium not found at ${executablePath}, so PDFs cannot be rendered: ` +
        `install it with "apt-get install chromium" or set CHROMIUM_PATH.`,
    );
    this.name = 'ChromiumMissingError';
  }
}

/** The Chromium binary to launch: `CHROMIUM_PATH` if set, else Debian's. */
export function chromiumExecutablePath(): string {
  return process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
}

let browserPromise: Promise<Browser> | undefined;
let isExitHookInstalled = false;
const usage = { launches: 0, uses: 0 };

/**
 * How often this process launched Chromium and asked for it (every PDF, chart PNG or screenshot
 * asks). Tests read it to prove a request path never renders (no anonymous request may).
 */
export function chromiumUsage(): { launches: number; uses: number } {
  return { ...usage };
}

function installExitHook(): void {
  if (isExitHookInstalled) return;
  isExitHookInstalled = true;
  // playwright-core kills its child on a normal exit; 'beforeExit' also lets us close cleanly so no
  // orphaned renderer survives a test run, and signals get the same treatment.
  process.once('beforeExit', () => void closeBrowser());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void closeBrowser().finally(() => process.kill(process.pid, signal));
    });
  }
}

/**
 * The shared browser, launched on first call. Concurrent first calls share one launch.
 * @throws ChromiumMissingError when the executable does not exist.
 */
export async function getBrowser(): Promise<Browser> {
  usage.uses++;
  if (browserPromise) {
    const browser = await browserPromise;
    if (browser.isConnected()) return browser;
    browserPromise = undefined;
  }
  const executablePath = chromiumExecutablePath();
  if (!existsSync(executablePath)) throw new ChromiumMissingError(executablePath);
  installExitHook();
  usage.launches++;
  browserPromise = chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
  try {
    return await browserPromise;
  } catch (error) {
    browserPromise = undefined;
    throw error;
  }
}

/**
 * Runs `fn` with a fresh browser context (isolated cookies/storage) and always closes it.
 * @example const png = await withBrowserContext(async (ctx) => (await ctx.newPage()).screenshot());
 */
export async function withBrowserContext<T>(
  fn: (context: BrowserContext) => Promise<T>,
  options: BrowserContextOptions = {},
): Promise<T> {
  const browser = await getBrowser();
  const context = await browser.newContext(options);
  try {
    return await fn(context);
  } finally {
    await context.close();
  }
}

/** Closes the shared browser if it was launched; the next `getBrowser()` launches a new one. */
export async function closeBrowser(): Promise<void> {
  const pending = browserPromise;
  browserPromise = undefined;
  if (!pending) return;
  const browser = await pending.catch(() => undefined);
  await browser?.close();
}
