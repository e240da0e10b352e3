import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Sockets per client. One Lambda serves one request at a time, so this only matters where many requests
 * share a process (the local runtime), where the SDK's default of 50 queued requests under the deadline rush.
 */
export const MAX_SOCKETS = 256;

/** Endpoints come from the SDK's own AWS_ENDPOINT_URL_* variables (set only by the local runtime). */
export function makeDocumentClient(): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(
    new DynamoDBClient({
      requestHandler: { httpAgent: { maxSockets: MAX_SOCKETS }, httpsAgent: { maxSockets: MAX_SOCKETS } },
    }),
    {
      marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    },
  );
}
