import type { Certificate } from '../../domain/certificate.ts';
import { dossierKey } from './dossiers.ts';
import { auditSortKey } from './keys.ts';
import { ConditionFailed, type Store } from './store.ts';

type CertificateItem = Certificate & { pk: string; sk: string };

const certificateKey = (id: string) => ({ pk: `CERTIFICATE#${id}`, sk: 'CERTIFICATE' });
/** The dossier's pointer to its one certificate: the item whose uniqueness makes issuing happen once. */
const pointerKey = (dossierId: string) => ({ pk: dossierKey(dossierId).pk, sk: 'CERTIFICATE' });

const strip = (item: CertificateItem | undefined): Certificate | undefined => {
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, ...rest } = item;
  return rest;
};

/**
 * Certificates: `CERTIFICATE#<id>` (id = public verification id), a pointer `DOSSIER#<dossierId>` /
 * `CERTIFICATE`, and a number counter per year. Access patterns: by id, by dossier.
 */
export class Certificates {
  constructor(private readonly store: Store) {}

  /** Always a consistent read: a revocation must show on the very next request. */
  async get(id: string): Promise<Certificate | undefined> {
    return strip(await this.store.get<CertificateItem>(certificateKey(id).pk, certificateKey(id).sk));
  }

  async findByDossier(dossierId: string): Promise<Certificate | undefined> {
    const pointer = await this.store.get<{ pk: string; sk: string; certificateId: string }>(
      pointerKey(dossierId).pk,
      pointerKey(dossierId).sk,
    );
    return pointer ? this.get(pointer.certificateId) : undefined;
  }

  /** Next certificate sequence of a year (atomic ADD; a number taken by a losing racer is not reused). */
  async nextSequence(year: string): Promise<number> {
    const item = await this.store.update<{ pk: string; sk: string; value: number }>({
      Key: { pk: `COUNTER#CERTIFICATE#${year}`, sk: 'COUNTER' },
      UpdateExpression: 'ADD #v :one',
      ExpressionAttributeNames: { '#v': 'value' },
      ExpressionAttributeValues: { ':one': 1 },
    });
    return item.value;
  }

  /**
   * Writes the certificate and the dossier's pointer together, both only if absent. Returns false when
   * the dossier already has a certificate (another invocation won); nothing is written then.
   */
  async create(c: Certificate, audit: Record<string, unknown>): Promise<boolean> {
    try {
      await this.store.transact([
        {
          Put: {
            Item: { ...certificateKey(c.id), ...c },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            Item: { ...pointerKey(c.dossierId), certificateId: c.id, number: c.number },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        { Put: { Item: { ...auditKey(c.dossierId, c.issuedAt), ...audit } } },
      ]);
      return true;
    } catch (err) {
      if (err instanceof ConditionFailed) return false;
      throw err;
    }
  }

  /**
   * valid → revoked with the audit entry in one transaction. Returns false when the certificate is
   * missing or already revoked (the caller reads it to tell which).
   */
  async revoke(
    c: Pick<Certificate, 'id' | 'dossierId'>,
    revocation: { at: string; by: string; reason: string },
  ): Promise<boolean> {
    try {
      await this.store.transact([
        {
          Update: {
            Key: certificateKey(c.id),
            UpdateExpression: 'SET #s = :revoked, revokedAt = :at, revokedBy = :by, revocationReason = :r',
            ConditionExpression: '#s = :valid',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: {
              ':revoked': 'revoked',
              ':valid': 'valid',
              ':at': revocation.at,
              ':by': revocation.by,
              ':r': revocation.reason,
            },
          },
        },
        {
          Put: {
            Item: {
              ...auditKey(c.dossierId, revocation.at),
              at: revocation.at,
              by: revocation.by,
              action: 'certificate_revoked',
              certificateId: c.id,
              reason: revocation.reason,
            },
          },
        },
      ]);
      return true;
    } catch (err) {
      if (err instanceof ConditionFailed) return false;
      throw err;
    }
  }

  async markRevocationNotified(id: string, at: string): Promise<void> {
    await this.store.update({
      Key: certificateKey(id),
      UpdateExpression: 'SET revocationNotifiedAt = :at',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':at': at },
    });
  }
}

// Same shape as the dossier's other audit events (DOSSIER#<id> / AUDIT#<at>#…), so one query lists them all.
function auditKey(dossierId: string, at: string) {
  return { pk: dossierKey(dossierId).pk, sk: auditSortKey(at, 'c') };
}
