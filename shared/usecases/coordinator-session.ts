import { createHmac } from 'node:crypto';
import type { Links } from '../adapters/dynamodb/links.ts';
import { Sessions } from '../adapters/dynamodb/sessions.ts';
import type { Staff } from '../adapters/dynamodb/staff.ts';
import type { Store } from '../adapters/dynamodb/store.ts';
import type { Mailer } from '../adapters/ses/mailer.ts';
import { ForbiddenError } from '../domain/errors.ts';
import type { RateLimiter } from '../domain/rate-limits.ts';
import { newSecret } from '../domain/secrets.ts';
import { hasRole, normalizeEmail, type StaffMember, type StaffRole } from '../domain/staff.ts';
import type { Clock } from '../domain/time.ts';
import { formatIct } from '../domain/time.ts';
import { textOf } from '../i18n/catalog.ts';
import { SESSION_ERRORS } from '../i18n/messages/session.ts';
import { signInEmail } from '../mail/admin-emails.tsx';
import { countMetric, logger } from '../observability.ts';

export interface CoordinatorSessionDeps {
  readonly store: Store;
  readonly links: Links;
  readonly mailer: Mailer;
  readonly clock: Clock;
  readonly publicBaseUrl: string;
  /** The Centre's staff: who may sign in, and with which roles (read on every request). */
  readonly staff: Pick<Staff, 'get' | 'bootstrap'>;
  /** The deployment's first coordinator (`-c adminEmail=`): made a coordinator once, on their first sign-in. */
  readonly adminEmail?: string;
  /** `Secure` on the cookie everywhere but the local (plain HTTP) runtime. */
  readonly secureCookies: boolean;
  /** Sign-in emails per address (the admin function); absent where nobody asks for a link (checks only). */
  readonly limiter?: Pick<RateLimiter, 'enforce'>;
  /**
   * Hands the staff lookup and the email to an asynchronous run (the jobs function: `SignInLinkEvent`), so
   * the answer does the same work for any address. Absent: done within the call (in-process test helpers).
   */
  readonly handOverSignIn?: (event: SignInLinkEvent) => Promise<void>;
}

/** The asynchronous half of a sign-in request: look the address up, email a link if it is staff's. */
export interface SignInLinkEvent {
  readonly signInLinkFor: string;
}
export const isSignInLinkEvent = (event: object): event is SignInLinkEvent =>
  typeof (event as Partial<SignInLinkEvent>).signInLinkFor === 'string';

/** A signed-in member of staff. */
export interface Coordinator {
  readonly email: string;
  readonly roles: readonly StaffRole[];
  /** This session's anti-CSRF token: every admin form and script sends it back with each action. */
  readonly csrfToken: string;
}

/** Name of the coordinator's session cookie (scoped to /admin). */
export const SESSION_COOKIE = 'hcsn_session';
export const SIGN_IN_LINK_SECONDS = 15 * 60;
export const SESSION_SECONDS = 8 * 3600;

const signInRequired = () => new ForbiddenError(SESSION_ERRORS.signInRequired);

/** A signed-in person whose role does not allow the page (a reviewer on a coordinator's page). */
export class RoleRequiredError extends ForbiddenError {
  constructor(readonly who: Coordinator) {
    super(SESSION_ERRORS.coordinatorsOnly);
  }
}

/**
 * The per-session anti-CSRF token: an HMAC keyed by the session id (a 256-bit secret only the HttpOnly
 * cookie carries). A page of another site can neither read the cookie nor the token in our pages; the
 * token does not reveal the session id, and the table (which keys sessions by another hash) cannot
 * produce it.
 */
export const csrfTokenOf = (sessionId: string): string =>
  createHmac('sha256', sessionId).update('hcsn-csrf-v1').digest('base64url');

/** The session id presented in the request's cookies, if any. */
export function sessionIdOf(cookies: readonly string[]): string | undefined {
  for (const cookie of cookies) {
    for (const part of cookie.split(/;\s*/)) {
      const eq = part.indexOf('=');
      if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE)
        return part.slice(eq + 1).trim() || undefined;
    }
  }
  return undefined;
}

