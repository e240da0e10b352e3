import { Fragment } from 'preact';
import { DELETION_LAG_DAYS, RETENTION } from '../domain/retention.ts';
import { say } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/lang.ts';
import { PRIVACY } from '../i18n/messages/privacy.ts';
import { centreContact, Layout, renderPage } from './layout.tsx';

const T = PRIVACY;

/** Where the notice lives (a Vietnamese path: the site's first language); `?lang=en` for English. */
export const PRIVACY_PATH = '/quyen-rieng-tu';

const inLang = (path: string, lang: Lang) => (lang === 'en' ? `${path}?lang=en` : path);

/** The consent checkbox's link to the notice: a new tab, so the form keeps what was typed. */
export function PrivacyLink({ lang }: { lang: Lang }) {
  return (
    <a href={inLang(PRIVACY_PATH, lang)} target="_blank" rel="noopener">
      {T.consentLink[lang]}
    </a>
  );
}

/**
 * The privacy notice (Nghị định 13/2023/NĐ-CP): controller, purposes, categories, retention (the numbers of
 * `RETENTION`, which the bucket's lifecycle rules and the table's TTLs enforce), what becomes public, the
 * applicant's rights and the Centre's contact (`CENTRE_CONTACT`, as in the footer).
 */
export function renderPrivacyPage({ lang }: { lang: Lang }) {
  const c = centreContact();
  const retention: [string, string][] = [
    [T.retentionDraftLabel[lang], say(T.retentionDraft, lang, RETENTION.expiredDraftDays)],
    [T.retentionUploadsLabel[lang], say(T.retentionUploads, lang, RETENTION.uploadDays)],
    [T.retentionNotAcceptedLabel[lang], say(T.retentionNotAccepted, lang, RETENTION.notAcceptedDays)],
    [T.retentionMemberLabel[lang], T.retentionMember[lang]],
    [T.retentionBackupsLabel[lang], say(T.retentionBackups, lang, RETENTION.previousVersionDays)],
    [
      T.retentionLogsLabel[lang],
      say(T.retentionLogs, lang, RETENTION.technicalLogDays, RETENTION.accessLogDays),
    ],
  ];
  return renderPage(
    <Layout lang={lang} title={T.title[lang]} path={PRIVACY_PATH}>
      <h1>{T.title[lang]}</h1>
      <p>{T.intro[lang]}</p>

      <section aria-labelledby="privacy-controller">
        <h2 id="privacy-controller">{T.controllerTitle[lang]}</h2>
        <p>{say(T.controller, lang, c.name[lang])}</p>
        <p>{T.processor[lang]}</p>
      </section>

      <section aria-labelledby="privacy-purposes">
        <h2 id="privacy-purposes">{T.purposesTitle[lang]}</h2>
        <ul>
          <li>{T.purposeReview[lang]}</li>
          <li>{T.purposeContact[lang]}</li>
          <li>{T.purposeCertificate[lang]}</li>
          <li>{T.purposeSecurity[lang]}</li>
        </ul>
      </section>

      <section aria-labelledby="privacy-categories">
        <h2 id="privacy-categories">{T.categoriesTitle[lang]}</h2>
        <ul>
          <li>{T.categorySpace[lang]}</li>
          <li>{T.categoryPerson[lang]}</li>
          <li>{T.categoryDocuments[lang]}</li>
          <li>{T.categoryTechnical[lang]}</li>
        </ul>
      </section>

      <section aria-labelledby="privacy-retention" id="retention">
        <h2 id="privacy-retention">{T.retentionTitle[lang]}</h2>
        <dl>
          {retention.map(([label, text]) => (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd>{text}</dd>
            </Fragment>
          ))}
        </dl>
        <p>{say(T.retentionLag, lang, DELETION_LAG_DAYS)}</p>
      </section>

      <section aria-labelledby="privacy-public">
        <h2 id="privacy-public">{T.publicTitle[lang]}</h2>
        <p>
          {T.publicIntro[lang]} {T.publicItems[lang]}
        </p>
        <p>{T.publicNever[lang]}</p>
      </section>

      <section aria-labelledby="privacy-rights">
        <h2 id="privacy-rights">{T.rightsTitle[lang]}</h2>
        <p>{T.rightsIntro[lang]}</p>
        <ul>
          <li>{T.rightKnow[lang]}</li>
          <li>{T.rightConsent[lang]}</li>
          <li>{T.rightAccess[lang]}</li>
          <li>{T.rightCorrect[lang]}</li>
          <li>{T.rightDelete[lang]}</li>
          <li>{T.rightObject[lang]}</li>
          <li>{T.rightComplain[lang]}</li>
        </ul>
      </section>

      <section aria-labelledby="privacy-contact">
        <h2 id="privacy-contact">{T.contactTitle[lang]}</h2>
        <p>{T.contactIntro[lang]}</p>
        <address>
          <strong>{c.name[lang]}</strong>
          <br />
          {T.contactAddress[lang]}: <span lang="vi">{c.address}</span>
          <br />
          {T.contactPhone[lang]}: {c.phone}
          <br />
          {T.contactEmail[lang]}: <a href={`mailto:${c.email}`}>{c.email}</a>
        </address>
      </section>

      <section aria-labelledby="privacy-consent">
        <h2 id="privacy-consent">{T.consentTitle[lang]}</h2>
        <p>{T.consentText[lang]}</p>
        <p>
          <a href={inLang('/', lang)}>{T.backToForm[lang]}</a>
        </p>
      </section>
    </Layout>,
  );
}
