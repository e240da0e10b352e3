import type { Slot } from '../browser/types.ts';
import { type DocumentSlot, MIME_BY_TYPE } from '../domain/round.ts';
import type { Lang } from '../i18n/lang.ts';
import { DOCUMENT_SLOT } from '../i18n/messages/form.ts';

const T = DOCUMENT_SLOT;

const MB = 1024 * 1024;

/** A checklist item as the browser kit needs it (see `dossierKit`). */
export const slotForScript = (s: DocumentSlot, lang: Lang): Slot => ({
  slot: s.slot,
  title: s.title[lang],
  minFiles: s.minFiles,
  maxFiles: s.maxFiles,
  types: [...s.types],
  mimes: s.types.map((t) => MIME_BY_TYPE[t]),
  maxBytes: s.maxBytes,
});

/** Data for a page script, as JSON inside `<script type="application/json">`: `<` escaped so it cannot end the block. */
export const scriptJson = (data: unknown): string => JSON.stringify(data).replace(/</g, '\\u003c');

/** The file picker's `accept`: extensions and MIME types of the item. */
function accept(slot: DocumentSlot): string {
  const ext = slot.types.flatMap((t) => (t === 'jpeg' ? ['.jpg', '.jpeg'] : [`.${t}`]));
  return [...ext, ...slot.types.map((t) => MIME_BY_TYPE[t])].join(',');
}

/**
 * The upload block of one checklist item: what it takes, a file input, the list the browser kit fills,
 * and the item's error slot. `requested` marks a block the supplement page shows only when asked for.
 */
export function DocumentSlotBlock(props: {
  lang: Lang;
  slot: DocumentSlot;
  inputId: string;
  label: preact.ComponentChildren;
  requested?: boolean;
}) {
  const { lang, slot } = props;
  return (
    <div
      class="slot"
      data-slot={slot.slot}
      {...(props.requested ? { 'data-item': `documents.${slot.slot}`, hidden: true } : {})}
    >
      <label for={props.inputId}>{props.label}</label>
      <p class="hint" id={`${props.inputId}-hint`}>
        {slot.hint[lang]} {T.accepts[lang]}: {slot.types.join(', ').toUpperCase()}; {T.upTo[lang]}{' '}
        {slot.maxFiles} {T.files[lang]}, {Math.round(slot.maxBytes / MB)} MB/{T.files[lang]}.
      </p>
      <input
        id={props.inputId}
        type="file"
        multiple={slot.maxFiles > 1}
        accept={accept(slot)}
        data-slot={slot.slot}
        aria-describedby={`${props.inputId}-hint`}
      />
      <ul class="files" data-files-for={slot.slot} />
      <p class="field-error" data-error-for={`documents.${slot.slot}`} aria-live="polite" />
    </div>
  );
}
