import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../infra/local/emulators.ts';
import { invoke } from '../infra/local/lambda-runner.ts';
import { LOCAL_TABLE } from '../infra/local/system.ts';
import { Dossiers } from '../shared/adapters/dynamodb/dossiers.ts';
import { Rounds } from '../shared/adapters/dynamodb/rounds.ts';
import { Store } from '../shared/adapters/dynamodb/store.ts';
import { composeMime, SesMailer } from '../shared/adapters/ses/mailer.ts';
import type { Dossier } from '../shared/domain/dossier.ts';
import { invitationIcs } from '../shared/domain/ics.ts';
import { demoRound } from '../shared/domain/round.ts';
import { PLACEHOLDER_CONTACT } from '../shared/env.ts';
import { CEREMONY_CALENDAR } from '../shared/i18n/messages/ceremony.ts';
import { withText } from '../shared/mail/plain-text.ts';
import { invitationEmail, programmeLines } from '../shared/mail/round-emails.tsx';
import { rsvpCutoffOf } from '../shared/usecases/invitations.ts';
import { figure, median, pool, recordFigures, sampleForm } from './lib.ts';
import { startBenchSystem } from './system.ts';

const MEMBERS = 2_000;
const WARMUP_MEMBERS = 2_000;
/** Measured runs (the median is reported): the machine's two cores are shared with the emulators. */
const RUNS = 3;
/** The same number of emails in flight for the floor as the invitations use-case's default. */
const CONCURRENCY = 16;
/** Issue 15, item 6: the job within this much of the simple-content SendEmail floor. */
const SIMPLE_GOAL = 1.3;

function member(roundId: string, i: number): Dossier {
  const now = new Date().toISOString();
  return {
    id: `bench-inv-${roundId}-${i}`,
    roundId,
    status: 'approved',
    code: `KGST-BENCH-${String(i).padStart(4, '0')}`,
    form: sampleForm(i, 'member') as unknown as Dossier['form'],
    documents: {},
    history: [{ at: now, from: 'in_review', to: 'approved', by: 'bench' }],
    createdAt: now,
    updatedAt: now,
    submittedAt: now,
    editTokenHash: 'x',
    version: 3,
  };
}

/** Runs the jobs function's send-invitations once in a fresh Node process with the local system's env. */
async function jobInOwnProcess(env: Record<string, string>, roundId: string) {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(import.meta.dirname, 'lambda-process.ts'),
      'jobs',
      JSON.stringify({ job: 'send-invitations', roundId }),
    ],
    { env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 },
  );
  const out = JSON.parse(stdout.trim().split('\n').pop()!) as {
    result: { sent: number };
    ms: number;
    loadedRssMb: number;
    peakRssMb: number;
  };
  return { sent: out.result.sent, ms: out.ms, loadedRssMb: out.loadedRssMb, peakRssMb: out.peakRssMb };
}

/** Samples this process's resident set size until stopped; returns the peak in MB. */
function rssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  return () => {
    clearInterval(timer);
    return Math.round(Math.max(peak, process.memoryUsage().rss) / 1024 / 1024);
  };
}

/**
 * Ceremony invitations to 2,000 approved members on the local stack (rate limit off), through the `jobs`
 * function, next to 2,000 raw SESv2 SendEmail calls of the job's own MIME message (the job's API: the
 * calendar alternative needs raw content) and 2,000 simple-content SendEmail calls of the same invitation
 * (issue 15's floor), each message made once.
 */
