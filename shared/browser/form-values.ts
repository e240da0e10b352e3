import { FORM_FIELDS, type FormFieldPath } from '../domain/form-fields.ts';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** How a field is read and written, from its rule in the schema's table (shared/domain/form-fields.ts). */
const kindOf = (path: string) => FORM_FIELDS.find((f) => f.path === path)?.rule.kind;

/** The application's fields in the form's order (`space.nameVi`, …, `consent`). */
export const FORM_PATHS: readonly FormFieldPath[] = FORM_FIELDS.map((f) => f.path);

const control = (form: HTMLFormElement, path: string) =>
  form.querySelector<Control>(`[name="${CSS.escape(path)}"]`);
const boxes = (form: HTMLFormElement, path: string) =>
  Array.from(form.querySelectorAll<HTMLInputElement>(`[name="${CSS.escape(path)}"]`));

/**
 * A field's value as the API takes it: a list of the checked boxes, a list of the lines of a links field,
 * a number for years and areas, the consent box's state, or the trimmed text (undefined when empty).
 */
export function readField(form: HTMLFormElement, path: string): unknown {
  const kind = kindOf(path);
  if (kind === 'choices') return boxes(form, path).flatMap((b) => (b.checked ? [b.value] : []));
  if (kind === 'consent') return (control(form, path) as HTMLInputElement | null)?.checked === true;
  const raw = (control(form, path)?.value ?? '').trim();
  if (kind === 'urls')
    return raw
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
  if (!raw) return undefined;
  return kind === 'year' || kind === 'number' ? Number(raw) : raw;
}

/** Puts a stored value back into its field (the ward's name is the ward picker's to show). */
export function writeField(form: HTMLFormElement, path: string, value: unknown): void {
  const kind = kindOf(path);
  if (kind === 'choices') {
    const chosen = Array.isArray(value) ? value.map(String) : [];
    for (const box of boxes(form, path)) box.checked = chosen.includes(box.value);
    return;
  }
  const el = control(form, path);
  if (!el) return;
  if (kind === 'consent') (el as HTMLInputElement).checked = value === true;
  else if (kind === 'urls') el.value = Array.isArray(value) ? value.join('\n') : '';
  else el.value = value === undefined || value === null ? '' : String(value);
}
