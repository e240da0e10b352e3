/**
 * A value (a zod schema, mostly) built by its first use instead of at module init. A route's or a form's
 * schema is a few dozen zod objects, each costly to construct (≈20–50 µs); a function builds hundreds at
 * cold start while a request needs one or two (issue 15, cold init). The result stands in for the value:
 * every property read, call of a method, `in` and `instanceof` is answered by the value, built then, once.
 */
export function builtOnFirstUse<T extends object>(build: () => T): T {
  let value: T | undefined;
  const built = (): T => {
    value ??= build();
    return value;
  };
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(built(), key),
    has: (_, key) => Reflect.has(built(), key),
    set: (_, key, v) => Reflect.set(built(), key, v),
    ownKeys: () => Reflect.ownKeys(built()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(built(), key);
      // A proxy may report a property only as configurable when its (empty) target lacks it.
      return d && { ...d, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(built()),
  });
}