export async function runInvitationBench() {
  const { system, dataDir } = await startBenchSystem('invitations');
  try {
    const base = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
    const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({ ...base, endpoint: system.urls.dynamo }));
    const rounds = new Rounds(new Store(ddb, LOCAL_TABLE));
    /** A round with `count` approved members, seeded straight into the table with the GSI keys the adapter writes. */
    const seedRound = async (id: string, count: number) => {
      const round = { ...demoRound(new Date()), id };
      await rounds.create(round);
      const members = Array.from({ length: count }, (_, i) => member(round.id, i));
      const seeder = new Dossiers(new Store(ddb, LOCAL_TABLE));
      // Every item the adapter stores for each dossier, 25 a batch (BatchWrite's most), however many items
      // a dossier takes.
      const items = members.flatMap((d) => seeder.storedItems(d));
      const batches: Record<string, unknown>[][] = [];
      for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
      await pool(batches.length, 8, async (b) => {
        await ddb.send(
          new BatchWriteCommand({
            RequestItems: { [LOCAL_TABLE]: batches[b]!.map((Item) => ({ PutRequest: { Item } })) },
          }),
        );
      });
      return { round, members };
    };
    // One round per measured run (each run invites everybody once), and a warm-up round first, so the
    // measured runs do not pay DynamoDB Local's JIT warm-up (a fresh JVM takes several times longer per
    // conditional write than a warm one).
    const measured = [];
    for (let i = 0; i < RUNS; i++) measured.push(await seedRound(`bench-inv-${Date.now()}-${i}`, MEMBERS));
    const { round, members } = measured[0]!;
    const warmup = await seedRound(`bench-inv-warmup-${Date.now()}`, WARMUP_MEMBERS);
    const alone = await seedRound(`bench-inv-alone-${Date.now()}`, MEMBERS);

    // The floors: one invitation (same size, same .ics), sent 2,000 times.
    const ses = new SESv2Client({ ...base, endpoint: system.urls.mailbox });
    const sample = members[0]!;
    const rsvpUrl = `${system.urls.site}/rsvp/AAAAAAAAAAAA?s=${'x'.repeat(43)}`;
    // As the job writes it: the Centre's contact organizes (a no-reply organizer is refused, issue 11).
    const ics = invitationIcs({
      uid: `ceremony-${round.id}-${sample.id}@127.0.0.1`,
      sequence: 0,
      start: round.ceremony.at,
      durationMinutes: 150,
      summary: `${round.name.vi} – ${CEREMONY_CALENDAR.event.vi} / ${CEREMONY_CALENDAR.event.en}`,
      location: `${round.ceremony.venue.vi} / ${round.ceremony.venue.en}`,
      description: `${programmeLines(round, 'vi').join('\n')}\n\nRSVP: ${rsvpUrl}`,
      url: rsvpUrl,
      organizer: { name: PLACEHOLDER_CONTACT.name.vi, email: PLACEHOLDER_CONTACT.email },
      attendee: { name: 'Nguyễn Văn An', email: sample.form.representative.email },
      stamp: new Date(),
    });
    // With its text part, derived once (a mailer derives an email's text part from its HTML when it has none).
    const email = await withText(
      invitationEmail({
        d: sample,
        round,
        rsvpUrl,
        rsvpCutoff: rsvpCutoffOf(round),
        ics,
        sequence: 0,
      }),
    );
    // The job's own message (the calendar alternative and the .ics attached), composed once.
    const mime = await composeMime(email, 'Mạng lưới KGST Hà Nội <no-reply@kgst.hanoi.local>');
    /** 2,000 sends of one prepared message, 16 in flight: its time and this process's peak RSS. */
    const floor = async (sendOne: () => Promise<unknown>) => {
      const sampler = rssSampler();
      const t0 = performance.now();
      await pool(MEMBERS, CONCURRENCY, sendOne);
      return { ms: performance.now() - t0, peak: sampler() };
    };
    // The job's API issued directly: raw SendEmail of its MIME, built once.
    const rawFloor = () =>
      floor(() =>
        ses.send(
          new SendEmailCommand({
            Content: { Raw: { Data: mime } },
            Destination: { ToAddresses: [...email.to] },
          }),
        ),
      );
    const mailer = new SesMailer(ses, 'Mạng lưới KGST Hà Nội <no-reply@kgst.hanoi.local>');
    // Issue 15's floor: the same invitation as simple content (SES builds the MIME; the .ics attached, as
    // simple content can only attach it), a message made once and sent 2,000 times through the mailer.
    const simpleMessage = {
      ...email,
      calendar: undefined,
      attachments: [{ filename: 'invitation.ics', content: ics, contentType: 'application/ics' }],
    };
    const simpleFloor = () => floor(() => mailer.send(simpleMessage));
    // Warm-up of the job and of both floors.
    await invoke('jobs', { job: 'send-invitations', roundId: warmup.round.id });
    await rawFloor();
    await simpleFloor();
    const baselineRss = Math.round(process.memoryUsage().rss / 1024 / 1024);
    // Then RUNS rounds of: raw floor, simple floor, the job itself (as the scheduler invokes it).
    const runs: {
      raw: number;
      simple: number;
      job: number;
      jobPeak: number;
      sent: number;
      failed: number;
    }[] = [];
    for (const m of measured) {
      const raw = await rawFloor();
      const simple = await simpleFloor();
      const jobRss = rssSampler();
      const t = performance.now();
      const result = (await invoke('jobs', { job: 'send-invitations', roundId: m.round.id })) as {
        sent: number;
        failed: unknown[];
      };
      const job = performance.now() - t;
      runs.push({
        raw: raw.ms,
        simple: simple.ms,
        job,
        jobPeak: jobRss(),
        sent: result.sent,
        failed: result.failed.length,
      });
    }

    // The job once more, in a process of its own (as in a Lambda instance): its peak memory.
    const own = await jobInOwnProcess(system.env, alone.round.id);

    const rate = (ms: number) => ((MEMBERS / ms) * 1000).toFixed(0);
    const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const mid = (k: 'raw' | 'simple' | 'job') => median(runs.map((r) => r[k]));
    const all = (k: 'raw' | 'simple' | 'job') => runs.map((r) => sec(r[k])).join(', ');
    console.log(
      `\nInvitations: ${MEMBERS} approved members, rate limit off, ${CONCURRENCY} in flight; median of ${RUNS} runs`,
    );
    console.log(
      `  raw SendEmail floor     ${sec(mid('raw'))}  ${rate(mid('raw'))} emails/s  (${all('raw')})`,
    );
    console.log(
      `  simple SendEmail floor  ${sec(mid('simple'))}  ${rate(mid('simple'))} emails/s  (${all('simple')})`,
    );
    console.log(
      `  send-invitations job    ${sec(mid('job'))}  ${rate(mid('job'))} emails/s  (${all('job')}); sent ${runs.map((r) => r.sent).join('/')}, failed ${runs.reduce((n, r) => n + r.failed, 0)}`,
    );
    const jobPeak = Math.max(...runs.map((r) => r.jobPeak));
    recordFigures('invitations', {
      'job / raw SendEmail floor': figure(mid('job') / mid('raw'), '×', { max: 1.5 }),
      'job / simple-content SendEmail floor': figure(mid('job') / mid('simple'), '×', { max: SIMPLE_GOAL }),
      'failed sends': figure(
        runs.reduce((n, r) => n + r.failed, 0),
        'emails',
        { max: 0 },
      ),
      'job peak RSS in a fresh process': figure(own.peakRssMb, 'MB', { max: 512 }),
    });
    console.log(
      `  ratio ${(mid('job') / mid('raw')).toFixed(2)}× the raw floor (goal ≤ 1.5×; per run ${runs.map((r) => (r.job / r.raw).toFixed(2)).join(', ')}), ${(mid('job') / mid('simple')).toFixed(2)}× the simple floor`,
    );
    console.log(
      `  memory (goal: fits a 512 MB Lambda): the job alone in a fresh process peaked at ${own.peakRssMb} MB RSS (${own.loadedRssMb} MB once the handler was loaded through tsx; sent ${own.sent} in ${sec(own.ms)}); in this process it added ${jobPeak - baselineRss} MB over ${baselineRss} MB (the local API server and runner live here too)`,
    );
  } finally {
    await system.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runInvitationBench();
