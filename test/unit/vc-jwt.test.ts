import { describe, expect, it } from 'vitest';
import { type Certificate, membershipCredential } from '../../shared/domain/certificate.ts';
import { vcJwtPayload } from '../../shared/domain/vc-jwt.ts';
import { achievementCredentialErrors } from '../fixtures/ob3/achievement-credential.ts';

const BASE = 'https://kgst.example.vn';
const certificate: Certificate = {
  id: 'AAAAAAAAAAAAAAAAAAAAAA',
  dossierId: 'd-1',
  number: '0042/2025/GCN-KGST',
  holderName: 'Không gian Sáng tạo Phố Cổ',
  holderAddress: '12 Hàng Bạc, Phường Hoàn Kiếm, Thành phố Hà Nội',
  roundId: '2025',
  roundName: { vi: 'Đợt kết nạp 2025', en: '2025 membership round' },
  issuedAt: '2025-06-02T03:04:05.987Z',
  pdfKey: 'certificates/AAAAAAAAAAAAAAAAAAAAAA.pdf',
  status: 'valid',
};

describe('Open Badges 3.0 VC-JWT payload (§8.2, offline)', () => {
  const credential = membershipCredential(certificate, BASE);

  it('mirrors issuer.id, id, credentialSubject.id and validFrom as iss, jti, sub, nbf and iat', () => {
    expect(vcJwtPayload(credential)).toEqual({
      ...credential,
      iss: `${BASE}/issuer`,
      jti: `${BASE}/verify/AAAAAAAAAAAAAAAAAAAAAA`,
      sub: `${BASE}/verify/AAAAAAAAAAAAAAAAAAAAAA#holder`,
      nbf: 1748833445,
      iat: 1748833445,
    });
  });

  it('states validFrom in whole seconds, cut down, so nbf converts back to exactly it', () => {
    expect(credential.validFrom).toBe('2025-06-02T03:04:05Z');
    expect(new Date(vcJwtPayload(credential).nbf * 1000).toISOString()).toBe('2025-06-02T03:04:05.000Z');
  });

  it('adds exp exactly when the credential has a validUntil', () => {
    expect(vcJwtPayload(credential)).not.toHaveProperty('exp');
    expect(vcJwtPayload({ ...credential, validUntil: '2030-01-01T00:00:00Z' }).exp).toBe(1893456000);
  });

  it('meets the OB 3.0 AchievementCredential schema, valid and revoked, and the schema can refuse', () => {
    expect(achievementCredentialErrors(credential)).toEqual([]);
    const revoked = membershipCredential(
      {
        ...certificate,
        status: 'revoked',
        revokedAt: '2025-07-01T00:00:00.000Z',
        revocationReason: 'Giải thể',
      },
      BASE,
    );
    expect(achievementCredentialErrors(revoked)).toEqual([]);
    expect(achievementCredentialErrors({ ...credential, validFrom: 'hôm qua' })).toEqual([
      expect.stringMatching(/^\/validFrom must match format "date-time"/),
    ]);
  });
});
