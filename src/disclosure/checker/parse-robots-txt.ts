/** The product token the checker announces and looks for in robots.txt. */
export const CRAWLER_TOKEN = 'Prongsai';

interface Rule {
  isAllow: boolean;
  pattern: RegExp;
  length: number;
}

/** Answers "may the checker fetch this path?" for one site. */
export interface RobotsPolicy {
  isAllowed: (pathAndQuery: string) => boolean;
}

function toPattern(path: string): RegExp {
  const anchored = path.endsWith('$');
  const body = (anchored ? path.slice(0, -1) : path)
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}${anchored ? '$' : ''}`);
}

/**
 * Parses robots.txt the way RFC 9309 says: the group naming our token wins over `*`, and within
 * a group the longest matching rule decides, Allow winning ties. Crawl-delay is not honoured;
 * the checker's own concurrency limit keeps it polite.
 */
export function parseRobotsTxt(body: string, token = CRAWLER_TOKEN): RobotsPolicy {
  const groups: { agents: string[]; rules: Rule[] }[] = [];
  let current: { agents: string[]; rules: Rule[] } | null = null;
  let lastWasAgent = false;
  for (const rawLine of body.split(/\r?\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const m = /^([a-z-]+)\s*:\s*(.*)$/i.exec(line);
    if (!m) continue;
    const field = (m[1] ?? '').toLowerCase();
    const value = (m[2] ?? '').trim();
    if (field === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current || (field !== 'allow' && field !== 'disallow')) continue;
    // An empty Disallow allows everything; it adds no rule.
    if (value === '') continue;
    current.rules.push({
      isAllow: field === 'allow',
      pattern: toPattern(value),
      length: value.length,
    });
  }
  const ours = groups.filter((g) => g.agents.includes(token.toLowerCase()));
  const chosen = ours.length > 0 ? ours : groups.filter((g) => g.agents.includes('*'));
  const rules = chosen.flatMap((g) => g.rules);
  return {
    isAllowed(pathAndQuery) {
      let best: Rule | null = null;
      for (const rule of rules) {
        if (!rule.pattern.test(pathAndQuery)) continue;
        if (!best || rule.length > best.length || (rule.length === best.length && rule.isAllow)) {
          best = rule;
        }
      }
      return best ? best.isAllow : true;
    },
  };
}

/** Used when robots.txt is absent (404) or unreadable: everything is allowed. */
export const ALLOW_ALL: RobotsPolicy = { isAllowed: () => true };
