import { LOCAL_TABLE } from '../../infra/local/system.ts';
import { makeDocumentClient } from '../../shared/adapters/dynamodb/client.ts';
import { Dossiers } from '../../shared/adapters/dynamodb/dossiers.ts';
import { Store } from '../../shared/adapters/dynamodb/store.ts';
import type { Dossier, StoredDocument } from '../../shared/domain/dossier.ts';
import type { Round } from '../../shared/domain/round.ts';
import { hashSecret, newSecret } from '../../shared/domain/secrets.ts';
import { invoke, LOCAL_DIRECTOR, recommend, unique, validForm } from '../integration/helpers.ts';

/** A member of the directory, as a test knows it. */
export interface SeededMember {
  readonly dossierId: string;
  readonly certificateId: string;
  readonly email: string;
  readonly name: string;
}

/**
 * A member as the workflow makes one: a dossier in review with this space is recommended, its certificate
 * issued (IssueCertificate) and the approval recorded (NotifyApproved), which makes the directory profile.
 */
export async function seedMember(
  round: Round,
  space: { nameVi: string; creativeFields: string[]; wardCode: string; description: string },
  /** The dossier's documents, as archived at submission (their objects the caller's to store). */
  documents: readonly StoredDocument[] = [],
): Promise<SeededMember> {
  const tag = unique();
  const form = validForm(tag, `member.${tag}.${unique()}@example.vn`);
  const now = new Date().toISOString();
  const id = `it-dir-${tag}`;
  const d: Dossier = {
    id,
    roundId: round.id,
    status: 'in_review',
    code: `KGST-${round.codePrefix}-${tag}`,
    submittedAt: now,
    form: { ...form, space: { ...form.space, ...space } } as unknown as Dossier['form'],
    documents: Object.fromEntries(documents.map((doc) => [doc.fileId, doc])),
    history: [{ at: now, from: null, to: 'in_review', by: 'test' }],
    createdAt: now,
    updatedAt: now,
    editTokenHash: hashSecret(newSecret()),
    version: 1,
  };
  await new Dossiers(new Store(makeDocumentClient(), LOCAL_TABLE)).create(d, []);
  await recommend(id);
  const certificate = (await invoke('issueCertificate', { dossierId: id, by: LOCAL_DIRECTOR })) as {
    certificateId: string;
  };
  await invoke('recordOutcome', {
    dossierId: id,
    action: 'approved',
    detail: { decision: { outcome: 'approved', by: LOCAL_DIRECTOR, at: now, comment: '' }, certificate },
  });
  return {
    dossierId: id,
    certificateId: certificate.certificateId,
    email: form.representative.email,
    name: space.nameVi,
  };
}
