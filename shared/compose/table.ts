import { Addresses } from '../adapters/dynamodb/addresses.ts';
import { Certificates } from '../adapters/dynamodb/certificates.ts';
import { Councils } from '../adapters/dynamodb/councils.ts';
import { Dossiers } from '../adapters/dynamodb/dossiers.ts';
import { Links } from '../adapters/dynamodb/links.ts';
import { Rounds } from '../adapters/dynamodb/rounds.ts';
import { Staff } from '../adapters/dynamodb/staff.ts';
import { tableStore } from '../runtime.ts';

/**
 * Composition roots import only the adapters they use (one module per AWS service), so a function
 * loads only the SDK clients it needs at cold start.
 */
export const rounds = () => new Rounds(tableStore());
export const dossiers = () => new Dossiers(tableStore());
export const links = () => new Links(tableStore());
export const certificates = () => new Certificates(tableStore());
export const staff = () => new Staff(tableStore());
export const councils = () => new Councils(tableStore());
let addressBook: Addresses | undefined;
/** Marked (bounced/complained) addresses; one instance, so a bulk run reuses its client. */
export const addresses = () => (addressBook ??= new Addresses(tableStore()));
