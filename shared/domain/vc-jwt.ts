/**
 * The JWT payload of an Open Badges 3.0 credential secured with the "JSON Web Token Proof Format"
 * (OB 3.0 §8.2, `ob_v3p0/integrity.md` in 1EdTech/openbadges-specification, "JWT Payload Format"):
 * the payload IS the credential (not a `vc` claim — that is the VC 1.1 form, which §8.2 only tells
 * verifiers how to read), plus registered claims mirroring its fields. A verifier refuses the credential
 * when `iss`, `sub`, `jti` or `nbf` differ from `issuer.id`, `credentialSubject.id`, `id` and `validFrom`,
 * so they are derived here from the credential and nothing else.
 */

/** The credential fields the claims mirror. */
export interface JwtSecuredCredential {
  readonly id: string;
  readonly issuer: { readonly id: string };
  readonly validFrom: string;
  readonly validUntil?: string;
  readonly credentialSubject: { readonly id: string };
}

/** A type, not an interface, so that a payload carrying it stays a plain JSON record for the signer. */
export type VcJwtClaims = {
  /** `issuer.id`. */
  readonly iss: string;
  /** The credential's `id`. */
  readonly jti: string;
  /** `credentialSubject.id`. */
  readonly sub: string;
  /** `validFrom`, in seconds. */
  readonly nbf: number;
  /** Also `validFrom`: §8.2 allows further registered claims; issuing and becoming valid are one moment here. */
  readonly iat: number;
  /** `validUntil`, in seconds; §8.2 requires it exactly when the credential has a `validUntil`. */
  readonly exp?: number;
};

/** An ISO instant as a JWT NumericDate (whole seconds; RFC 7519 §2). */
export const numericDate = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

/**
 * An ISO instant cut to whole seconds, written without a fraction (`2025-05-01T03:00:00Z`): a verifier
 * turns `nbf`/`exp` back into a DateTime and compares it with `validFrom`/`validUntil`, which only match
 * when those carry no milliseconds. Cut down, never rounded up, so `nbf` is never later than the issue.
 */
export const wholeSecondInstant = (iso: string): string =>
  new Date(numericDate(iso) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The §8.2 JWT payload: the credential with `iss`, `jti`, `sub`, `nbf`, `iat` and (if it expires) `exp`. */
export function vcJwtPayload<C extends JwtSecuredCredential>(credential: C): C & VcJwtClaims {
  const nbf = numericDate(credential.validFrom);
  return {
    ...credential,
    iss: credential.issuer.id,
    jti: credential.id,
    sub: credential.credentialSubject.id,
    nbf,
    iat: nbf,
    ...(credential.validUntil ? { exp: numericDate(credential.validUntil) } : {}),
  };
}
