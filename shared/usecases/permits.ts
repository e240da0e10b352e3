import type { Activities } from '../adapters/dynamodb/activities.ts';
import { type Activity, addMonths, isFuture, monthOf } from '../domain/activity.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import { type Clock, toIctLocal } from '../domain/time.ts';
import { PERMITS_PAGE } from '../i18n/messages/member-admin.ts';

/** How far ahead the permits page looks: this month and the twelve after it (the feed's horizon). */
export const PERMIT_MONTHS = 13;

/** An approved activity to come that needs a permit, and who marked the permit obtained, when. */
export interface PermitEntry {
  readonly activity: Activity;
  readonly obtained?: { readonly at: string; readonly by: string };
}

/** Activity ids are `act-<link id>`: anything else is no activity (404 before a read). */
const ACTIVITY_ID = /^act-[\w-]{1,80}$/;

const entryOf = (a: Activity): PermitEntry => {
  const event = a.history.findLast((e) => e.action === 'permit-obtained');
  return { activity: a, ...(a.permitObtained && event ? { obtained: { at: event.at, by: event.by } } : {}) };
};

/**
 * The Centre's follow-up of permits (issue 16 item 5): the approved activities to come that need an event
 * or advertising permit, and a coordinator's mark that the member has it — recorded once, with who and when
 * in the activity's history.
 */
export function makePermits(deps: { activities: Activities; clock: Clock }) {
  const { activities, clock } = deps;
  return {
    /** Approved activities that need a permit and have not ended, from this month on, in time order. */
    async upcoming(): Promise<PermitEntry[]> {
      const now = clock();
      const first = monthOf(toIctLocal(now));
      const months = Array.from({ length: PERMIT_MONTHS }, (_, i) => addMonths(first, i));
      const found = (await Promise.all(months.map((m) => activities.needingPermitOfMonth(m)))).flat();
      return found
        .filter((a) => isFuture(a, now))
        .sort((a, b) => a.start.localeCompare(b.start))
        .map(entryOf);
    },

    /**
     * Marks an approved activity's permit obtained. Idempotent: marked already (a second POST, another
     * coordinator first), it changes nothing and says who marked it. An activity that is not approved or
     * needs no permit is a 409: there is nothing to mark.
     */
    async markObtained(id: string, by: string): Promise<{ entry: PermitEntry; changed: boolean }> {
      const a = ACTIVITY_ID.test(id) ? await activities.get(id) : undefined;
      if (!a) throw new NotFoundError(PERMITS_PAGE.unknown);
      if (a.permitObtained) return { entry: entryOf(a), changed: false };
      if (a.status !== 'approved' || !a.needsPermit) throw new ConflictError(PERMITS_PAGE.notNeeded);
      const at = clock().toISOString();
      const changed = await activities.permitObtained(a, { at, by, action: 'permit-obtained' });
      const now = (await activities.get(id)) ?? a;
      if (!changed && !now.permitObtained) throw new ConflictError(PERMITS_PAGE.notNeeded);
      return { entry: entryOf(now), changed };
    },
  };
}

export type Permits = ReturnType<typeof makePermits>;
