import type { ComponentChildren } from 'preact';
import { formatIct } from '../domain/time.ts';
import type { Lang, Text } from '../i18n/lang.ts';
import { AUDIT_TRAIL } from '../i18n/messages/admin.ts';
import { COMMON } from '../i18n/messages/common.ts';

/** Who acted, as an audit trail shows it: a person's address, or "hệ thống" (system) in the page's language. */
export const actorOf = (by: string, lang: Lang): string => (by === 'system' ? COMMON.system[lang] : by);

/** A staff page's link in the reader's language (`?lang=en` kept, Vietnamese by default). */
export const withLang = (path: string, lang: Lang) =>
  lang === 'en' ? `${path}${path.includes('?') ? '&' : '?'}lang=en` : path;

/** A list table: one header row from the column titles, the rows as children; scrolls inside itself on a phone. */
export function ListTable(props: {
  lang: Lang;
  columns: readonly Text[];
  class?: string;
  children: ComponentChildren;
}) {
  return (
    <div class="table-scroll">
      <table class={`list${props.class ? ` ${props.class}` : ''}`}>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th scope="col">{c[props.lang]}</th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}

const AUDIT = AUDIT_TRAIL;

/** An audit trail as staff read it: when, who, what changed (newest first, as given). */
export function AuditTrail(props: {
  lang: Lang;
  entries: readonly { at: string; by: string; action: string; what: string }[];
}) {
  return (
    <section class="card">
      <h2>{AUDIT.title[props.lang]}</h2>
      <ListTable lang={props.lang} class="audit" columns={[AUDIT.at, AUDIT.by, AUDIT.change]}>
        {props.entries.map((e) => (
          <tr data-action={e.action}>
            <td>{formatIct(e.at)}</td>
            <td>{actorOf(e.by, props.lang)}</td>
            <td>{e.what}</td>
          </tr>
        ))}
      </ListTable>
    </section>
  );
}

/**
 * A labelled form field: the label wraps its input, so a click on the words focuses it. A checkbox
 * (`class="check"`) comes before its words.
 */
export function Field(props: { label: string; class?: string; children: ComponentChildren }) {
  const check = props.class === 'check';
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the children (every caller passes an input).
    <label class={props.class}>
      {check && props.children}
      {props.label}
      {!check && props.children}
    </label>
  );
}
