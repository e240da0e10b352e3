import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../infra/local/emulators.ts';
import { invoke } from '../infra/local/lambda-runner.ts';
import { freePort } from '../infra/local/ports.ts';
import { LOCAL_TABLE, startLocalSystem } from '../infra/local/system.ts';
import { Rounds } from '../shared/adapters/dynamodb/rounds.ts';
import { Store } from '../shared/adapters/dynamodb/store.ts';
import { SesMailer } from '../shared/adapters/ses/mailer.ts';
import type { Dossier } from '../shared/domain/dossier.ts';
import { invitationIcs } from '../shared/domain/ics.ts';
import { demoRound } from '../shared/domain/round.ts';
import { invitationEmail } from '../shared/mail/round-emails.tsx';
import { rsvpCutoffOf } from '../shared/usecases/invitations.ts';
import { pool } from './lib.ts';

const MEMBERS = 2_000;
const WARMUP_MEMBERS = 500;
/** The same number of emails in flight for the floor as the invitations use-case's default. */
const CONCURRENCY = 16;

function member(roundId: string, i: number): Dossier {
  const now = new Date().toISOString();
  return {
    id: `bench-inv-${roundId}-${i}`,
    roundId,
    status: 'approved',
    code: `KGST-BENCH-${String(i).padStart(4, '0')}`,
    form: {
      space: {
        nameVi: `Không gian Sáng tạo Thử tải số ${i}`,
        ownership: 'individual_group',
        spaceType: 'multi',
        creativeFields: ['design'],
        street: `${i} phố Hàng Bồ`,
        wardCode: '00070',
        description: 'Không gian sáng tạo dùng cho bài đo gửi thư mời.',
      },
      representative: {
        fullName: 'Nguyễn Văn An',
        position: 'Chủ nhiệm',
        email: `member${i}@example.vn`,
        phone: '0912345678',
      },
      consent: true,
    } as unknown as Dossier['form'],
    documents: {},
    history: [{ at: now, from: 'in_review', to: 'approved', by: 'bench' }],
    createdAt: now,
    updatedAt: now,
    submittedAt: now,
    editTokenHash: 'x',
    version: 3,
  };
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
 * function, next to 2,000 raw SESv2 SendEmail calls of an equivalent MIME message (the floor the issue
 * names) and 2,000 simple-content SendEmail calls of the same invitation (how the job sends).
 */
export async function runInvitationBench() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'hcsn-bench-invitations-'));
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  const system = await startLocalSystem({
    dataDir,
    persistDynamo: false,
    ports: { api: 0, dynamo: await freePort(), s3: await freePort(), ses: await freePort(), sfn: 0 },
    scheduler: false,
  });
  try {
    const base = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
    const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({ ...base, endpoint: system.urls.dynamo }));
    const rounds = new Rounds(new Store(ddb, LOCAL_TABLE));
    /** A round with `count` approved members, seeded straight into the table with the GSI keys the adapter writes. */
    const seedRound = async (id: string, count: number) => {
      const round = { ...demoRound(new Date()), id };
      await rounds.create(round);
      const members = Array.from({ length: count }, (_, i) => member(round.id, i));
      const batches: Dossier[][] = [];
      for (let i = 0; i < members.length; i += 25) batches.push(members.slice(i, i + 25));
      await pool(batches.length, 8, async (b) => {
        const batch = batches[b]!;
        await ddb.send(
          new BatchWriteCommand({
            RequestItems: {
              [LOCAL_TABLE]: batch.map((d) => ({
                PutRequest: {
                  Item: {
                    pk: `DOSSIER#${d.id}`,
                    sk: 'DOSSIER',
                    gsi1pk: `ROUND#${d.roundId}#STATUS#approved`,
                    gsi1sk: `${d.updatedAt}#${d.id}`,
                    ...d,
                  },
                },
              })),
            },
          }),
        );
      });
      return { round, members };
    };
    const { round, members } = await seedRound(`bench-inv-${Date.now()}`, MEMBERS);
    // Warm-up, as the floor's first run warms the emulator: a smaller round through the same job, so the
    // measured run does not pay DynamoDB Local's JIT warm-up (a fresh JVM takes 2-6 ms per conditional
    // put, a warm one ~1 ms).
    const warmup = await seedRound(`bench-inv-warmup-${Date.now()}`, WARMUP_MEMBERS);
    await invoke('jobs', { job: 'send-invitations', roundId: warmup.round.id });

    // The floors: one invitation (same size, same .ics), sent 2,000 times.
    const ses = new SESv2Client({ ...base, endpoint: system.urls.mailbox });
    const sample = members[0]!;
    const rsvpUrl = `${system.urls.site}/rsvp/AAAAAAAAAAAA?s=${'x'.repeat(43)}`;
    const ics = invitationIcs({
      uid: `ceremony-${round.id}-${sample.id}@127.0.0.1`,
      sequence: 0,
      start: round.ceremony.at,
      durationMinutes: 150,
      summary: round.name.vi,
      location: round.ceremony.venue.vi,
      description: rsvpUrl,
      organizer: { name: 'Ban tổ chức', email: 'no-reply@kgst.hanoi.local' },
      attendee: { name: 'Nguyễn Văn An', email: sample.form.representative.email },
      stamp: new Date(),
    });
    const email = invitationEmail({
      d: sample,
      round,
      rsvpUrl,
      rsvpCutoff: rsvpCutoffOf(round),
      ics,
      sequence: 0,
    });
    const mime = await new MailComposer({
      from: 'no-reply@kgst.hanoi.local',
      to: [...email.to],
      subject: email.subject,
      text: email.text,
      html: email.html,
      attachments: email.attachments?.map((a) => ({ ...a, content: String(a.content) })),
    })
      .compile()
      .build();
    /** 2,000 sends of one prepared message, 16 in flight: its time and this process's peak RSS. */
    const floor = async (sendOne: () => Promise<unknown>) => {
      const sampler = rssSampler();
      const t0 = performance.now();
      await pool(MEMBERS, CONCURRENCY, sendOne);
      return { ms: performance.now() - t0, peak: sampler() };
    };
    // The floor: raw SendEmail of the MIME built once.
    const rawFloor = () =>
      floor(() =>
        ses.send(
          new SendEmailCommand({
            Content: { Raw: { Data: mime } },
            Destination: { ToAddresses: [...email.to] },
          }),
        ),
      );
    // The same invitation as simple content (SES builds the MIME), the way the job sends it.
    const mailer = new SesMailer(ses, 'Mạng lưới KGST Hà Nội <no-reply@kgst.hanoi.local>');
    const simpleFloor = () => floor(() => mailer.send(email));
    // Each floor is measured before and after the job (the emulator's mailbox grows), and averaged.
    const before = { raw: await rawFloor(), simple: await simpleFloor() };
    const baselineRss = Math.round(process.memoryUsage().rss / 1024 / 1024);
    // The job itself, as the scheduler invokes it.
    const jobRss = rssSampler();
    const t = performance.now();
    const result = (await invoke('jobs', { job: 'send-invitations', roundId: round.id })) as {
      sent: number;
      failed: unknown[];
    };
    const jobMs = performance.now() - t;
    const jobPeak = jobRss();
    const after = { raw: await rawFloor(), simple: await simpleFloor() };

    const rate = (ms: number) => ((MEMBERS / ms) * 1000).toFixed(0);
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(`\nInvitations: ${MEMBERS} approved members, rate limit off, ${CONCURRENCY} in flight`);
    const floors = (['raw', 'simple'] as const).map((kind) => {
      const ms = (before[kind].ms + after[kind].ms) / 2;
      const label = kind === 'raw' ? 'raw SendEmail floor   ' : 'simple SendEmail floor';
      console.log(
        `  ${label}  ${s(ms)}  ${rate(ms)} emails/s  peak RSS ${Math.max(before[kind].peak, after[kind].peak)} MB (before ${s(before[kind].ms)}, after ${s(after[kind].ms)})`,
      );
      return ms;
    });
    console.log(
      `  send-invitations job    ${s(jobMs)}  ${rate(jobMs)} emails/s  peak RSS ${jobPeak} MB  (sent ${result.sent}, failed ${result.failed.length})`,
    );
    console.log(
      `  ratio ${(jobMs / floors[0]!).toFixed(2)}× the raw floor (goal ≤ 1.5×), ${(jobMs / floors[1]!).toFixed(2)}× the simple floor; the job added ${jobPeak - baselineRss} MB over the ${baselineRss} MB of this process (which also hosts the local API server and runner)`,
    );
  } finally {
    await system.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runInvitationBench();
