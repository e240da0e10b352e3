import { type ComponentChildren, cloneElement, isValidElement } from 'preact';

/**
 * A field's control with its hint linked (`aria-describedby`), so a screen reader reads the hint with
 * the field. Plain controls only (`<input>`, `<select>`, `<textarea>`); a component such as the ward
 * picker takes the hint's id itself.
 */
export function withHint(control: ComponentChildren, hintId: string | undefined): ComponentChildren {
  if (!hintId || !isValidElement(control) || typeof control.type !== 'string') return control;
  return cloneElement(control, { 'aria-describedby': hintId });
}
