import { clock, config } from '../runtime.ts';
import { makeResumeLinks } from '../usecases/resume-links.ts';
import { mailer } from './mail.ts';
import { dossiers, links, rounds } from './table.ts';

/** Drafts' resume links as the jobs function sends them, handed over by the intake function. */
export const composeResumeLinks = () =>
  makeResumeLinks({
    rounds: rounds(),
    dossiers: dossiers(),
    links: links(),
    mailer: mailer(),
    clock,
    publicBaseUrl: config.publicBaseUrl,
  });
