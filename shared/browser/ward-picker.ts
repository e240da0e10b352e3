import { fold } from '../domain/text.ts';
import { langQuery, w } from './words.ts';

export interface WardPicker {
  /** Shows a kept ward by its name (after a reload or a resume link): the code alone names nothing. */
  show: (wardCode: string) => void;
}

/**
 * The form's ward picker (an ARIA combobox with a listbox popup), if it has one: the person types a current or an old name, the server offers
 * wards (each with the hint that names the old unit), and arrows, Enter, Escape, Tab and the mouse pick
 * one into the hidden code field. Leaving the field with text that names no picked ward says so under
 * the field instead of losing the choice silently. `show(code)` puts a kept ward's name back.
 */
export function makeWardPicker(
  form: HTMLFormElement,
  errorSlot: (path: string) => HTMLElement | null,
): WardPicker | undefined {
  const root = form.querySelector<HTMLElement>('.ward-picker');
  if (!root) return undefined;
  const search = root.querySelector<HTMLInputElement>('[role="combobox"]')!;
  const list = root.querySelector<HTMLElement>('[role="listbox"]')!;
  const code = root.querySelector<HTMLInputElement>('input[type="hidden"]')!;
  const path = code.name;
  type Option = { code: string; name: string; hint?: string };
  let options: Option[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;
  const lang = langQuery();
  const wardsUrl = (query: string) => `/api/wards?${query}${lang ? `&${lang.slice(1)}` : ''}`;
  const optionEl = (i: number) => list.querySelector<HTMLElement>(`[data-index="${i}"]`);
  const setActive = (i: number) => {
    optionEl(active)?.setAttribute('aria-selected', 'false');
    active = i;
    const el = optionEl(i);
    if (el) {
      el.setAttribute('aria-selected', 'true');
      search.setAttribute('aria-activedescendant', el.id);
      el.scrollIntoView({ block: 'nearest' });
    } else search.removeAttribute('aria-activedescendant');
  };
  const isOpen = () => !list.hidden;
  const close = () => {
    setActive(-1);
    list.hidden = true;
    search.setAttribute('aria-expanded', 'false');
  };
  const open = () => {
    if (!list.childElementCount) return;
    list.hidden = false;
    search.setAttribute('aria-expanded', 'true');
  };
  const unpickedSlot = () => errorSlot(path);
  const clearUnpicked = () => {
    const el = unpickedSlot();
    if (el?.dataset.unpicked) {
      el.textContent = '';
      delete el.dataset.unpicked;
    }
    search.removeAttribute('aria-invalid');
  };
  const pick = (o: Option) => {
    search.value = o.name;
    code.value = o.code;
    clearUnpicked();
    close();
    // A change of the form like any other (the application's autosave listens).
    code.dispatchEvent(new Event('change', { bubbles: true }));
  };
  const render = () => {
    list.textContent = '';
    active = -1;
    search.removeAttribute('aria-activedescendant');
    options.forEach((o, i) => {
      const el = document.createElement('div');
      el.setAttribute('role', 'option');
      el.setAttribute('aria-selected', 'false');
      el.id = `${list.id}-${i}`;
      el.dataset.index = String(i);
      el.dataset.code = o.code;
      const name = document.createElement('span');
      name.className = 'ward-name';
      name.textContent = o.name;
      el.appendChild(name);
      if (o.hint) {
        const hint = document.createElement('span');
        hint.className = 'ward-hint';
        hint.textContent = ` (${o.hint})`;
        el.appendChild(hint);
      }
      // mousedown, not click: the field keeps the focus, so its blur does not close the list first.
      el.addEventListener('mousedown', (ev) => {
        ev.preventDefault();
        pick(o);
      });
      list.appendChild(el);
    });
    if (!options.length) {
      // An option that cannot be picked: a listbox holds options only (and it says why it is empty).
      const empty = document.createElement('div');
      empty.setAttribute('role', 'option');
      empty.setAttribute('aria-disabled', 'true');
      empty.className = 'empty';
      empty.textContent = w('noWard');
      list.appendChild(empty);
    }
    open();
  };
  search.addEventListener('input', () => {
    code.value = '';
    clearTimeout(timer);
    const q = search.value.trim();
    if (q.length < 2) {
      seq++;
      options = [];
      list.textContent = '';
      return close();
    }
    timer = setTimeout(async () => {
      const mine = ++seq;
      const res = await fetch(wardsUrl(`q=${encodeURIComponent(q)}`)).catch(() => undefined);
      const j = res?.ok ? ((await res.json()) as { wards: Option[] }) : { wards: [] };
      if (mine !== seq) return;
      options = j.wards;
      render();
    }, 200);
  });
  search.addEventListener('keydown', (ev) => {
    const n = options.length;
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (!n) return;
      if (!isOpen()) open();
      const down = ev.key === 'ArrowDown';
      setActive(active < 0 ? (down ? 0 : n - 1) : (active + (down ? 1 : n - 1)) % n);
    } else if (ev.key === 'Enter') {
      if (!isOpen()) return;
      // The list is open: Enter picks (the only option, if none is highlighted); it never sends the form.
      ev.preventDefault();
      const o = options[active] ?? (n === 1 ? options[0] : undefined);
      if (o) pick(o);
    } else if (ev.key === 'Escape') {
      if (isOpen()) {
        ev.preventDefault();
        close();
      }
    } else if (ev.key === 'Tab') {
      // Tab takes the highlighted option along, as the person was about to choose it.
      const o = isOpen() ? options[active] : undefined;
      if (o) pick(o);
    }
  });
  search.addEventListener('blur', () => {
    close();
    const typed = search.value.trim();
    if (!typed || code.value) return;
    // Typed in full (or the only option left): that is the choice. Otherwise say so; keep the text.
    const same = options.filter((o) => fold(o.name) === fold(typed));
    const only = same.length === 1 ? same[0] : options.length === 1 ? options[0] : undefined;
    if (only) return pick(only);
    const el = unpickedSlot();
    if (el) {
      el.textContent = root.dataset.unpicked ?? '';
      el.dataset.unpicked = '1';
    }
    search.setAttribute('aria-invalid', 'true');
  });
  return {
    /** Shows a kept ward by its name (after a reload or a resume link): the code alone names nothing. */
    show: (wardCode: string) => {
      code.value = wardCode;
      search.value = '';
      clearUnpicked();
      if (!wardCode) return;
      fetch(wardsUrl(`code=${encodeURIComponent(wardCode)}`))
        .then((r) => r.json())
        .then((j: { wards?: Option[] }) => {
          const o = (j.wards || []).find((x) => x.code === wardCode);
          if (o && code.value === wardCode) search.value = o.name;
        })
        .catch(() => undefined);
    },
  };
}
