import type { CalendarEntry } from '../adapters/dynamodb/activities.ts';
import type { Activity, Venue } from '../domain/activity.ts';
import type { FieldIssue } from '../domain/errors.ts';
import { formatIct } from '../domain/time.ts';
import type { Lang } from '../i18n/lang.ts';
import {
  ACTIVITY_REVIEW_PAGE,
  EVENTS_PAGE,
  PROPOSAL_PAGE,
  VENUES_PAGE,
} from '../i18n/messages/activities.ts';
import { whenOf } from '../mail/activity-emails.tsx';
import { Field, ListTable, withLang } from './admin-kit.tsx';
import { AdminBar } from './admin-pages.tsx';
import { CsrfField } from './csrf-field.tsx';
import { Layout, renderPage } from './layout.tsx';

const E = EVENTS_PAGE;
const P = PROPOSAL_PAGE;
const R = ACTIVITY_REVIEW_PAGE;
const V = VENUES_PAGE;

const lq = (lang: Lang) => (lang === 'en' ? '?lang=en' : '');
const monthLabel = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;
const dayLabel = (local: string) => `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;

/** The public calendar of one month, with the subscribable feed and the members' sign-in form. */
export function renderEventsPage(props: {
  lang: Lang;
  month: string;
  previous: string;
  next: string;
  items: readonly CalendarEntry[];
  /** The cursor of the month's next page, when it has more. */
  more?: string;
  feedUrl: string;
  sent?: boolean;
}) {
  const { lang } = props;
  const monthHref = (m: string) => withLang(`/su-kien?thang=${m}`, lang);
  return renderPage(
    <Layout lang={lang} title={E.title[lang]} path="/su-kien">
      <h1>{E.title[lang]}</h1>
      <p>{E.intro[lang]}</p>
      <nav class="actions" aria-label={E.month[lang](monthLabel(props.month))}>
        <a href={monthHref(props.previous)}>← {E.previous[lang]}</a>
        <a href={monthHref(props.next)}>{E.next[lang]} →</a>
      </nav>
      <h2>{E.month[lang](monthLabel(props.month))}</h2>
      {props.items.length === 0 ? (
        <p class="notice">{E.none[lang]}</p>
      ) : (
        // A list, not a table: on a phone each activity reads top to bottom, nothing scrolls sideways.
        <ul class="history events">
          {props.items.map((a) => (
            <li data-activity={a.id}>
              <strong lang={lang === 'en' ? 'en' : 'vi'}>{lang === 'en' ? a.titleEn : a.titleVi}</strong>
              <br />
              {E.date[lang]}: {dayLabel(a.start)} · {E.time[lang]}: {a.start.slice(11, 16)}–
              {a.end.slice(11, 16)}
              <br />
              {E.venue[lang]}: {a.venueName[lang]}
              <br />
              {E.member[lang]}:{' '}
              {a.memberSlug ? (
                <a href={withLang(`/thanh-vien/${encodeURIComponent(a.memberSlug)}`, lang)}>{a.memberName}</a>
              ) : (
                a.memberName
              )}
            </li>
          ))}
        </ul>
      )}
      {props.more && (
        <p>
          <a href={withLang(`/su-kien?thang=${props.month}&sau=${encodeURIComponent(props.more)}`, lang)}>
            {E.more[lang]} →
          </a>
        </p>
      )}
      <p class="hint">{E.hanoiTime[lang]}</p>
      <section class="card">
        <h2>{E.subscribe[lang]}</h2>
        <p>{E.subscribeHint[lang]}</p>
        <p>
          <a href="/su-kien.ics" class="doc-link">
            {props.feedUrl}
          </a>
        </p>
      </section>
      <section class="card" id="propose">
        <h2>{E.proposeTitle[lang]}</h2>
        {props.sent ? (
          <p class="notice notice-ok" role="status">
            <strong>{E.sentTitle[lang]}.</strong> {E.sent[lang]}
          </p>
        ) : (
          <p>{E.proposeIntro[lang]}</p>
        )}
        <form method="post" action={`/hoat-dong/sign-in${lq(lang)}`}>
          <Field label={E.email[lang]}>
            <input type="email" name="email" required maxLength={254} autocomplete="email" />
          </Field>
          <div class="actions">
            <button type="submit">{E.send[lang]}</button>
          </div>
        </form>
      </section>
    </Layout>,
  );
}

const hoursText = (venue: Venue, lang: Lang) =>
  venue.hours
    .map((h, i) => `${P.weekdays[lang](i)} ${h ? `${h.open}–${h.close}` : P.closed[lang]}`)
    .join(' · ');

/** The proposal form of an emailed link; after a refusal, the values as posted and each issue by its field. */
export function renderProposalPage(props: {
  lang: Lang;
  linkId: string;
  secret: string;
  space: string;
  venues: readonly Venue[];
  values?: Partial<Record<string, string>>;
  issues?: readonly FieldIssue[];
}) {
  const { lang } = props;
  const v = props.values ?? {};
  const issues = props.issues ?? [];
  const errorOf = (path: string) =>
    issues
      .filter((i) => i.path === path)
      .map((i) => i.message)
      .join(' ');
  const described = (path: string) =>
    errorOf(path) ? { 'aria-invalid': 'true' as const, 'aria-describedby': `error-${path}` } : {};
  const FieldError = ({ path }: { path: string }) =>
    errorOf(path) ? (
      <span class="field-error" id={`error-${path}`}>
        {errorOf(path)}
      </span>
    ) : null;
  return renderPage(
    <Layout lang={lang} title={P.title[lang]} path={`/hoat-dong/new/${props.linkId}`}>
      <h1>{P.title[lang]}</h1>
      <p>{P.intro[lang](props.space)}</p>
      {issues.length > 0 && (
        <div class="error-summary" role="alert" tabindex={-1}>
          <h2>{P.errorsTitle[lang]}</h2>
          <ul>
            {issues.map((i) => (
              <li>
                <a href={`#field-${i.path}`}>
                  {i.field}: {i.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form method="post" action={`/hoat-dong/new/${props.linkId}${lq(lang)}`} class="card proposal-form">
        <input type="hidden" name="s" value={props.secret} />
        <Field label={P.titleVi[lang]}>
          <input
            id="field-titleVi"
            name="titleVi"
            required
            maxLength={200}
            value={v.titleVi ?? ''}
            {...described('titleVi')}
          />
        </Field>
        <FieldError path="titleVi" />
        <Field label={P.titleEn[lang]}>
          <input
            id="field-titleEn"
            name="titleEn"
            required
            maxLength={200}
            value={v.titleEn ?? ''}
            {...described('titleEn')}
          />
        </Field>
        <FieldError path="titleEn" />
        <Field label={P.description[lang]}>
          <textarea
            id="field-description"
            name="description"
            required
            maxLength={3000}
            rows={5}
            {...described('description')}
          >
            {v.description ?? ''}
          </textarea>
        </Field>
        <FieldError path="description" />
        <Field label={P.venue[lang]}>
          <select id="field-venueId" name="venueId" required {...described('venueId')}>
            {props.venues.map((venue) => (
              <option value={venue.id} selected={v.venueId === venue.id}>
                {venue.name[lang]} ({P.capacity[lang](venue.capacity)})
              </option>
            ))}
          </select>
        </Field>
        <FieldError path="venueId" />
        <details>
          <summary>{P.hours[lang]}</summary>
          <ul>
            {props.venues.map((venue) => (
              <li>
                <strong>{venue.name[lang]}</strong>: {hoursText(venue, lang)}
              </li>
            ))}
          </ul>
        </details>
        <Field label={P.date[lang]}>
          <input
            id="field-date"
            type="date"
            name="date"
            required
            value={v.date ?? ''}
            {...described('date')}
          />
        </Field>
        <FieldError path="date" />
        <p class="hint" id="time-hint">
          {P.timeHint[lang]}
        </p>
        <Field label={P.from[lang]}>
          <input
            id="field-from"
            type="time"
            name="from"
            step={1800}
            required
            value={v.from ?? ''}
            {...described('from')}
          />
        </Field>
        <FieldError path="from" />
        <Field label={P.to[lang]}>
          <input
            id="field-to"
            type="time"
            name="to"
            step={1800}
            required
            value={v.to ?? ''}
            {...described('to')}
          />
        </Field>
        <FieldError path="to" />
        <Field label={P.attendance[lang]}>
          <input
            id="field-attendance"
            type="number"
            name="attendance"
            min={1}
            max={100000}
            required
            value={v.attendance ?? ''}
            {...described('attendance')}
          />
        </Field>
        <FieldError path="attendance" />
        <Field label={P.contactName[lang]}>
          <input
            id="field-contactName"
            name="contactName"
            required
            maxLength={120}
            value={v.contactName ?? ''}
            {...described('contactName')}
          />
        </Field>
        <FieldError path="contactName" />
        <Field label={P.contactPhone[lang]}>
          <input
            id="field-contactPhone"
            type="tel"
            name="contactPhone"
            required
            maxLength={30}
            value={v.contactPhone ?? ''}
            {...described('contactPhone')}
          />
        </Field>
        <FieldError path="contactPhone" />
        <Field class="check" label={P.needsPermit[lang]}>
          <input type="checkbox" name="needsPermit" value="yes" checked={v.needsPermit === 'yes'} />
        </Field>
        <div class="actions">
          <button type="submit">{P.submit[lang]}</button>
        </div>
      </form>
    </Layout>,
  );
}

