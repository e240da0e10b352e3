import { SESv2Client } from '@aws-sdk/client-sesv2';

/**
 * The SES client, in a module of its own: it is loaded with `import()` on the first email, and a dynamic
 * import keeps every export of the module it names, so naming the SDK package would bundle all of SES's
 * commands instead of the one we send.
 */
export const makeSesClient = (): SESv2Client => new SESv2Client({});
