import { makeSignOffDigest } from '../usecases/sign-off.ts';
import { mailer } from './mail.ts';
import { dossiers, links, rounds, staff } from './table.ts';

/** The Director's daily digest, as the jobs function runs it (08:00 in Hanoi). */
export const composeSignOffDigest = async () => {
  const { clock, config } = await import('../runtime.ts');
  return makeSignOffDigest({
    links: links(),
    dossiers: dossiers(),
    rounds: rounds(),
    staff: staff(),
    mailer: mailer(),
    clock,
    publicBaseUrl: config.publicBaseUrl,
  });
};
