import { describe, expect, inject, it } from 'vitest';
import { LOCAL_TABLE } from '../../infra/local/system.ts';
import { Addresses } from '../../shared/adapters/dynamodb/addresses.ts';
import { makeDocumentClient } from '../../shared/adapters/dynamodb/client.ts';
import { Dossiers } from '../../shared/adapters/dynamodb/dossiers.ts';
import { Rounds } from '../../shared/adapters/dynamodb/rounds.ts';
import { Store } from '../../shared/adapters/dynamodb/store.ts';
import type { Dossier, DossierStatus } from '../../shared/domain/dossier.ts';
import { ROUND_2025, type Round } from '../../shared/domain/round.ts';
import { addDays, ictDay } from '../../shared/domain/time.ts';
import { invoke, mailbox, seedDossier, unique } from './helpers.ts';

// This test file's own clients (adapters, the SES client) use the local system's loopback endpoints.
Object.assign(process.env, inject('local').env);

const store = new Store(makeDocumentClient(), LOCAL_TABLE);
const rounds = new Rounds(store);
const _dossiers = new Dossiers(store);
const addresses = new Addresses(store);

async function ownRound(tag: string): Promise<Round> {
  const today = ictDay(new Date());
  const round: Round = {
    ...ROUND_2025,
    id: `it-mail-events-${tag}`,
    codePrefix: `M${tag}`,
    opensOn: addDays(today, -20),
    deadlineDate: addDays(today, 3),
    invitationsAt: `${addDays(today, 5)}T09:00`,
    ceremony: { ...ROUND_2025.ceremony, at: `${addDays(today, 20)}T15:00` },
    status: 'open',
  };
  await rounds.create(round);
  return round;
}

const seed = async (round: Round, status: DossierStatus, email: string): Promise<Dossier> =>
  (await seedDossier(round, status, { prefix: 'it-mail-events', email })).d;

/** An SNS delivery to Lambda of one SES configuration-set event, as AWS sends it. */
function snsEvent(sesEvent: Record<string, unknown>) {
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn:
          'arn:aws:sns:ap-southeast-1:123456789012:HcsnProd-MailEventsTopic:2bcfbf39-05c3-41de-beaa-fcfcc21c8f55',
        Sns: {
          Type: 'Notification',
          MessageId: '95df01b4-ee98-5cb9-9903-4c221d41eb5e',
          TopicArn: 'arn:aws:sns:ap-southeast-1:123456789012:HcsnProd-MailEventsTopic',
          Subject: null,
          Message: JSON.stringify(sesEvent),
          Timestamp: '2026-11-27T08:00:01.000Z',
          SignatureVersion: '1',
          Signature: 'EXAMPLEpH+..',
          SigningCertUrl:
            'https://sns.ap-southeast-1.amazonaws.com/SimpleNotificationService-0000000000000000000000.pem',
          UnsubscribeUrl: 'https://sns.ap-southeast-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=...',
          MessageAttributes: {},
        },
      },
    ],
  };
}

const mail = (to: string) => ({
  timestamp: '2026-11-27T08:00:00.000Z',
  source: 'Mạng lưới KGST Hà Nội <no-reply@kgst.hanoi.vn>',
  sourceArn: 'arn:aws:ses:ap-southeast-1:123456789012:identity/kgst.hanoi.vn',
  sendingAccountId: '123456789012',
  messageId: '0102018c1a2b3c4d-11111111-2222-3333-4444-555555555555-000000',
  destination: [to],
  headersTruncated: false,
  tags: { 'ses:configuration-set': ['HcsnProd-ConfigurationSet'] },
});

const permanentBounce = (to: string) => ({
  eventType: 'Bounce',
  bounce: {
    feedbackId: '0102018c1a2b3c4d-aaaa-bbbb-cccc-dddddddddddd-000000',
    bounceType: 'Permanent',
    bounceSubType: 'General',
    bouncedRecipients: [
      {
        emailAddress: to,
        action: 'failed',
        status: '5.1.1',
        diagnosticCode: 'smtp; 550 5.1.1 user unknown',
      },
    ],
    timestamp: '2026-11-27T08:00:01.000Z',
    reportingMTA: 'dsn; a1-2.smtp-out.ap-southeast-1.amazonses.com',
  },
  mail: mail(to),
});

