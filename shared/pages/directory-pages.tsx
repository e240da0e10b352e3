import {
  CREATIVE_FIELDS,
  type DirectoryFilter,
  type MemberProfile,
  PROFILE_LIMITS,
} from '../domain/directory.ts';
import { formerUnitsOf } from '../domain/former-units.ts';
import { formatIct } from '../domain/time.ts';
import { WARDS, wardByCode } from '../domain/wards.ts';
import { say } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/lang.ts';
import {
  DIRECTORY_MAP,
  DIRECTORY_PAGE,
  MEMBER_ADMIN,
  PROFILE_EDIT,
  PROFILE_FIELDS,
  PROFILE_PHOTOS,
} from '../i18n/messages/directory.ts';
import { CREATIVE_FIELD_LABELS } from '../i18n/messages/form.ts';
import type { DirectoryPage, MapMarker, MemberCard, ProfileEditView } from '../usecases/directory.ts';
import { asset } from './assets.ts';
import { CsrfField } from './csrf-field.tsx';
import { scriptJson } from './document-slot.tsx';
import { Layout, renderPage } from './layout.tsx';

/** The map's tiles, when a tile URL is configured (`DIRECTORY_TILE_URL`); without them, no map at all. */
export interface MapTiles {
  readonly url: string;
  readonly attribution?: string;
}

/** What the map script reads (`#member-map-data`): the tiles and a marker per member with a pin. */
export interface MapData {
  readonly tiles: MapTiles;
  readonly markers: readonly { name: string; href: string; lat: number; lng: number }[];
}

/** What the editing page's photo script reads (`#profile-photos-data`). */
export interface PhotoUploadData {
  readonly uploadUrl: string;
  readonly secret: string;
  readonly maxBytes: number;
  readonly max: number;
  readonly words: Record<
    'uploading' | 'uploaded' | 'failed' | 'notImage' | 'tooLarge' | 'tooMany' | 'newPhoto',
    string
  >;
}

const T = DIRECTORY_PAGE;
const E = PROFILE_EDIT;

const withLang = (path: string, lang: Lang, query: Record<string, string | undefined> = {}) => {
  const q = new URLSearchParams(
    Object.entries({ ...query, lang: lang === 'en' ? 'en' : undefined }).filter((e): e is [string, string] =>
      Boolean(e[1]),
    ),
  ).toString();
  return q ? `${path}?${q}` : path;
};

const fieldLabel = (f: string, lang: Lang) =>
  (CREATIVE_FIELD_LABELS as Record<string, { vi: string; en: string }>)[f]?.[lang] ?? f;

/** The ward's current name, with the units people knew before July 2025 as a hint. */
function WardName({ code, lang }: { code: string; lang: Lang }) {
  const ward = wardByCode(code);
  const former = formerUnitsOf(code).names;
  const shown = former.slice(0, 3).join(', ') + (former.length > 3 ? '…' : '');
  return (
    <>
      {ward?.name ?? code}
      {shown ? <span class="hint"> ({say(T.formerly, lang, shown)})</span> : null}
    </>
  );
}

/** A ward's option: the new name and the old districts it lies in. */
const wardOption = (code: string) => {
  const ward = wardByCode(code);
  const districts = formerUnitsOf(code).districts;
  return `${ward?.name ?? code}${districts.length ? ` — ${districts.join(', ')}` : ''}`;
};

function Links({ m, lang }: { m: MemberProfile; lang: Lang }) {
  if (!m.website && !m.socialLinks.length) return null;
  return (
    <p class="member-links">
      {m.website ? (
        <a href={m.website} rel="nofollow noopener" class="member-website">
          {T.website[lang]}
        </a>
      ) : null}
      {m.socialLinks.map((url) => (
        <>
          {' · '}
          <a href={url} rel="nofollow noopener">
            {hostOf(url)}
          </a>
        </>
      ))}
    </p>
  );
}

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
};

const nameIn = (m: { name: string; nameEn?: string }, lang: Lang) =>
  lang === 'en' && m.nameEn ? m.nameEn : m.name;

