import type { Coordinator, CoordinatorSessions } from '../usecases/coordinator-session.ts';
import { requireCsrfToken } from './csrf.ts';
import type { HttpRequest } from './request.ts';

/**
 * The one check before anything acts with the staff cookie (admin routes, certificate revocation,
 * sign-out): a live session of the role, and, on a state-changing request, the session's anti-CSRF token
 * (form field `_csrf` or header `x-csrf-token`). Throws ForbiddenError (RoleRequiredError,
 * CsrfTokenError) before the route does anything.
 */
export async function signedInStaff(
  sessions: Pick<CoordinatorSessions, 'requireStaff' | 'requireCoordinator'>,
  req: HttpRequest,
  role: 'coordinator' | 'any',
): Promise<Coordinator> {
  const who =
    role === 'coordinator'
      ? await sessions.requireCoordinator(req.cookies)
      : await sessions.requireStaff(req.cookies);
  requireCsrfToken(req, who.csrfToken);
  return who;
}
