import { addresses } from '../../shared/compose/table.ts';
import { ValidationError } from '../../shared/domain/errors.ts';
import { clock } from '../../shared/runtime.ts';
import { taskHandler } from '../../shared/task-handler.ts';
import { makeMailEvents, SnsEventSchema } from '../../shared/usecases/mail-events.ts';

const mailEvents = makeMailEvents({ addresses: addresses(), clock });

/** SES bounces and complaints (configuration set → SNS topic → here): marks the addresses bulk sending skips. */
export const handler = taskHandler(async (event: unknown) => {
  const parsed = SnsEventSchema.safeParse(event);
  if (!parsed.success) {
    throw new ValidationError(
      parsed.error.issues.map((i) => ({
        path: i.path.join('.'),
        field: i.path.join('.'),
        message: i.message,
      })),
    );
  }
  return mailEvents.recordAll(parsed.data);
});
