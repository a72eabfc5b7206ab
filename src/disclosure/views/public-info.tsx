import { raw } from 'hono/html';
import type { AgencyRow } from '../../core/http/env.js';
import type { PublicExecutive, PublicQuestion, PublicTextPage } from '../public-content.js';
import { LinkList, PublicFrame, UpdatedAt, useDateFormat, usePublicText } from './public-frame.js';

type Unit = { id: string; nameTh: string; nameEn: string };

/** ที่อยู่ โทรศัพท์ อีเมล แผนที่ สื่อสังคมออนไลน์: only what the agency filled in. */
export function ContactDetails({ agency }: { agency: AgencyRow }) {
  const text = usePublicText();
  const c = agency.contact;
  const social = [
    c.facebook && { label: 'Facebook', href: c.facebook },
    c.line && {
      label: 'LINE',
      href: c.line.startsWith('http') ? c.line : `https://line.me/R/ti/p/${c.line}`,
    },
  ].filter((x): x is { label: string; href: string } => Boolean(x));
  if (!c.address && !c.phone && !c.email && !c.mapUrl && social.length === 0) {
    return <p>{text.notPublished}</p>;
  }
  return (
    <dl class="contact">
      {c.address && (
        <>
          <dt>{text.address}</dt>
          <dd>{c.address}</dd>
        </>
      )}
      {c.phone && (
        <>
          <dt>{text.phone}</dt>
          <dd>
            <a href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>{c.phone}</a>
          </dd>
        </>
      )}
      {c.fax && (
        <>
          <dt>{text.fax}</dt>
          <dd>{c.fax}</dd>
        </>
      )}
      {c.email && (
        <>
          <dt>{text.email}</dt>
          <dd>
            <a href={`mailto:${c.email}`}>{c.email}</a>
          </dd>
        </>
      )}
      {c.website && (
        <>
          <dt>{text.website}</dt>
          <dd>
            <a href={c.website}>{c.website}</a>
          </dd>
        </>
      )}
      {c.mapUrl && (
        <>
          <dt>{text.map}</dt>
          <dd>
            <a href={c.mapUrl}>{text.openMap}</a>
          </dd>
        </>
      )}
      {social.length > 0 && (
        <>
          <dt>{text.social}</dt>
          <dd>
            {social.map((s, i) => (
              <>
                {i > 0 && ' · '}
                <a href={s.href}>{s.label}</a>
              </>
            ))}
          </dd>
        </>
      )}
    </dl>
  );
}

/** ติดต่อหน่วยงาน. */
export function PublicContactPage({ agency }: { agency: AgencyRow }) {
  const text = usePublicText();
  return (
    <PublicFrame title={text.contact} section="contact">
      <h1>{text.contact}</h1>
      <p>{agency.nameTh}</p>
      <ContactDetails agency={agency} />
    </PublicFrame>
  );
}

/** โครงสร้างหน่วยงาน: the agency's units in their set order. */
export function PublicStructurePage({ agency, units }: { agency: AgencyRow; units: Unit[] }) {
  const text = usePublicText();
  return (
    <PublicFrame title={text.structure} section="structure">
      <h1>{text.structure}</h1>
      {units.length === 0 ? (
        <p>{text.noUnits}</p>
      ) : (
        <>
          <p>{agency.nameTh}</p>
          <ol>
            {units.map((u) => (
              <li>{u.nameTh}</li>
            ))}
          </ol>
        </>
      )}
    </PublicFrame>
  );
}

/** ผู้บริหาร: name, position, photo and contact of each executive. */
export function PublicExecutivesPage({ executives }: { executives: PublicExecutive[] }) {
  const text = usePublicText();
  return (
    <PublicFrame title={text.executives} section="executives">
      <h1>{text.executives}</h1>
      {executives.length === 0 && <p>{text.noExecutives}</p>}
      <ul class="stack" style="list-style:none;padding:0">
        {executives.map((e) => (
          <li class="card exec">
            {e.photoHref && <img src={e.photoHref} alt={e.name} width={96} height={120} />}
            <div>
              <h2 style="margin:0;font-size:1.1rem">{e.name}</h2>
              <p style="margin:.25rem 0">{e.position}</p>
              {e.phone && (
                <p style="margin:0">
                  {text.phone}: <a href={`tel:${e.phone.replace(/[^\d+]/g, '')}`}>{e.phone}</a>
                </p>
              )}
              {e.email && (
                <p style="margin:0">
                  {text.email}: <a href={`mailto:${e.email}`}>{e.email}</a>
                </p>
              )}
            </div>
          </li>
        ))}
      </ul>
    </PublicFrame>
  );
}

/** อำนาจหน้าที่ or กฎหมายที่เกี่ยวข้อง: a page the agency writes, or "not yet published". */
export function PublicTextPageView(props: {
  section: 'duties' | 'laws';
  page: PublicTextPage | null;
}) {
  const text = usePublicText();
  const heading = text[props.section];
  return (
    <PublicFrame title={heading} section={props.section}>
      <h1>{heading}</h1>
      {props.page ? (
        <>
          {props.page.title !== heading && <h2>{props.page.title}</h2>}
          {/* bodyHtml is sanitised when staff save it (sanitize-html, no script survives). */}
          <div>{raw(props.page.bodyHtml)}</div>
          <LinkList links={props.page.links} />
          <UpdatedAt date={props.page.updatedAt} />
        </>
      ) : (
        <p>{text.notPublished}</p>
      )}
    </PublicFrame>
  );
}

/** ถาม-ตอบ (Q&A): answered questions only. */
export function PublicQuestionsPage({ questions }: { questions: PublicQuestion[] }) {
  const text = usePublicText();
  const format = useDateFormat();
  return (
    <PublicFrame title={text.qa} section="qa">
      <h1>{text.qa}</h1>
      {questions.length === 0 && <p>{text.noQuestions}</p>}
      {questions.map((q) => (
        <section class="card" id={`q-${q.id}`}>
          <h2 style="font-size:1.05rem;margin-top:0">{q.question}</h2>
          <p>
            <strong>{text.answer}:</strong> {q.answer}
          </p>
          {q.answeredAt && (
            <p class="muted">
              <time datetime={q.answeredAt.toISOString()}>{format(q.answeredAt)}</time>
            </p>
          )}
        </section>
      ))}
    </PublicFrame>
  );
}
