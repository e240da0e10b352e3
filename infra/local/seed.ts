import { Activities } from '../../shared/adapters/dynamodb/activities.ts';
import { Rounds } from '../../shared/adapters/dynamodb/rounds.ts';
import { Staff } from '../../shared/adapters/dynamodb/staff.ts';
import type { Store } from '../../shared/adapters/dynamodb/store.ts';
import { DEFAULT_WEEK, type Venue, type WeekHours } from '../../shared/domain/activity.ts';
import { demoRound, ROUND_2025 } from '../../shared/domain/round.ts';
import { settingsOf } from '../../shared/domain/round-settings.ts';
import { normalizeEmail } from '../../shared/domain/staff.ts';
import { makeRoundAdmin } from '../../shared/usecases/round-admin.ts';
import { makeStaffAdmin } from '../../shared/usecases/staff-admin.ts';

/** Who the local seed's changes are by, in the audit trails. */
const SEED = 'seed (npm start)';

export interface LocalSeed {
  readonly coordinators: readonly string[];
  readonly reviewers: readonly string[];
}

const list = (s: string) =>
  s
    .split(',')
    .map((e) => normalizeEmail(e))
    .filter(Boolean);

/** Parses the local system's comma-separated staff options. */
export const localSeed = (coordinators: string, reviewers: string): LocalSeed => ({
  coordinators: list(coordinators),
  reviewers: list(reviewers),
});

/**
 * Imports the local demo data into an empty table through the same use-cases `/admin` calls: the staff
 * (coordinators and reviewers), the 2025 call of the seed article (closed, history) and a demo call that is
 * open from today. A table that has rounds or staff already is left as it is.
 */
export async function seedLocalData(store: Store, seed: LocalSeed, now: Date): Promise<void> {
  const clock = () => now;
  const staff = new Staff(store);
  if (!(await staff.list()).length) {
    const admin = makeStaffAdmin({ staff, clock });
    const people = new Map<string, ('coordinator' | 'reviewer')[]>();
    for (const e of seed.coordinators) people.set(e, [...(people.get(e) ?? []), 'coordinator']);
    for (const e of seed.reviewers) people.set(e, [...(people.get(e) ?? []), 'reviewer']);
    for (const [email, roles] of people) await admin.save({ email, name: '', roles }, SEED);
  }
  await seedVenues(new Activities(store), now);
  const rounds = new Rounds(store);
  if ((await rounds.list()).length) return;
  const roundAdmin = makeRoundAdmin({
    rounds,
    clock,
    followUp: () => Promise.reject(new Error('The seed sends no email')),
  });
  // The 2025 call is history: created as it was, then closed (it cannot be opened: its deadline passed).
  const past = await roundAdmin.create(ROUND_2025.id, settingsOf(ROUND_2025), SEED);
  await rounds.change({ ...past, status: 'closed' }, 'status', 'draft', {
    at: now.toISOString(),
    by: SEED,
    action: 'close-round',
    from: 'draft',
    to: 'closed',
  });
  const demo = demoRound(now);
  await roundAdmin.create(demo.id, { ...settingsOf(demo), reviewers: [...seed.reviewers] }, SEED);
  await roundAdmin.open(demo.id, SEED);
}

const CENTRE = {
  vi: 'Trung tâm Điều phối các hoạt động sáng tạo',
  en: 'Creative Activities Coordination Centre',
};
const MUSEUM = { vi: 'Bảo tàng Hà Nội', en: 'Hanoi Museum' };
/** The Centre's working week: Monday to Saturday, 08:00–21:00 (evening talks and screenings). */
const CENTRE_WEEK: WeekHours = [
  { open: '08:00', close: '21:00' },
  { open: '08:00', close: '21:00' },
  { open: '08:00', close: '21:00' },
  { open: '08:00', close: '21:00' },
  { open: '08:00', close: '21:00' },
  { open: '08:00', close: '21:00' },
  null,
];

/**
 * The venues the seed article names (the Centre and the Hanoi Museum, where members may register activities);
 * the article gives no room names, so these are the demo's, for coordinators to edit on `/admin/venues`.
 */
export const SEED_VENUES: readonly Omit<Venue, 'updatedAt' | 'updatedBy'>[] = [
  {
    id: 'trung-tam-phong-da-nang',
    name: { vi: 'Phòng đa năng – Trung tâm Điều phối', en: 'Multi-purpose room – Coordination Centre' },
    host: CENTRE,
    capacity: 120,
    hours: CENTRE_WEEK,
  },
  {
    id: 'trung-tam-phong-hoi-thao',
    name: { vi: 'Phòng hội thảo – Trung tâm Điều phối', en: 'Seminar room – Coordination Centre' },
    host: CENTRE,
    capacity: 40,
    hours: CENTRE_WEEK,
  },
  {
    id: 'bao-tang-sanh-chinh',
    name: { vi: 'Sảnh chính – Bảo tàng Hà Nội', en: 'Main hall – Hanoi Museum' },
    host: MUSEUM,
    capacity: 300,
    hours: DEFAULT_WEEK,
  },
  {
    id: 'bao-tang-phong-chuyen-de',
    name: { vi: 'Phòng trưng bày chuyên đề – Bảo tàng Hà Nội', en: 'Special exhibition room – Hanoi Museum' },
    host: MUSEUM,
    capacity: 80,
    hours: DEFAULT_WEEK,
  },
  {
    id: 'bao-tang-san-ngoai-troi',
    name: { vi: 'Sân ngoài trời – Bảo tàng Hà Nội', en: 'Outdoor courtyard – Hanoi Museum' },
    host: MUSEUM,
    capacity: 500,
    hours: DEFAULT_WEEK,
  },
];

/** Seeds the venues into a table that has none (a coordinator's later changes stay). */
export async function seedVenues(activities: Activities, now: Date): Promise<void> {
  if ((await activities.venues()).length) return;
  for (const v of SEED_VENUES)
    await activities.putVenue({ ...v, updatedAt: now.toISOString(), updatedBy: SEED });
}
