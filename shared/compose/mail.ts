import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SesMailer } from '../adapters/ses/mailer.ts';
import { config } from '../runtime.ts';

export const mailer = () => new SesMailer(new SESv2Client({}), config.mailFrom, config.sesConfigurationSet);