/** A chosen photo, served by the directory from the private bucket. */
const photoSrc = (slug: string, id: string) => `/thanh-vien/${slug}/anh/${id}`;

/**
 * The map (only with tiles configured): an enhancement above the list, which stays the full view. The
 * markers go to the script as JSON data (escaped), never as inline script; Leaflet and its stylesheet are
 * fetched by the script, from this site's hashed assets.
 */
function MemberMap({ lang, tiles, markers }: { lang: Lang; tiles: MapTiles; markers: readonly MapMarker[] }) {
  const data: MapData = {
    tiles,
    markers: markers.map((p) => ({
      name: nameIn(p, lang),
      href: withLang(`/thanh-vien/${p.slug}`, lang),
      lat: p.lat,
      lng: p.lng,
    })),
  };
  return (
    <>
      <section
        id="member-map"
        class="member-map"
        aria-label={DIRECTORY_MAP.label[lang]}
        aria-describedby="member-map-hint"
        data-leaflet={asset('leaflet')}
        data-leaflet-css={asset('leaflet-css')}
      ></section>
      <p class="hint" id="member-map-hint">
        {DIRECTORY_MAP.hint[lang]}
      </p>
      <script
        type="application/json"
        id="member-map-data"
        // JSON data, `<` escaped (scriptJson): never executed (the CSP admits no inline script).
        dangerouslySetInnerHTML={{ __html: scriptJson(data) }}
      />
    </>
  );
}

const description = (m: MemberProfile, lang: Lang) =>
  lang === 'en' && m.descriptionEn ? m.descriptionEn : m.descriptionVi;

/** One member's card in the list. */
function Card({ m, lang }: { m: MemberCard; lang: Lang }) {
  const text = description(m, lang);
  return (
    <li class="card member-card" data-member={m.slug}>
      {m.photos?.[0] ? (
        <img
          class="member-photo"
          src={photoSrc(m.slug, m.photos[0].id)}
          alt={say(PROFILE_PHOTOS.photoOf, lang, nameIn(m, lang))}
          loading="lazy"
          width={320}
          height={240}
        />
      ) : null}
      <h2>
        <a href={withLang(`/thanh-vien/${m.slug}`, lang)}>{lang === 'en' && m.nameEn ? m.nameEn : m.name}</a>
      </h2>
      <p class="member-fields">{m.fields.map((f) => fieldLabel(f, lang)).join(' · ')}</p>
      <p class="member-ward">
        <WardName code={m.wardCode} lang={lang} />
      </p>
      <p>{text.length > 240 ? `${text.slice(0, 237)}…` : text}</p>
      <Links m={m} lang={lang} />
      <p>
        <a href={m.verifyUrl} class="verify-link">
          {T.verify[lang]}
        </a>
      </p>
    </li>
  );
}

