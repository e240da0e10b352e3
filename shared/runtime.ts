import { Store } from './adapters/dynamodb/store.ts';
import { documentClient } from './clients.ts';
import { makeClock } from './clock.ts';
import { config } from './config.ts';

/**
 * What every function's composition root starts from: the config (parsed on first read, failing fast on a
 * bad environment or, where read, a missing variable), the clock and the table.
 */
export { config };
export const clock = makeClock(config);

let store: Store | undefined;
/** The table, built on first use so functions that never touch it pay nothing at cold start. */
export function tableStore(): Store {
  store ??= new Store(documentClient(), config.tableName);
  return store;
}
