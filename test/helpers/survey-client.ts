import { surveyShape, fieldName } from '../../src/surveys/survey-pages.js';

/** A respondent over real HTTP (fetch): cookies kept by hand, no redirects followed. */
export class SurveyClient {
  private readonly cookies = new Map<string, string>();
  csrf = '';
  constructor(readonly baseUrl: string) {}

  /** The Cookie header this respondent sends (also replayed by the surge benchmark's wrk). */
  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  private keep(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const [k, v] = [pair!.slice(0, eq), pair!.slice(eq + 1)];
      if (/max-age=0/i.test(line)) this.cookies.delete(k);
      else this.cookies.set(k, v);
      if (k === 'prongsai_csrf') this.csrf = v;
    }
    return res;
  }
  async get(path: string): Promise<Response> {
    return this.keep(
      await fetch(this.baseUrl + path, {
        headers: { cookie: this.cookieHeader() },
        redirect: 'manual',
      }),
    );
  }
  async post(path: string, form: Record<string, string>): Promise<Response> {
    return this.keep(
      await fetch(this.baseUrl + path, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          cookie: this.cookieHeader(),
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ _csrf: this.csrf, ...form }).toString(),
      }),
    );
  }
}

/**
 * A seeded generator of numbers in [0, 1) (mulberry32, 32-bit integer arithmetic), so runs
 * repeat. A floating-point LCG overflowed 2^53, cycled early and sent identical answer sets,
 * which duplicate detection rightly refused to count twice.
 */
export function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random answers for every question of one page (`random` returns [0, 1)). */
export function randomPageForm(
  fiscalYear: number,
  tool: 'IIT' | 'EIT',
  pageNo: number,
  random: () => number,
): Record<string, string> {
  const shape = surveyShape(fiscalYear, tool);
  const form: Record<string, string> = { action: 'next' };
  for (const q of shape.pages[pageNo - 1]?.questions ?? []) {
    const options = shape.scaleOf(q).options.map((o) => o.value);
    const pick = () => options[Math.floor(random() * options.length)]!;
    if (q.subItems.length === 0) form[fieldName(q.code)] = pick();
    else q.subItems.forEach((_, i) => (form[fieldName(q.code, i)] = pick()));
  }
  return form;
}

export interface PreparedSubmission {
  client: SurveyClient;
  path: string;
  form: Record<string, string>;
  submissionKey: string;
}

/**
 * Walks an EIT survey up to (not including) the final POST: notice, start, every page but
 * the last. Returns the final request ready to send (and to re-send after a crash).
 */
export async function prepareEitSubmission(
  baseUrl: string,
  surveyPath: string,
  fiscalYear: number,
  random: () => number,
): Promise<PreparedSubmission> {
  const client = new SurveyClient(baseUrl);
  await client.get(surveyPath);
  const start = await client.post(`${surveyPath}/start`, { ch: 'counter' });
  if (start.status !== 303) throw new Error(`start: ${start.status}`);
  // The page count includes the agency's extra questions, so read it off the page.
  const first = await (await client.get(`${surveyPath}/p/1`)).text();
  const pages = Number(/หน้า 1 จาก (\d+)/.exec(first)?.[1]);
  for (let n = 1; n < pages; n++) {
    const res = await client.post(
      `${surveyPath}/p/${n}`,
      randomPageForm(fiscalYear, 'EIT', n, random),
    );
    if (res.status !== 303) throw new Error(`page ${n}: ${res.status}`);
  }
  const html = await (await client.get(`${surveyPath}/p/${pages}`)).text();
  const submissionKey = /name="submissionKey" value="([^"]+)"/.exec(html)?.[1];
  if (!submissionKey) throw new Error('no submission key on the last page');
  return {
    client,
    path: `${surveyPath}/p/${pages}`,
    form: { ...randomPageForm(fiscalYear, 'EIT', pages, random), submissionKey },
    submissionKey,
  };
}

/** Sends the final POST; the outcome comes from the thank-you page, null if not thanked. */
export async function sendSubmission(s: PreparedSubmission): Promise<string | null> {
  const res = await s.client.post(s.path, s.form);
  const html = await res.text();
  if (res.status !== 200 || !html.includes('ขอบคุณ')) return null;
  return /data-outcome="([^"]+)"/.exec(html)?.[1] ?? null;
}
