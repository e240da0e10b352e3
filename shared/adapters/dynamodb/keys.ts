/** Key attribute names of the single table; the CDK table, the local table and the adapters read these. */
export const TABLE_KEYS = {
  pk: 'pk',
  sk: 'sk',
  ttl: 'expiresAt',
  indexes: [
    { name: 'gsi1', pk: 'gsi1pk', sk: 'gsi1sk' },
    { name: 'gsi2', pk: 'gsi2pk', sk: 'gsi2sk' },
  ],
} as const;
