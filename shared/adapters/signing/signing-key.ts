import { createPublicKey } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, importPKCS8, type JWK, SignJWT } from 'jose';

/** Media type of a credential secured as a JWT (W3C VC-JOSE-COSE). */
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

  /** The payload as a compact JWS: header `{ alg: EdDSA, kid, typ }`. */
  sign(payload: Record<string, unknown>, typ = 'vc+jwt'): Promise<string> {
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'EdDSA', kid: this.kid, typ })
      .sign(this.privateKey);
  }
}
