import type { Context } from 'aws-lambda';
import {
  composeReconciler,
  composeRoundJobs,
  followUpScheduler,
  jobStarter,
} from '../../shared/compose/jobs.ts';
import { composeResumeLinks } from '../../shared/compose/resume-links.ts';
import { coordinatorSessions } from '../../shared/compose/sessions.ts';
import { composeSignOffDigest } from '../../shared/compose/sign-off.ts';
import type { JobEvent } from '../../shared/domain/round-schedule.ts';
import { taskHandler } from '../../shared/task-handler.ts';
import { isSignInLinkEvent, type SignInLinkEvent } from '../../shared/usecases/coordinator-session.ts';
import { isMemberBackfillEvent, type MemberBackfillEvent } from '../../shared/usecases/member-backfill.ts';
import { isReconcileEvent, type ReconcileEvent } from '../../shared/usecases/reconciler.ts';
import { isResumeLinkEvent, type ResumeLinkEvent } from '../../shared/usecases/resume-links.ts';
import { runOrHandOver } from '../../shared/usecases/round-jobs.ts';
import { isSignOffDigestEvent, type SignOffDigestEvent } from '../../shared/usecases/sign-off.ts';

/** A run stops claiming recipients this long before its timeout, finishes what it holds and continues anew. */
const MARGIN_MS = 60_000;

const jobs = composeRoundJobs();

/** Sign-in requests handed over by the admin function: the staff lookup and the link email. */
let sessions: ReturnType<typeof coordinatorSessions> | undefined;
/** Resume links handed over by the intake function (a new draft, a fresh link asked for). */
let resumeLinks: ReturnType<typeof composeResumeLinks> | undefined;

export const handler = taskHandler(
  async (
    event:
      | JobEvent
      | SignInLinkEvent
      | ReconcileEvent
      | SignOffDigestEvent
      | ResumeLinkEvent
      | MemberBackfillEvent,
    context: Context,
  ): Promise<unknown> => {
    // Every 15 minutes: dossiers left stranded by a failed call are found and moved on.
    if (isReconcileEvent(event)) return (await composeReconciler()).run();
    // Every day at 08:00 in Hanoi: each Director is emailed the dossiers awaiting their sign-off.
    if (isSignOffDigestEvent(event)) return (await composeSignOffDigest()).run();
    if (isSignInLinkEvent(event)) {
      sessions ??= coordinatorSessions();
      await sessions.deliverSignIn(event.signInLinkFor);
      return { signIn: 'handled' };
    }
    // A coordinator's action on /admin/members: profiles for the members certified before the directory.
    if (isMemberBackfillEvent(event)) {
      const { composeMemberBackfill } = await import('../../shared/compose/member-backfill.ts');
      return composeMemberBackfill().run(event.memberBackfillBy);
    }
    if (isResumeLinkEvent(event)) {
      resumeLinks ??= composeResumeLinks();
      await resumeLinks.deliver(event);
      return { resumeLink: 'sent' };
    }
    return runOrHandOver(
      jobs,
      // The next run is this same function, by the ARN it was invoked with.
      jobStarter(context.invokedFunctionArn),
      event,
      Date.now() + context.getRemainingTimeInMillis() - MARGIN_MS,
      // Claims in doubt (a run that died with emails in hand): a later run of this function takes them over.
      followUpScheduler(context.invokedFunctionArn),
    );
  },
);