/** A short page: a title and one message (a proposal received, a link that does not open, a decision made). */
export function renderMessagePage(props: {
  lang: Lang;
  title: string;
  message: string;
  path: string;
  ok?: boolean;
}) {
  return renderPage(
    <Layout lang={props.lang} title={props.title} path={props.path}>
      <h1>{props.title}</h1>
      <p class={`notice ${props.ok ? 'notice-ok' : ''}`} role="status">
        {props.message}
      </p>
      <p>
        <a href={withLang('/su-kien', props.lang)}>{E.title[props.lang]}</a>
      </p>
    </Layout>,
  );
}

/** The Centre's decision page: the proposal and the approve / reject form (POST acts, GET only shows). */
export function renderActivityReviewPage(props: {
  lang: Lang;
  linkId: string;
  secret: string;
  activity: Activity;
  issues?: readonly FieldIssue[];
}) {
  const { lang, activity: a } = props;
  const reasonError = props.issues?.find((i) => i.path === 'reason');
  return renderPage(
    <Layout lang={lang} title={R.title[lang]} path={`/hoat-dong/review/${props.linkId}`}>
      <h1>{R.title[lang]}</h1>
      <section class="card">
        <h2>
          {a.titleVi} <span lang="en">/ {a.titleEn}</span>
        </h2>
        <dl>
          <dt>{R.member[lang]}</dt>
          <dd>{a.memberName}</dd>
          <dt>{R.when[lang]}</dt>
          <dd>{whenOf(a)}</dd>
          <dt>{R.venue[lang]}</dt>
          <dd>{a.venueName[lang]}</dd>
          <dt>{R.attendance[lang]}</dt>
          <dd>{a.attendance}</dd>
          <dt>{R.contact[lang]}</dt>
          <dd>
            {a.contactName} · {a.contactPhone} · {a.memberEmail}
          </dd>
          <dt>{R.permit[lang]}</dt>
          <dd>{a.needsPermit ? R.yes[lang] : R.no[lang]}</dd>
          <dt>{R.description[lang]}</dt>
          <dd>{a.description}</dd>
        </dl>
      </section>
      <form method="post" action={`/hoat-dong/review/${props.linkId}${lq(lang)}`} class="card decision-form">
        <input type="hidden" name="s" value={props.secret} />
        <fieldset>
          <legend>{R.decision[lang]}</legend>
          <label class="check">
            <input type="radio" name="outcome" value="approved" checked /> {R.approve[lang]}
          </label>
          <label class="check">
            <input type="radio" name="outcome" value="rejected" /> {R.reject[lang]}
          </label>
        </fieldset>
        <Field label={R.reason[lang]}>
          <textarea
            name="reason"
            id="field-reason"
            rows={3}
            maxLength={1000}
            {...(reasonError ? { 'aria-invalid': 'true', 'aria-describedby': 'error-reason' } : {})}
          />
        </Field>
        {reasonError && (
          <span class="field-error" id="error-reason" role="alert">
            {reasonError.message}
          </span>
        )}
        <div class="actions">
          <button type="submit">{R.submit[lang]}</button>
        </div>
      </form>
    </Layout>,
  );
}

