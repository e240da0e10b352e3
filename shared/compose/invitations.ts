import type { Mailer } from '../adapters/ses/mailer.ts';
import { clock, config, tableStore } from '../runtime.ts';
import { makeInvitations, organizerOf } from '../usecases/invitations.ts';
import { mailer } from './mail.ts';
import { addresses, dossiers, links, rounds } from './table.ts';

/** Addresses that bounced or complained: every bulk sender skips them. */
export const suppressed = () => addresses().marked();

/** Ceremony invitations as every function that sends or answers them needs them. */
export const composeInvitations = (mail: Mailer = mailer()) =>
  makeInvitations({
    store: tableStore(),
    rounds: rounds(),
    dossiers: dossiers(),
    links: links(),
    mailer: mail,
    clock,
    publicBaseUrl: config.publicBaseUrl,
    organizer: organizerOf(config.mailFrom),
    sendRatePerSecond: config.sendRatePerSecond,
    suppressed,
  });
