import { Rounds } from '../../shared/adapters/dynamodb/rounds.ts';
import { Staff } from '../../shared/adapters/dynamodb/staff.ts';
import type { Store } from '../../shared/adapters/dynamodb/store.ts';
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