/** A decided proposal: by whom and when (a second coordinator's link, a second POST). */
export const decidedMessage = (a: Activity, lang: Lang) =>
  a.decision
    ? R.decided[lang](R[a.decision.outcome][lang], a.decision.by, formatIct(a.decision.at))
    : R.closed[lang];

const WEEK = [0, 1, 2, 3, 4, 5, 6] as const;

/** `/admin/venues`: each venue's capacity and weekly hours (one form per venue, one to add), and the permit guidance. */
export function renderVenuesPage(props: {
  lang: Lang;
  email: string;
  csrf: string;
  venues: readonly Venue[];
  permitGuidance: { vi: string; en: string; updatedAt?: string; updatedBy?: string };
}) {
  const { lang } = props;
  const VenueForm = ({ venue }: { venue?: Venue }) => (
    <form method="post" action={withLang('/admin/venues', lang)} class="card" data-venue={venue?.id ?? 'new'}>
      <CsrfField />
      <h2>{venue ? venue.name[lang] : V.add[lang]}</h2>
      {venue && <input type="hidden" name="id" value={venue.id} />}
      <Field label={V.nameVi[lang]}>
        <input name="nameVi" required maxLength={200} value={venue?.name.vi ?? ''} />
      </Field>
      <Field label={V.nameEn[lang]}>
        <input name="nameEn" required maxLength={200} value={venue?.name.en ?? ''} />
      </Field>
      <Field label={V.hostVi[lang]}>
        <input name="hostVi" required maxLength={200} value={venue?.host.vi ?? ''} />
      </Field>
      <Field label={V.hostEn[lang]}>
        <input name="hostEn" required maxLength={200} value={venue?.host.en ?? ''} />
      </Field>
      <Field label={V.capacity[lang]}>
        <input
          type="number"
          name="capacity"
          min={1}
          max={100000}
          required
          value={venue ? String(venue.capacity) : ''}
        />
      </Field>
      <fieldset>
        <legend>{P.hours[lang]}</legend>
        {WEEK.map((i) => (
          <p>
            <strong>{P.weekdays[lang](i)}</strong>{' '}
            <Field label={V.open[lang]}>
              <input type="time" name={`open${i}`} value={venue?.hours[i]?.open ?? ''} />
            </Field>{' '}
            <Field label={V.close[lang]}>
              <input type="time" name={`close${i}`} value={venue?.hours[i]?.close ?? ''} />
            </Field>
          </p>
        ))}
      </fieldset>
      <div class="actions">
        <button type="submit">{V.save[lang]}</button>
      </div>
    </form>
  );
  return renderPage(
    <Layout csrf={props.csrf} lang={lang} title={V.title[lang]} path="/admin/venues">
      <AdminBar lang={lang} email={props.email} />
      <h1>{V.title[lang]}</h1>
      <p>{V.intro[lang]}</p>
      <ListTable lang={lang} class="venues" columns={[V.name, V.capacity, P.hours]}>
        {props.venues.map((venue) => (
          <tr data-venue={venue.id}>
            <td>
              {venue.name[lang]} · {venue.host[lang]}
            </td>
            <td>{venue.capacity}</td>
            <td>{hoursText(venue, lang)}</td>
          </tr>
        ))}
      </ListTable>
      {props.venues.map((venue) => (
        <VenueForm venue={venue} />
      ))}
      <VenueForm />
      <form
        method="post"
        action={withLang('/admin/venues/permit-guidance', lang)}
        class="card"
        id="permit-guidance"
      >
        <CsrfField />
        <h2>{V.permitTitle[lang]}</h2>
        <p>{V.permitIntro[lang]}</p>
        {props.permitGuidance.updatedAt && (
          <p class="hint">
            {formatIct(props.permitGuidance.updatedAt)} · {props.permitGuidance.updatedBy}
          </p>
        )}
        <Field label={V.permitVi[lang]}>
          <textarea name="vi" rows={10} required maxLength={5000}>
            {props.permitGuidance.vi}
          </textarea>
        </Field>
        <Field label={V.permitEn[lang]}>
          <textarea name="en" rows={10} required maxLength={5000}>
            {props.permitGuidance.en}
          </textarea>
        </Field>
        <div class="actions">
          <button type="submit">{V.save[lang]}</button>
        </div>
      </form>
    </Layout>,
  );
}
