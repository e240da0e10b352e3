import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { CSRF_FIELD } from '../http/csrf.ts';

/** The session's anti-CSRF token for the page being rendered (set by `Layout`'s `csrf`). */
export const CsrfToken = createContext<string | undefined>(undefined);

/**
 * The hidden field every admin form posts: the session's anti-CSRF token, which the server checks before
 * doing anything. Renders nothing on a page without a session (a form there would be refused anyway).
 */
export function CsrfField() {
  const token = useContext(CsrfToken);
  return token ? <input type="hidden" name={CSRF_FIELD} value={token} /> : null;
}
