import { describe, expect, it } from 'vitest';
import { auditSortKey } from '../../shared/adapters/dynamodb/keys.ts';

describe('audit event sort keys', () => {
  it('are unique and list in the order they were made, even for events of the same instant', () => {
    const at = '2026-12-03T09:00:00.000Z';
    const keys = Array.from({ length: 1000 }, () => auditSortKey(at, '0'));
    expect(new Set(keys).size).toBe(1000);
    expect([...keys].sort()).toEqual(keys);
    expect(keys[0]).toMatch(/^AUDIT#2026-12-03T09:00:00\.000Z#0#[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it('order by the event time first, then by its place in one save', () => {
    const later = auditSortKey('2026-12-03T09:00:01.000Z', '0');
    const earlierSecond = auditSortKey('2026-12-03T09:00:00.000Z', '1');
    const earlierFirst = auditSortKey('2026-12-03T09:00:00.000Z', '0');
    expect([later, earlierSecond, earlierFirst].sort()).toEqual([earlierFirst, earlierSecond, later]);
  });
});
