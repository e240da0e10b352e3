import { makeDocumentClient } from './adapters/dynamodb/client.ts';
import { Store } from './adapters/dynamodb/store.ts';
import { makeClock } from './clock.ts';
import { loadConfig, required } from './config.ts';

/**
 * What every function's composition root starts from: the config parsed once at cold start (failing
 * fast on a bad environment), the clock and the table.
 */
export const config = loadConfig();
export const clock = makeClock(config);

let store: Store | undefined;
/** The table, built on first use so functions that never touch it pay nothing at cold start. */
export function tableStore(): Store {
  store ??= new Store(makeDocumentClient(), required(config.tableName, 'TABLE_NAME'));
  return store;
}
