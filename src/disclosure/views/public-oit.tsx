import { raw } from 'hono/html';
import { EntryTableView } from './entry-table.js';
import type { DisclosedContent } from '../../core/module.js';
import type { PublicOitEntry } from '../public-content.js';
import {
  LinkList,
  PublicFrame,
  UpdatedAt,
  usePublicText,
  useSiteBase,
  useDateFormat,
} from './public-frame.js';
import type { PublicText } from './public-text.js';

/** One OIT item as the public site shows it (ข้อ o1 โครงสร้าง …). */
export interface OitItemSummary {
  code: string;
  nameTh: string;
  subIndicator: string;
  requiredElements: string[];
  period: 'current' | 'previous' | 'none' | 'unknown';
  hasContent: boolean;
  /** The item's one status as the public may know it: drafts are not theirs to see. */
  publicStatus: 'published' | 'outdated' | 'missing';
  updatedAt: Date | null;
}

/** ตัวชี้วัดย่อย with its items, in the framework's order. */
export interface OitGroup {
  code: string;
  nameTh: string;
  items: OitItemSummary[];
}

/**
 * The year picker is a GET form with a button: it works without JavaScript, and a changed
 * selection never navigates by itself (WCAG 3.2.2).
 */
function YearPicker({ years, year }: { years: number[]; year: number }) {
  const text = usePublicText();
  const base = useSiteBase();
  return (
    <form method="get" action={`${base}/oit`} class="site-search">
      <label for="oit-year">{text.fiscalYear}</label>
      <select id="oit-year" name="year">
        {[...years].reverse().map((y) => (
          <option value={String(y)} selected={y === year}>
            {y}
          </option>
        ))}
      </select>
      <button type="submit" class="button secondary">
        {text.show}
      </button>
    </form>
  );
}

/**
 * ITA / OIT index: every item of the fiscal year, grouped by sub-indicator, each one link
 * away, so an assessor reaches any item in two clicks from the home page.
 */
export function PublicOitIndexPage(props: {
  fiscalYear: number;
  years: number[];
  titleTh: string;
  groups: OitGroup[];
}) {
  const text = usePublicText();
  const base = useSiteBase();
  const total = props.groups.reduce((n, g) => n + g.items.length, 0);
  const published = props.groups.reduce(
    (n, g) => n + g.items.filter((i) => i.hasContent).length,
    0,
  );
  return (
    <PublicFrame title={`${text.oit} ${props.fiscalYear}`} section="oit">
      <h1>
        {text.oit} {text.fiscalYear} {props.fiscalYear}
      </h1>
      <p class="lead">{text.oitLead}</p>
      <YearPicker years={props.years} year={props.fiscalYear} />
      <p>
        {text.hasData} {published} / {total} {text.item}
      </p>
      {props.groups.map((group) => (
        <section class="oit-group" aria-labelledby={`g-${group.code}`}>
          <h2 id={`g-${group.code}`}>
            {group.code} {group.nameTh}
          </h2>
          <ul class="oit-list">
            {group.items.map((item) => (
              <li data-item={item.code} data-item-status={item.publicStatus}>
                <span class="oit-code">{item.code.toUpperCase()}</span>
                <a href={`${base}/oit/${props.fiscalYear}/${item.code}`}>{item.nameTh}</a>
                {item.hasContent ? (
                  <span class="badge ok">{text.hasData}</span>
                ) : (
                  <span class="badge bad">{text.missing}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </PublicFrame>
  );
}

function periodText(text: PublicText, period: OitItemSummary['period']): string {
  return {
    current: text.periodCurrent,
    previous: text.periodPrevious,
    none: text.periodNone,
    unknown: text.periodUnknown,
  }[period];
}

/**
 * One OIT item: what the NACC requires, what the agency published (its own entries and what
 * other modules feed in), and when it was last updated. A missing item says so plainly.
 */
export function PublicOitItemPage(props: {
  fiscalYear: number;
  item: OitItemSummary;
  subIndicatorName: string;
  entries: PublicOitEntry[];
  fed: DisclosedContent[];
}) {
  const text = usePublicText();
  const base = useSiteBase();
  const format = useDateFormat();
  const { item } = props;
  const heading = `${item.code.toUpperCase()} ${item.nameTh}`;
  return (
    <PublicFrame title={`${heading} (${props.fiscalYear})`} section="oit">
      <p>
        <a href={`${base}/oit?year=${props.fiscalYear}`}>{text.backToOit}</a>
      </p>
      <h1>{heading}</h1>
      <p class="muted">
        {text.fiscalYear} {props.fiscalYear} · {props.subIndicatorName} ·{' '}
        {periodText(text, item.period)}
      </p>
      <section aria-labelledby="req-h">
        <h2 id="req-h">{text.requiredElements}</h2>
        {item.requiredElements.length > 0 ? (
          <ol>
            {item.requiredElements.map((e) => (
              <li>{e}</li>
            ))}
          </ol>
        ) : (
          <p>{text.elementsUnknown}</p>
        )}
      </section>
      <section aria-labelledby="pub-h">
        <h2 id="pub-h">{text.published}</h2>
        {!item.hasContent && (
          <p class="notice">
            <strong>{text.missing}:</strong> {text.missingItem}
          </p>
        )}
        {props.entries.map((entry) => (
          <article class="card">
            <h3 style="margin-top:0">
              {entry.title} {entry.isDemo && <span class="badge warn">{text.demo}</span>}
            </h3>
            {/* bodyHtml is sanitised when staff save it. */}
            {entry.bodyHtml && <div>{raw(entry.bodyHtml)}</div>}
            {entry.table && entry.table.columns.length > 0 && (
              <EntryTableView table={entry.table} />
            )}
            <LinkList links={entry.links} />
            {entry.responsibleUnit && (
              <p class="muted">
                {text.responsibleUnit}: {entry.responsibleUnit}
              </p>
            )}
            <p class="muted">
              {text.publishedOn}{' '}
              <time datetime={entry.publishedAt.toISOString()}>{format(entry.publishedAt)}</time>
            </p>
          </article>
        ))}
        {props.fed.map((content) => (
          <article class="card">
            <h3 style="margin-top:0">{content.title}</h3>
            {content.summary && <p>{content.summary}</p>}
            <LinkList links={content.links} />
          </article>
        ))}
      </section>
      {item.updatedAt && <UpdatedAt date={item.updatedAt} />}
    </PublicFrame>
  );
}
