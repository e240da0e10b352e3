import { z } from 'zod';
import type { Addresses } from '../adapters/dynamodb/addresses.ts';
import { logger } from '../observability.ts';

const Recipient = z.object({ emailAddress: z.string().min(3) }).loose();

/** The SES event (configuration set event publishing; identity notifications use `notificationType`). */
export const SesMailEventSchema = z
  .object({
    eventType: z.string().optional(),
    notificationType: z.string().optional(),
    bounce: z
      .object({
        bounceType: z.string(),
        bounceSubType: z.string().optional(),
        bouncedRecipients: z.array(
          Recipient.extend({ diagnosticCode: z.string().optional(), status: z.string().optional() }),
        ),
        timestamp: z.string().optional(),
      })
      .loose()
      .optional(),
    complaint: z
      .object({
        complainedRecipients: z.array(Recipient),
        complaintFeedbackType: z.string().optional(),
        timestamp: z.string().optional(),
      })
      .loose()
      .optional(),
    mail: z.object({ messageId: z.string().optional() }).loose().optional(),
  })
  .loose();
export type SesMailEvent = z.infer<typeof SesMailEventSchema>;

/** The Lambda event of an SNS subscription: each record's Message is the SES event as a JSON string. */
export const SnsEventSchema = z.object({
  Records: z.array(
    z.object({ Sns: z.object({ MessageId: z.string().optional(), Message: z.string() }).loose() }).loose(),
  ),
});
export type SnsEvent = z.infer<typeof SnsEventSchema>;

/** Records permanent bounces and complaints on the addresses, so bulk sending skips them. */
export function makeMailEvents(deps: { addresses: Pick<Addresses, 'mark'>; clock: () => Date }) {
  return {
    async record(event: SesMailEvent): Promise<{ marked: string[]; ignored?: string }> {
      const type = event.eventType ?? event.notificationType;
      const at = deps.clock().toISOString();
      if (type === 'Bounce' && event.bounce) {
        // A transient bounce (mailbox full, greylisting) may pass; only a permanent one stops mail.
        if (event.bounce.bounceType !== 'Permanent')
          return { marked: [], ignored: `bounce ${event.bounce.bounceType}` };
        const marked: string[] = [];
        for (const r of event.bounce.bouncedRecipients) {
          const reason = [event.bounce.bounceSubType, r.status, r.diagnosticCode].filter(Boolean).join(' · ');
          await deps.addresses.mark({
            email: r.emailAddress,
            status: 'bounced',
            at,
            reason: reason || 'Permanent',
          });
          marked.push(r.emailAddress.toLowerCase());
        }
        return { marked };
      }
      if (type === 'Complaint' && event.complaint) {
        const marked: string[] = [];
        for (const r of event.complaint.complainedRecipients) {
          await deps.addresses.mark({
            email: r.emailAddress,
            status: 'complained',
            at,
            reason: event.complaint.complaintFeedbackType ?? 'complaint',
          });
          marked.push(r.emailAddress.toLowerCase());
        }
        return { marked };
      }
      return { marked: [], ignored: type ?? 'unknown event' };
    },

    /** Every record of an SNS delivery; a message that is not an SES event is logged and skipped. */
    async recordAll(event: SnsEvent) {
      const marked: string[] = [];
      const ignored: string[] = [];
      for (const record of event.Records) {
        let json: unknown;
        try {
          json = JSON.parse(record.Sns.Message);
        } catch {
          json = undefined;
        }
        const parsed = SesMailEventSchema.safeParse(json);
        if (!parsed.success) {
          // Retrying would not make it readable: logged for a person, not thrown.
          logger.warn('Not an SES event', { messageId: record.Sns.MessageId });
          ignored.push('unreadable');
          continue;
        }
        const result = await this.record(parsed.data);
        marked.push(...result.marked);
        if (result.ignored) ignored.push(result.ignored);
      }
      if (marked.length) logger.info('Addresses marked', { count: marked.length });
      return { marked, ignored };
    },
  };
}
