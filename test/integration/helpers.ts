import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/emulators.ts';
import { LOCAL_TABLE } from '../../infra/local/system.ts';
import { FILES } from '../fixtures/files.ts';
import { makeClient, validForm } from '../support/client.ts';

/** URLs of the local system the global setup started; refuses anything but loopback. */
export function local() {
  const ctx = inject('local');
  for (const url of Object.values(ctx.urls)) {
    if (!/^http:\/\/127\.0\.0\.1:\d+/.test(url))
      throw new Error(`Integration tests only talk to loopback, not ${url}`);
  }
  return ctx;
}

export const sdk = () => {
  const { urls } = local();
  const base = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  return {
    ddb: DynamoDBDocumentClient.from(new DynamoDBClient({ ...base, endpoint: urls.dynamo })),
    sfn: new SFNClient({ ...base, endpoint: urls.sfn }),
  };
};

export async function getDossierItem(id: string) {
  const out = await sdk().ddb.send(
    new GetCommand({ TableName: LOCAL_TABLE, Key: { pk: `DOSSIER#${id}`, sk: 'DOSSIER' } }),
  );
  return out.Item;
}

export type { CapturedEmail } from '../support/client.ts';

const client = makeClient(() => local().urls);

/** Emails captured by aws-ses-v2-local on the shared system. */
export const mailbox = client.mailbox;
/** Waits until an email matching `match` has arrived. */
export const waitForEmail = client.waitForEmail;
export const api = client.api;
export const upload = client.upload;
export const readyDraft = client.readyDraft;
export { validForm };

export const unique = () => Math.random().toString(36).slice(2, 8);

export { FILES };