/** Coordinator sign-in by emailed one-time link, and the short session it opens (DESIGN §7). */
export function makeCoordinatorSessions(deps: CoordinatorSessionDeps) {
  const { links, mailer, clock } = deps;
  const sessions = new Sessions(deps.store);
  const adminEmail = deps.adminEmail ? normalizeEmail(deps.adminEmail) : undefined;
  /** Staff who may sign in: any role. */
  const member = async (email: string): Promise<StaffMember | undefined> => {
    const m = await deps.staff.get(email);
    return m?.roles.length ? m : undefined;
  };
  // Strict: no other site, not even a same-site one (another port of the same host), can make the browser
  // send it. Every page that sets it is reached from our own pages (the sign-in link page posts, then 303).
  const cookieTail = `HttpOnly; SameSite=Strict; Path=/admin${deps.secureCookies ? '; Secure' : ''}`;

  /**
   * The signed-in member of staff, or ForbiddenError when there is no live session. The staff item is
   * read on every request, so a removed person is signed out at once.
   */
  async function requireStaff(cookies: readonly string[]): Promise<Coordinator> {
    const id = sessionIdOf(cookies);
    if (!id) throw signInRequired();
    // Emulators never delete TTL items (and AWS does so late): expired counts as absent.
    const item = await sessions.live(id, clock());
    if (!item) throw signInRequired();
    const m = await member(item.email);
    if (!m) throw signInRequired();
    return { email: m.email, roles: m.roles, csrfToken: csrfTokenOf(id) };
  }

  return {
    /**
     * A sign-in request: counted per address (429 past the limit, whoever the address is), then handed
     * over as it is; the lookup and the email happen in `deliverSignIn`, asynchronously. The answer is the
     * same, after the same reads and writes, for a coordinator's address and anyone else's: neither the
     * page nor its timing tells who the coordinators are.
     */
    async requestSignIn(email: string): Promise<void> {
      const person = normalizeEmail(email);
      await deps.limiter?.enforce({ policy: 'mailPerAddress', scope: 'signin-mail', key: person });
      if (deps.handOverSignIn) await deps.handOverSignIn({ signInLinkFor: person });
      else await this.deliverSignIn(person);
    },

    /** Emails a sign-in link when the address is staff's (the first coordinator is made on their first). */
    async deliverSignIn(email: string): Promise<void> {
      const person = normalizeEmail(email);
      const now = clock();
      if (person === adminEmail) {
        const made = await deps.staff.bootstrap({
          email: person,
          name: '',
          roles: ['coordinator'],
          addedAt: now.toISOString(),
          addedBy: 'deployment',
        });
        if (made) logger.info('First coordinator created from the deployment setting', { email: person });
      }
      if (!(await member(person))) {
        logger.info('Sign-in asked for an address that is not staff');
        return;
      }
      const expires = new Date(now.getTime() + SIGN_IN_LINK_SECONDS * 1000);
      const { linkId, secret } = await links.issue({
        purpose: 'signin',
        dossierId: '-',
        person,
        expiresAt: Math.floor(expires.getTime() / 1000),
        createdAt: now.toISOString(),
      });
      // The secret travels in the fragment: link scanners that fetch the URL never send it to us.
      await mailer.send(
        signInEmail(person, `${deps.publicBaseUrl}/admin/sign-in/${linkId}#${secret}`, expires),
      );
      countMetric('EmailSent');
    },

    /** Exchanges a sign-in link (id + secret) for a session; works once. Returns the Set-Cookie value. */
    async completeSignIn(linkId: string, secret: string): Promise<{ email: string; setCookie: string }> {
      const now = clock();
      const used = await links.redeem('signin', linkId, secret, {
        outcome: 'signed-in',
        now,
        // Someone no longer staff: refused, and the link stays unused.
        first: async (link) => {
          if (!(await member(link.person))) throw signInRequired();
        },
      });
      if (used.kind === 'used') throw new ForbiddenError(textOf(SESSION_ERRORS.linkUsed, formatIct(used.at)));
      if (used.kind !== 'ok') throw new ForbiddenError(SESSION_ERRORS.linkInvalid);
      const { link } = used;
      const id = newSecret();
      // A fresh 256-bit id: `taken` cannot happen, and would be a fault if it did.
      const opened = await sessions.open(id, {
        email: link.person,
        createdAt: now.toISOString(),
        expiresAt: Math.floor(now.getTime() / 1000) + SESSION_SECONDS,
      });
      if (opened === 'taken') throw new Error('Session id already in use');
      logger.info('Coordinator signed in', { email: link.person });
      return {
        email: link.person,
        setCookie: `${SESSION_COOKIE}=${id}; ${cookieTail}; Max-Age=${SESSION_SECONDS}`,
      };
    },

    requireStaff,

    /** The signed-in coordinator; RoleRequiredError for staff of another role. */
    async requireCoordinator(cookies: readonly string[]): Promise<Coordinator> {
      const who = await requireStaff(cookies);
      if (!hasRole(who, 'coordinator')) throw new RoleRequiredError(who);
      return who;
    },

    /** Ends the session (if any) and returns the Set-Cookie value that clears the cookie. */
    async signOut(cookies: readonly string[]): Promise<{ setCookie: string }> {
      const id = sessionIdOf(cookies);
      if (id) await sessions.end(id);
      return { setCookie: `${SESSION_COOKIE}=; ${cookieTail}; Max-Age=0` };
    },
  };
}

export type CoordinatorSessions = ReturnType<typeof makeCoordinatorSessions>;
