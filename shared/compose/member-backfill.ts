import { Members } from '../adapters/dynamodb/members.ts';
import { clock, tableStore } from '../runtime.ts';
import { makeMemberProfiles } from '../usecases/directory.ts';
import { type MemberBackfillEvent, makeMemberBackfill } from '../usecases/member-backfill.ts';
import { handOverToJobs } from './hand-over.ts';
import { certificates, dossiers, rounds } from './table.ts';

/** The backfill of members' profiles, as the jobs function runs it (the approval's own `ensureFor`). */
export const composeMemberBackfill = () => {
  const members = new Members(tableStore());
  return makeMemberBackfill({
    rounds: rounds(),
    dossiers: dossiers(),
    certificates: certificates(),
    members,
    profiles: makeMemberProfiles({ members, clock }),
  });
};

/**
 * Starts the backfill in the jobs function without waiting (Lambda asynchronous invocation): the admin
 * request answers at once, and the run has the jobs function's time and grants.
 */
export const handOverMemberBackfill = handOverToJobs<MemberBackfillEvent>();
