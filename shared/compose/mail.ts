import type { Mailer } from '../adapters/ses/mailer.ts';
import { traced } from '../observability.ts';
import { config } from '../runtime.ts';
import { lazy, once } from './lazy.ts';

/** One SES client per process, made (and its SDK loaded) by the first email. */
const sesClient = once(async () => {
  const { makeSesClient } = await import('../adapters/ses/client.ts');
  return traced(makeSesClient());
});

/** SES; its SDK and the MIME composer are loaded by the first email sent. */
export const mailer = (): Mailer =>
  lazy(async () => {
    const [{ SesMailer }, ses] = await Promise.all([import('../adapters/ses/mailer.ts'), sesClient()]);
    return new SesMailer(ses, config.mailFrom, config.sesConfigurationSet);
  });
