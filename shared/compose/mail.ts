import { SesMailer } from '../adapters/ses/mailer.ts';
import { sesClient } from '../clients.ts';
import { config } from '../runtime.ts';

export const mailer = () => new SesMailer(sesClient(), config.mailFrom, config.sesConfigurationSet);
