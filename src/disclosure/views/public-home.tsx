import type { AgencyRow } from '../../core/http/env.js';
import type { OpenSurvey, PublicNewsItem } from '../public-content.js';
import {
  PUBLIC_SECTIONS,
  PublicFrame,
  SearchBox,
  useDateFormat,
  usePublicText,
  useSiteBase,
} from './public-frame.js';
import { ContactDetails } from './public-info.js';

/** หน้าแรก: who the agency is, how to reach it, the latest news and every section. */
export function PublicHomePage(props: {
  agency: AgencyRow;
  news: PublicNewsItem[];
  survey: OpenSurvey | null;
}) {
  const text = usePublicText();
  const base = useSiteBase();
  const format = useDateFormat();
  const { agency } = props;
  return (
    <PublicFrame title={text.home} section="home">
      <h1>{agency.nameTh}</h1>
      {agency.nameEn && (
        <p class="lead" lang="en">
          {agency.nameEn}
        </p>
      )}
      <SearchBox />
      {props.survey && (
        <section class="card" aria-labelledby="survey-h">
          <h2 id="survey-h">{text.survey}</h2>
          <p>{text.surveyLead}</p>
          <p>
            <a class="button" href={props.survey.href}>
              {props.survey.title}
            </a>
          </p>
        </section>
      )}
      <section aria-labelledby="news-h">
        <h2 id="news-h">{text.latestNews}</h2>
        {props.news.length === 0 ? (
          <p>{text.noNews}</p>
        ) : (
          <ul>
            {props.news.map((item) => (
              <li>
                <a href={`${base}/news/${encodeURIComponent(item.id)}`}>{item.title}</a>{' '}
                <span class="muted">
                  <time datetime={item.publishedAt.toISOString()}>{format(item.publishedAt)}</time>
                </span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href={`${base}/news`}>{text.allNews}</a> · <a href={`${base}/feed.xml`}>{text.feed}</a>
        </p>
      </section>
      <section aria-labelledby="sections-h">
        <h2 id="sections-h">{text.sections}</h2>
        <ul>
          {PUBLIC_SECTIONS.filter((s) => s.key !== 'home').map((s) => (
            <li>
              <a href={`${base}${s.path}`}>{text[s.key]}</a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="contact-h">
        <h2 id="contact-h">{text.contact}</h2>
        <ContactDetails agency={agency} />
      </section>
    </PublicFrame>
  );
}
