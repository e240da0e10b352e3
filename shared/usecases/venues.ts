import type { Activities } from '../adapters/dynamodb/activities.ts';
import { type DayHours, isTimeOfDay, type Venue, type WeekHours } from '../domain/activity.ts';
import { invalidFields, type TextIssue } from '../domain/errors.ts';
import { fold } from '../domain/text.ts';
import type { Clock } from '../domain/time.ts';
import type { Text } from '../i18n/lang.ts';
import { PROPOSAL_PAGE, VENUES_PAGE } from '../i18n/messages/activities.ts';
import { PERMIT_GUIDANCE } from './activities.ts';

/** A venue as the admin form posts it (names, host, capacity, `open<i>`/`close<i>` per weekday). */
export interface VenueInput {
  readonly id?: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly hostVi: string;
  readonly hostEn: string;
  readonly capacity: number;
  readonly hours: readonly { readonly open: string; readonly close: string }[];
}

/** A venue's id from its Vietnamese name: folded, hyphenated, short (`phong-da-nang`). */
export const venueIdOf = (name: string): string =>
  fold(name).replace(/\s+/g, '-').slice(0, 40).replace(/-+$/, '') || 'venue';

/** Coordinators manage the venues and the permit guidance on `/admin/venues`. */
export function makeVenueAdmin(deps: { activities: Activities; clock: Clock }) {
  return {
    list: () => deps.activities.venues(),

    /** Adds a venue or changes one; each weekday is open from–to, or closed when both are empty. */
    async save(input: VenueInput, by: string): Promise<Venue> {
      const issues: TextIssue[] = [];
      const hours = input.hours.map((h, i): DayHours => {
        if (!h.open && !h.close) return null;
        if (!isTimeOfDay(h.open) || !isTimeOfDay(h.close) || h.close <= h.open) {
          issues.push({
            path: `open${i}`,
            field: { vi: PROPOSAL_PAGE.weekdays.vi(i), en: PROPOSAL_PAGE.weekdays.en(i) },
            message: VENUES_PAGE.hoursInvalid,
          });
          return null;
        }
        return { open: h.open, close: h.close };
      });
      if (issues.length) throw invalidFields(...issues);
      const venue: Venue = {
        id: input.id ?? venueIdOf(input.nameVi),
        name: { vi: input.nameVi, en: input.nameEn },
        host: { vi: input.hostVi, en: input.hostEn },
        capacity: input.capacity,
        hours: hours as unknown as WeekHours,
        updatedAt: deps.clock().toISOString(),
        updatedBy: by,
      };
      await deps.activities.putVenue(venue);
      return venue;
    },

    permitGuidance: () => deps.activities.textSetting(PERMIT_GUIDANCE),

    async savePermitGuidance(text: Text, by: string): Promise<void> {
      await deps.activities.putTextSetting(PERMIT_GUIDANCE, text, deps.clock().toISOString(), by);
    },
  };
}
