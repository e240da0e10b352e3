import type { OutgoingEmail } from '../adapters/ses/mailer.ts';
import type { Activity } from '../domain/activity.ts';
import { formatIct } from '../domain/time.ts';
import { type ActivityWords, activityEmails } from '../i18n/emails/activities.tsx';
import type { Text } from '../i18n/lang.ts';
import { bilingualEmail, withEnglish } from './email-layout.tsx';

const E = activityEmails;

/** dd/MM/yyyy HH:mm–HH:mm of an activity (Hanoi wall-clock times are shown as they are). */
export const whenOf = (a: Pick<Activity, 'start' | 'end'>): string =>
  `${a.start.slice(8, 10)}/${a.start.slice(5, 7)}/${a.start.slice(0, 4)} ${a.start.slice(11, 16)}–${a.end.slice(11, 16)}`;

function wordsOf(a: Activity, extra: Partial<ActivityWords> & { calendarUrl: Text }): ActivityWords {
  return {
    title: { vi: a.titleVi, en: a.titleEn },
    space: a.memberName,
    venue: a.venueName,
    when: whenOf(a),
    attendance: a.attendance,
    needsPermit: a.needsPermit,
    ...extra,
  };
}

const headers = (a: Activity, purpose: string) => ({ 'X-Activity-Id': a.id, 'X-Email-Purpose': purpose });

/** The member's single-use link to the proposal form. */
export function proposalLinkEmail(to: string, space: string, url: string, expires: Date): OutgoingEmail {
  return bilingualEmail({
    to: [to],
    headers: { 'X-Email-Purpose': 'activity-link' },
    subject: E.proposalLinkSubject,
    body: E.proposalLink,
    words: { space, url: withEnglish(url), expires: formatIct(expires) },
  });
}

/** One coordinator's link to decide a proposal. */
export function activityReviewEmail(
  a: Activity,
  to: string,
  url: string,
  calendarUrl: string,
): OutgoingEmail {
  return bilingualEmail({
    to: [to],
    headers: headers(a, 'activity-review'),
    subject: E.reviewSubject,
    body: E.review,
    words: wordsOf(a, { reviewUrl: withEnglish(url), calendarUrl: withEnglish(calendarUrl) }),
  });
}

/** The confirmation: the .ics attached, and the permit guidance when the activity needs a permit. */
export function activityApprovedEmail(
  a: Activity,
  calendarUrl: string,
  ics: string,
  permitGuidance: Text | undefined,
): OutgoingEmail {
  return bilingualEmail({
    to: [a.memberEmail],
    headers: headers(a, 'activity-approved'),
    subject: E.approvedSubject,
    body: E.approved,
    words: wordsOf(a, {
      calendarUrl: withEnglish(calendarUrl),
      permitGuidance: a.needsPermit ? permitGuidance : undefined,
    }),
    attachments: [{ filename: 'hoat-dong.ics', content: ics, contentType: 'text/calendar; charset=utf-8' }],
  });
}

export function activityRejectedEmail(a: Activity, reason: string, calendarUrl: string): OutgoingEmail {
  return bilingualEmail({
    to: [a.memberEmail],
    headers: headers(a, 'activity-rejected'),
    subject: E.rejectedSubject,
    body: E.rejected,
    words: wordsOf(a, { reason, calendarUrl: withEnglish(calendarUrl) }),
  });
}

export function activityExpiredEmail(a: Activity, calendarUrl: string): OutgoingEmail {
  return bilingualEmail({
    to: [a.memberEmail],
    headers: headers(a, 'activity-expired'),
    subject: E.expiredSubject,
    body: E.expired,
    words: wordsOf(a, { calendarUrl: withEnglish(calendarUrl) }),
  });
}

/** Tells a member whose certificate was revoked which of their activities are cancelled. */
export function activitiesCancelledEmail(
  to: string,
  space: string,
  cancelled: readonly Activity[],
): OutgoingEmail {
  return bilingualEmail({
    to: [to],
    headers: { 'X-Email-Purpose': 'activities-cancelled' },
    subject: E.cancelledSubject,
    body: E.cancelled,
    words: {
      space,
      activities: cancelled.map((a) => ({
        title: { vi: a.titleVi, en: a.titleEn },
        when: whenOf(a),
        venue: a.venueName,
      })),
    },
  });
}
