import { createPublicKey } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, importPKCS8, type JWK, SignJWT } from 'jose';

/**
 * Media type under which `/verify/{id}` serves the credential's JWT (W3C VC-JOSE-COSE names it); the JWT
 * itself follows Open Badges 3.0 §8.2, whose header says `typ: JWT`.
 */
export const VC_JWT_MEDIA_TYPE = 'application/vc+jwt';

export interface Jwks {
  readonly keys: readonly JWK[];
}

/**
 * The issuer's Ed25519 key: signs credentials as VC-JWTs (EdDSA) and publishes its public half as a JWK
 * set. The `kid` is `<jwksUrl>#<RFC 7638 thumbprint>`: it names where the key is published and which key.
 */
export class SigningKey {
  private constructor(
    private readonly privateKey: CryptoKey,
    readonly kid: string,
    readonly publicJwk: JWK,
  ) {}

  /** Imports a PKCS#8 PEM Ed25519 private key (e.g. from `openssl genpkey -algorithm ed25519`). */
  static async fromPem(pem: string, jwksUrl: string): Promise<SigningKey> {
    const privateKey = await importPKCS8(pem.trim(), 'EdDSA');
    const jwk = await exportJWK(createPublicKey(pem.trim()));
    if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519')
      throw new Error('The signing key must be an Ed25519 private key (PKCS#8 PEM)');
    const kid = `${jwksUrl}#${await calculateJwkThumbprint(jwk)}`;
    return new SigningKey(privateKey, kid, { ...jwk, kid, alg: 'EdDSA', use: 'sig' });
  }

  jwks(): Jwks {
    return { keys: [this.publicJwk] };
  }

  /**
   * The payload as a compact JWS with the JOSE header of Open Badges 3.0 §8.2 ("Create the JOSE Header",
   * `ob_v3p0/integrity.md`): `alg`, `kid` (dereferenceable to the JWK) and `typ`, which if present MUST be
   * `JWT` — not `vc+jwt` —, and no other header, which §8.2 forbids. The payload is signed as given.
   */
  sign(payload: Record<string, unknown>): Promise<string> {
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'EdDSA', kid: this.kid, typ: 'JWT' })
      .sign(this.privateKey);
  }
}
