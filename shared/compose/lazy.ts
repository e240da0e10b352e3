/**
 * An adapter made on its first call. `load` imports the adapter's module and its AWS SDK client with
 * `import()`, so a cold start loads neither: a function pays for S3, SES or Step Functions at the first
 * request that uses them, and a request that does not (most of them) never does. Bundled, the module
 * stays in the function's file but is only evaluated then (esbuild wraps what `import()` reaches).
 *
 * The adapter's methods must all return promises (the first call waits for the load); `known` gives its
 * plain properties, which are answered without loading. Concurrent first calls share one load; a load that
 * fails is tried again by the next call.
 */
export function lazy<T extends object>(load: () => Promise<T>, known: Partial<T> = {}): T {
  const adapter = once(load);
  const methods = new Map<PropertyKey, (...args: unknown[]) => Promise<unknown>>();
  return new Proxy(known as T, {
    get(target, prop) {
      if (Object.hasOwn(target, prop)) return target[prop as keyof T];
      // Not a promise itself: `await lazy(…)` must not call a `then` of the adapter.
      if (prop === 'then' || typeof prop === 'symbol') return undefined;
      let method = methods.get(prop);
      if (!method) {
        method = async (...args) => {
          const a = (await adapter()) as Record<PropertyKey, unknown>;
          const fn = a[prop];
          if (typeof fn !== 'function') throw new TypeError(`${String(prop)} is not a method of the adapter`);
          return fn.apply(a, args);
        };
        methods.set(prop, method);
      }
      return method;
    },
  });
}

/** `load` run by the first call only, its promise shared by every later call; a failed load is run again. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((err: unknown) => {
      loading = undefined;
      throw err;
    });
    return loading;
  };
}
