import { say } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/lang.ts';
import { WARD_PICKER } from '../i18n/messages/wards.ts';

/**
 * The ward field of the forms: an ARIA combobox (`id`, labelled by the field's label) whose listbox the
 * browser script fills with the server's options, and the hidden field that carries the picked ward's
 * code (`name`). The script's words ride along as data attributes. See `wardPicker` in dossier-kit.ts.
 */
export function WardPicker(props: {
  lang: Lang;
  id: string;
  name: string;
  describedBy?: string;
  required?: boolean;
}) {
  const { lang, id } = props;
  const list = `${id}-options`;
  return (
    <div class="ward-picker" data-unpicked={say(WARD_PICKER.unpicked, lang)}>
      <input
        id={id}
        class="ward-search"
        type="text"
        autocomplete="off"
        spellcheck={false}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded="false"
        aria-controls={list}
        aria-describedby={props.describedBy}
        aria-required={props.required ? 'true' : undefined}
      />
      <div
        id={list}
        class="suggestions"
        role="listbox"
        aria-label={say(WARD_PICKER.suggestions, lang)}
        hidden
      />
      <input type="hidden" name={props.name} />
    </div>
  );
}
