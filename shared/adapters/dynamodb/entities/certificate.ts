import { any, Entity, item, prefix, string } from 'dynamodb-toolbox';
import type { Text } from '../../../i18n/lang.ts';
import { type HcsnTable, PLAIN } from './table.ts';

/** Certificates (`CERTIFICATE#<public id>`) and each dossier's pointer to its one certificate. */
export function certificateEntities(table: HcsnTable) {
  return {
    certificate: new Entity({
      name: 'certificate',
      table,
      schema: item({
        id: string().key(),
        dossierId: string(),
        dossierCode: string().optional(),
        number: string(),
        holderName: string(),
        holderAddress: string(),
        roundId: string(),
        roundName: any().castAs<Text>(),
        issuedAt: string(),
        pdfKey: string(),
        status: string().enum('valid', 'revoked'),
        revokedAt: string().optional(),
        revokedBy: string().optional(),
        revocationReason: string().optional(),
        revocationNotifiedAt: string().optional(),
      }),
      computeKey: ({ id }) => ({ pk: `CERTIFICATE#${id}`, sk: 'CERTIFICATE' }),
      ...PLAIN,
    }),

    /** `DOSSIER#<id>` / `CERTIFICATE`: the item whose uniqueness makes issuing happen once. */
    certificatePointer: new Entity({
      name: 'certificate-pointer',
      table,
      schema: item({
        dossierId: string().key().savedAs('pk').transform(prefix('DOSSIER')).hidden(),
        sk: string().key().const('CERTIFICATE').hidden(),
        certificateId: string(),
        number: string().optional(),
      }),
      ...PLAIN,
    }),
  };
}
