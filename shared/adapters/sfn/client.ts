import { SFNClient } from '@aws-sdk/client-sfn';

/**
 * The Step Functions client, in a module of its own: it is loaded with `import()` on first use, and a
 * dynamic import keeps every export of the module it names, so naming the SDK package would bundle all of
 * its commands instead of the few we send.
 */
export const makeSfnClient = (): SFNClient => new SFNClient({});
