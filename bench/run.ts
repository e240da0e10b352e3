import { runBundleBench } from './bundles.ts';
import { runCertificateBench } from './certificate.ts';
import { runInvitationBench } from './invitations.ts';
import { runReviewBench } from './review.ts';
import { runRushBench } from './rush.ts';

/** `npm run bench`: every benchmark, each next to its floor measured in the same run. */
await runBundleBench();
await runCertificateBench();
await runRushBench();
await runReviewBench();
await runInvitationBench();