const invitationsTo = async (email: string) =>
  (await mailbox()).filter((e) => e.destination.to.includes(email) && e.subject.includes('Thư mời'));

describe('SES bounces and complaints (connected)', () => {
  it('a permanent bounce marks the address and the invitation run skips that member, saying why', async () => {
    // Prepare
    const round = await ownRound(unique());
    const bouncing = `Khong.Ton.Tai.${unique()}@Example.vn`;
    const fine = `member.${unique()}@example.vn`;
    const members = [await seed(round, 'approved', bouncing), await seed(round, 'approved', fine)];

    // Act
    const result = await invoke('mailEvents', snsEvent(permanentBounce(bouncing)));
    const run = (await invoke('jobs', { job: 'send-invitations', roundId: round.id })) as {
      sent: number;
      suppressed: { dossierId: string; reason: string }[];
    };

    // Assess
    expect(result).toMatchObject({ marked: [bouncing.toLowerCase()] });
    const mark = await addresses.get(bouncing);
    expect(mark).toMatchObject({ email: bouncing.toLowerCase(), status: 'bounced' });
    expect(mark!.reason).toContain('550 5.1.1 user unknown');
    expect(run.sent).toBe(1);
    expect(run.suppressed).toEqual([
      { dossierId: members[0]!.id, email: bouncing, reason: expect.stringContaining('bounced') },
    ]);
    expect(await invitationsTo(bouncing)).toHaveLength(0);
    expect(await invitationsTo(fine)).toHaveLength(1);
  });

  it('a complaint marks the address, and the deadline reminder skips that draft', async () => {
    const round = await ownRound(unique());
    const complaining = `phan.nan.${unique()}@example.vn`;
    const draft = await seed(round, 'draft', complaining);
    const other = await seed(round, 'draft', `draft.${unique()}@example.vn`);

    await invoke(
      'mailEvents',
      snsEvent({
        eventType: 'Complaint',
        complaint: {
          feedbackId: '0102018c-feedback',
          complaintSubType: null,
          complainedRecipients: [{ emailAddress: complaining }],
          timestamp: '2026-11-27T09:00:00.000Z',
          userAgent: 'Yahoo!-Mail-Feedback/2.0',
          complaintFeedbackType: 'abuse',
          arrivalDate: '2026-11-27T08:59:00.000Z',
        },
        mail: mail(complaining),
      }),
    );
    const run = (await invoke('jobs', { job: 'deadline-reminder', roundId: round.id })) as {
      sent: number;
      suppressed: { dossierId: string; email: string; reason: string }[];
    };

    expect(await addresses.get(complaining)).toMatchObject({ status: 'complained', reason: 'abuse' });
    expect(run.sent).toBe(1);
    expect(run.suppressed).toEqual([
      { dossierId: draft.id, email: complaining, reason: expect.stringContaining('complained') },
    ]);
    const reminders = (await mailbox()).filter((e) => e.subject.includes('ngày để nộp hồ sơ'));
    expect(reminders.some((e) => e.destination.to.includes(complaining))).toBe(false);
    expect(reminders.some((e) => e.destination.to.includes(other.form.representative.email))).toBe(true);
  });

  it('a transient bounce and a message that is not an SES event mark nothing', async () => {
    const soft = `hop.thu.day.${unique()}@example.vn`;
    const transient = permanentBounce(soft);
    transient.bounce.bounceType = 'Transient';
    transient.bounce.bounceSubType = 'MailboxFull';
    const result = await invoke('mailEvents', snsEvent(transient));
    expect(result).toMatchObject({ marked: [], ignored: ['bounce Transient'] });
    expect(await addresses.get(soft)).toBeUndefined();

    const garbage = snsEvent({});
    garbage.Records[0]!.Sns.Message = 'not json';
    expect(await invoke('mailEvents', garbage)).toMatchObject({ marked: [], ignored: ['unreadable'] });
  });
});
