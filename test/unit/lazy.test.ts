import { describe, expect, it } from 'vitest';
import { lazy } from '../../shared/compose/lazy.ts';

class Adapter {
  constructor(readonly bucket: string) {}
  async read(key: string): Promise<string> {
    return `${this.bucket}/${key}`;
  }
}

describe('lazy adapters (loaded on first call, not at cold start)', () => {
  it('loads nothing until a method is called, then once for concurrent first calls', async () => {
    let loads = 0;
    const files = lazy(
      async () => {
        loads++;
        return new Adapter('docs');
      },
      { bucket: 'docs' },
    );
    expect(files.bucket).toBe('docs');
    expect(loads).toBe(0);
    expect(await Promise.all([files.read('a'), files.read('b')])).toEqual(['docs/a', 'docs/b']);
    expect(await files.read('c')).toBe('docs/c');
    expect(loads).toBe(1);
  });

  it('tries a failed load again on the next call', async () => {
    let loads = 0;
    const files = lazy(async () => {
      loads++;
      if (loads === 1) throw new Error('network');
      return new Adapter('docs');
    });
    await expect(files.read('a')).rejects.toThrow('network');
    expect(await files.read('a')).toBe('docs/a');
    expect(loads).toBe(2);
  });

  it('is not mistaken for a promise, and names a missing method', async () => {
    const files = lazy(async () => new Adapter('docs'));
    expect(await Promise.resolve(files)).toBe(files);
    await expect((files as unknown as { nope: () => Promise<void> }).nope()).rejects.toThrow(/nope/);
  });
});