/** `/thanh-vien`: the members, filters by field and ward, an accent-free search, pages of cards. */
export function renderDirectoryPage(props: {
  lang: Lang;
  page: DirectoryPage;
  filter: DirectoryFilter;
  tiles?: MapTiles;
}) {
  const { lang, page, filter, tiles } = props;
  const wards = WARDS.filter((w) => page.wards.includes(w.code));
  const fields = CREATIVE_FIELDS.filter((f) => page.fields.includes(f));
  const query = { field: filter.field, ward: filter.ward, q: filter.q };
  return renderPage(
    <Layout
      lang={lang}
      title={T.title[lang]}
      path="/thanh-vien"
      scripts={tiles && page.pins?.length ? [asset('directory-map')] : []}
    >
      <h1>{T.title[lang]}</h1>
      <p>{T.intro[lang]}</p>
      <form method="get" action="/thanh-vien" class="card directory-filter">
        {lang === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
        <label>
          {T.search[lang]}
          <input type="search" name="q" value={filter.q ?? ''} maxLength={100} />
        </label>
        <label>
          {T.field[lang]}
          <select name="field">
            <option value="">{T.anyField[lang]}</option>
            {fields.map((f) => (
              <option value={f} selected={filter.field === f}>
                {fieldLabel(f, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {T.ward[lang]}
          <select name="ward">
            <option value="">{T.anyWard[lang]}</option>
            {wards.map((w) => (
              <option value={w.code} selected={filter.ward === w.code}>
                {wardOption(w.code)}
              </option>
            ))}
          </select>
        </label>
        <div class="actions">
          <button type="submit">{T.filter[lang]}</button>
          {filter.field || filter.ward || filter.q ? (
            <a href={withLang('/thanh-vien', lang)}>{T.clear[lang]}</a>
          ) : null}
        </div>
      </form>
      <p role="status" id="member-count">
        {say(T.count, lang, page.matched, page.total)}
      </p>
      {tiles && page.pins?.length ? <MemberMap lang={lang} tiles={tiles} markers={page.pins} /> : null}
      {page.members.length ? (
        <ul class="member-list">
          {page.members.map((m) => (
            <Card m={m} lang={lang} />
          ))}
        </ul>
      ) : (
        <p class="notice">{T.none[lang]}</p>
      )}
      {page.pages > 1 ? (
        <nav class="actions" aria-label={say(T.pageOf, lang, page.page, page.pages)}>
          {page.page > 1 ? (
            <a href={withLang('/thanh-vien', lang, { ...query, page: String(page.page - 1) })} rel="prev">
              {T.previous[lang]}
            </a>
          ) : null}
          <span>{say(T.pageOf, lang, page.page, page.pages)}</span>
          {page.page < page.pages ? (
            <a href={withLang('/thanh-vien', lang, { ...query, page: String(page.page + 1) })} rel="next">
              {T.next[lang]}
            </a>
          ) : null}
        </nav>
      ) : null}
      <section class="card">
        <h2>{T.forMembers[lang]}</h2>
        <p id="sign-in-hint">{T.forMembersHint[lang]}</p>
        <form method="post" action={withLang('/thanh-vien/sign-in', lang)}>
          <label>
            {T.email[lang]}
            <input
              type="email"
              name="email"
              required
              maxLength={254}
              autocomplete="email"
              aria-describedby="sign-in-hint"
            />
          </label>
          <button type="submit">{T.sendLink[lang]}</button>
        </form>
      </section>
    </Layout>,
  );
}

/** `/thanh-vien/<slug>`: one member's public page. */
export function renderMemberPage(props: { lang: Lang; member: MemberCard; tiles?: MapTiles }) {
  const { lang, member: m, tiles } = props;
  const name = nameIn(m, lang);
  const map = tiles && m.pin ? tiles : undefined;
  return renderPage(
    <Layout
      lang={lang}
      title={name}
      path={`/thanh-vien/${m.slug}`}
      scripts={map ? [asset('directory-map')] : []}
    >
      <p>
        <a href={withLang('/thanh-vien', lang)}>{T.backToList[lang]}</a>
      </p>
      <h1>{name}</h1>
      {lang === 'vi' && m.nameEn ? <p lang="en">{m.nameEn}</p> : null}
      {m.photos?.length ? (
        <ul class="member-photos">
          {m.photos.map((p, i) => (
            <li>
              <img
                class="member-photo"
                src={photoSrc(m.slug, p.id)}
                alt={`${say(PROFILE_PHOTOS.photoOf, lang, name)} (${i + 1}/${m.photos!.length})`}
                loading={i ? 'lazy' : undefined}
                width={320}
                height={240}
              />
            </li>
          ))}
        </ul>
      ) : null}
      <section class="card">
        <p class="member-description">{description(m, lang)}</p>
        <dl>
          <dt>{T.fields[lang]}</dt>
          <dd>{m.fields.map((f) => fieldLabel(f, lang)).join(' · ')}</dd>
          <dt>{T.address[lang]}</dt>
          <dd>
            {m.street ? `${m.street}, ` : ''}
            <WardName code={m.wardCode} lang={lang} />
          </dd>
          {m.openingHours ? (
            <>
              <dt>{T.openingHours[lang]}</dt>
              <dd class="member-hours">{m.openingHours}</dd>
            </>
          ) : null}
          {m.pin ? (
            <>
              <dt>{T.pin[lang]}</dt>
              <dd>
                <a
                  href={`https://www.openstreetmap.org/?mlat=${m.pin.lat}&mlon=${m.pin.lng}#map=17/${m.pin.lat}/${m.pin.lng}`}
                  rel="noopener"
                >
                  {T.openMap[lang]}
                </a>{' '}
                ({m.pin.lat}, {m.pin.lng})
              </dd>
            </>
          ) : null}
        </dl>
        <Links m={m} lang={lang} />
        <p>
          <a href={m.verifyUrl} class="verify-link">
            {T.verify[lang]}
          </a>
        </p>
      </section>
      {map && m.pin ? (
        <MemberMap
          lang={lang}
          tiles={map}
          markers={[{ slug: m.slug, name: m.name, ...(m.nameEn ? { nameEn: m.nameEn } : {}), ...m.pin }]}
        />
      ) : null}
    </Layout>,
  );
}

/** After a sign-in request: the same words whether or not the address is a member's. */
export function renderLinkSentPage(props: { lang: Lang }) {
  const { lang } = props;
  return renderPage(
    <Layout lang={lang} title={T.forMembers[lang]} path="/thanh-vien">
      <h1>{T.forMembers[lang]}</h1>
      <p class="notice notice-ok" role="status">
        {T.linkSent[lang]}
      </p>
      <p>
        <a href={withLang('/thanh-vien', lang)}>{T.backToList[lang]}</a>
      </p>
    </Layout>,
  );
}

/** The emailed link's page: the profile's form (GET shows it, POST saves it). */
export function renderProfileEditPage(props: {
  lang: Lang;
  view: ProfileEditView;
  linkId: string;
  secret: string;
  saved?: boolean;
}) {
  const { lang, view, linkId, secret } = props;
  const m = view.member;
  const path = `/thanh-vien/profile/${linkId}`;
  const P = PROFILE_PHOTOS;
  const mb = PROFILE_LIMITS.photoBytes / 1048576;
  const uploads: PhotoUploadData = {
    uploadUrl: withLang(`${path}/photos`, lang),
    secret,
    maxBytes: PROFILE_LIMITS.photoBytes,
    max: PROFILE_LIMITS.photos,
    // The browser fills `{name}` in.
    words: {
      uploading: say(P.uploading, lang, '{name}'),
      uploaded: say(P.uploaded, lang, '{name}'),
      failed: say(P.failed, lang, '{name}'),
      notImage: say(P.notImage, lang, '{name}'),
      tooLarge: say(P.tooLarge, lang, '{name}', mb),
      tooMany: say(P.tooMany, lang, PROFILE_LIMITS.photos),
      newPhoto: P.newPhoto[lang],
    },
  };
  return renderPage(
    <Layout lang={lang} title={E.title[lang]} path={path} scripts={[asset('profile-photos')]}>
      <h1>{E.title[lang]}</h1>
      <p>{m.name}</p>
      {props.saved ? (
        <p class="notice notice-ok" role="status">
          {E.saved[lang]} <a href={withLang(`/thanh-vien/${m.slug}`, lang)}>{E.view[lang]}</a>
        </p>
      ) : null}
      {m.hidden ? (
        <p class="notice notice-error" role="status">
          {say(E.hiddenNotice, lang, m.hidden.reason)}
        </p>
      ) : null}
      <p class="hint">{say(E.validUntil, lang, formatIct(view.until))}</p>
      <form method="post" action={withLang(path, lang)} class="card profile-form">
        <input type="hidden" name="s" value={secret} />
        <label>
          {E.descriptionVi[lang]}
          <textarea name="descriptionVi" rows={6} maxLength={2000} required>
            {m.descriptionVi}
          </textarea>
        </label>
        <label>
          {E.descriptionEn[lang]}
          <textarea name="descriptionEn" rows={6} maxLength={2000} lang="en">
            {m.descriptionEn ?? ''}
          </textarea>
        </label>
        <label>
          {E.website[lang]}
          <input type="url" name="website" value={m.website ?? ''} maxLength={500} />
        </label>
        <label>
          {E.socialLinks[lang]}
          <textarea name="socialLinks" rows={3} maxLength={2600}>
            {m.socialLinks.join('\n')}
          </textarea>
        </label>
        <label>
          {E.openingHours[lang]}
          <input type="text" name="openingHours" value={m.openingHours ?? ''} maxLength={200} />
        </label>
        <fieldset>
          <legend>{T.pin[lang]}</legend>
          <p class="hint" id="pin-hint">
            {E.pinHint[lang]}
          </p>
          <label>
            {E.lat[lang]}
            <input
              type="text"
              inputMode="decimal"
              name="lat"
              value={m.pin ? String(m.pin.lat) : ''}
              maxLength={20}
              aria-describedby="pin-hint"
            />
          </label>
          <label>
            {E.lng[lang]}
            <input
              type="text"
              inputMode="decimal"
              name="lng"
              value={m.pin ? String(m.pin.lng) : ''}
              maxLength={20}
              aria-describedby="pin-hint"
            />
          </label>
        </fieldset>
        <fieldset class="profile-photos" aria-describedby="photos-hint">
          <legend>{say(P.legend, lang, PROFILE_LIMITS.photos)}</legend>
          <p class="hint" id="photos-hint">
            {say(P.hint, lang, mb)}
          </p>
          {view.photos.length ? null : <p data-no-photos>{P.none[lang]}</p>}
          <ul class="photo-choices" data-photo-choices>
            {view.photos.map((c, i) => (
              <li>
                <label>
                  <img src={c.thumbnailUrl} alt="" width={140} height={96} />
                  <span>
                    <input type="checkbox" name="photos" value={c.id} checked={c.chosen} />{' '}
                    {c.name ?? `${P.field[lang]} ${i + 1}`}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <label data-photo-upload hidden>
            {P.upload[lang]}
            <input
              type="file"
              accept=".jpg,.jpeg,.png,image/jpeg,image/png"
              multiple
              aria-describedby="photos-hint"
            />
          </label>
          <p class="hint" data-photo-no-script>
            {P.uploadNeedsScript[lang]}
          </p>
          <p role="status" data-photo-status />
          <script
            type="application/json"
            id="profile-photos-data"
            // JSON data, `<` escaped (scriptJson): never executed (the CSP admits no inline script).
            dangerouslySetInnerHTML={{ __html: scriptJson(uploads) }}
          />
        </fieldset>
        <button type="submit">{E.save[lang]}</button>
      </form>
    </Layout>,
  );
}

/** The admin dossier page's card of the member's public page: its address and a form to hide it, with a reason. */
export function MemberAdminCard({ lang, member: m }: { lang: Lang; member: MemberProfile }) {
  const A = MEMBER_ADMIN;
  return (
    <section class="card" id="member-profile" data-member-hidden={m.hidden ? 'yes' : 'no'}>
      <h2>{A.title[lang]}</h2>
      <p>
        <a href={withLang(`/thanh-vien/${m.slug}`, lang)}>/thanh-vien/{m.slug}</a>
      </p>
      {m.hidden ? (
        <p class="notice">{say(A.hidden, lang, formatIct(m.hidden.at), m.hidden.by, m.hidden.reason)}</p>
      ) : (
        <form method="post" action={withLang(`/admin/members/${encodeURIComponent(m.slug)}/hide`, lang)}>
          <CsrfField />
          <label for="hide-reason">{PROFILE_FIELDS.reason[lang]}</label>
          <textarea
            id="hide-reason"
            name="reason"
            required
            minLength={3}
            maxLength={1000}
            rows={3}
            aria-describedby="hide-hint"
          />
          <p class="hint" id="hide-hint">
            {A.reasonHint[lang]}
          </p>
          <div class="actions">
            <button type="submit">{A.hide[lang]}</button>
          </div>
        </form>
      )}
    </section>
  );
}
