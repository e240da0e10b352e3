import { $add, GetItemCommand, PutTransaction, UpdateItemCommand, UpdateTransaction } from 'dynamodb-toolbox';
import type { Certificate } from '../../domain/certificate.ts';
import type { HistoryEntry } from '../../domain/dossier.ts';
import { auditSortKey } from './keys.ts';
import { ConditionFailed, type Store } from './store.ts';

/** A certificate's event in its dossier's audit trail. */
type AuditEvent = {
  at: string;
  by: string;
  action: string;
  certificateId: string;
  number?: string;
  reason?: string;
} & Partial<Pick<HistoryEntry, 'from' | 'to' | 'note'>>;

/**
 * Certificates: `CERTIFICATE#<id>` (id = public verification id), a pointer `DOSSIER#<dossierId>` /
 * `CERTIFICATE`, and a number counter per year. Access patterns: by id, by dossier.
 */
export class Certificates {
  constructor(private readonly store: Store) {}

  private get e() {
    return this.store.entities;
  }

  /** Always a consistent read: a revocation must show on the very next request. */
  async get(id: string): Promise<Certificate | undefined> {
    const { Item } = await this.e.certificate
      .build(GetItemCommand)
      .key({ id })
      .options({ consistent: true })
      .send();
    return Item;
  }

  async findByDossier(dossierId: string): Promise<Certificate | undefined> {
    const { Item: pointer } = await this.e.certificatePointer
      .build(GetItemCommand)
      .key({ dossierId })
      .options({ consistent: true })
      .send();
    return pointer ? this.get(pointer.certificateId) : undefined;
  }

  /**
   * Of these dossiers, those whose certificate is revoked, with when: two batch reads (the dossiers'
   * pointers, then their certificates), whatever the count.
   */
  async revokedAmong(dossierIds: readonly string[]): Promise<Map<string, string>> {
    if (!dossierIds.length) return new Map();
    const pointers = await this.store.getMany(
      this.e.certificatePointer,
      dossierIds.map((dossierId) => ({ dossierId })),
    );
    if (!pointers.length) return new Map();
    const certificates = await this.store.getMany(
      this.e.certificate,
      pointers.map((p) => ({ id: p.certificateId })),
    );
    return new Map(
      certificates.filter((c) => c.status === 'revoked').map((c) => [c.dossierId, c.revokedAt ?? '']),
    );
  }

  /** Next certificate sequence of a year (atomic ADD; a number taken by a losing racer is not reused). */
  async nextSequence(year: string): Promise<number> {
    const { Attributes } = await this.e.counter
      .build(UpdateItemCommand)
      .item({ name: `CERTIFICATE#${year}`, value: $add(1) })
      .options({ returnValues: 'ALL_NEW' })
      .send();
    return Number(Attributes?.value);
  }

  /**
   * Writes the certificate and the dossier's pointer together, both only if absent. Returns false when
   * the dossier already has a certificate (another invocation won); nothing is written then.
   */
  async create(c: Certificate, audit: Record<string, unknown>): Promise<boolean> {
    const { certificate, certificatePointer } = this.e;
    return this.transactOnce([
      certificate
        .build(PutTransaction)
        .item(c)
        .options({ condition: { attr: 'id', exists: false } }),
      certificatePointer
        .build(PutTransaction)
        .item({ dossierId: c.dossierId, certificateId: c.id, number: c.number })
        .options({ condition: { attr: 'dossierId', exists: false } }),
      this.auditPut(c.dossierId, { at: c.issuedAt, ...audit } as AuditEvent),
    ]);
  }

  /**
   * valid → revoked with the audit entry in one transaction. Returns false when the certificate is
   * missing or already revoked (the caller reads it to tell which).
   */
  async revoke(
    c: Pick<Certificate, 'id' | 'dossierId'>,
    revocation: {
      at: string;
      by: string;
      reason: string;
      /** How the dossier's audit trail reads it (the lifecycle's revokeCertificate remark). */
      entry?: Partial<Pick<HistoryEntry, 'from' | 'to' | 'note'>>;
    },
  ): Promise<boolean> {
    return this.transactOnce([
      this.e.certificate
        .build(UpdateTransaction)
        .item({
          id: c.id,
          status: 'revoked',
          revokedAt: revocation.at,
          revokedBy: revocation.by,
          revocationReason: revocation.reason,
        })
        .options({ condition: { attr: 'status', eq: 'valid' } }),
      this.auditPut(c.dossierId, {
        at: revocation.at,
        by: revocation.by,
        action: 'certificate_revoked',
        certificateId: c.id,
        reason: revocation.reason,
        ...revocation.entry,
      }),
    ]);
  }

  async markRevocationNotified(id: string, at: string): Promise<void> {
    await this.store.conditionally(
      this.e.certificate
        .build(UpdateItemCommand)
        .item({ id, revocationNotifiedAt: at })
        .options({ condition: { attr: 'id', exists: true } }),
    );
  }

  private async transactOnce(items: Parameters<Store['transact']>[0]): Promise<boolean> {
    try {
      await this.store.transact(items);
      return true;
    } catch (err) {
      if (err instanceof ConditionFailed) return false;
      throw err;
    }
  }

  // Same partition as the dossier's other audit events (DOSSIER#<id> / AUDIT#<at>#c#<ULID>): one query lists them all.
  private auditPut(dossierId: string, entry: AuditEvent) {
    return this.e.audit.build(PutTransaction).item({ ...entry, dossierId, sk: auditSortKey(entry.at, 'c') });
  }
}
