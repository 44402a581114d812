// HS256 JSON Web Tokens: signing (BigONE signs every request with one) and reading the expiry of a
// token a login returned (kamiPay and 1Konto send no lifetime beside it).
import { base64url, fromBase64url, hmacSha256, utf8 } from "./crypto.js";

/**
 * An HS256 JWT of `header` and `claims`, two JSON texts signed byte for byte as given: the caller
 * decides the key order and how numbers are written (a nanosecond nonce does not fit a JS number).
 */
export async function signHs256(secret: string, header: string, claims: string): Promise<string> {
  const input = `${base64url(utf8(header))}.${base64url(utf8(claims))}`;
  return `${input}.${base64url(await hmacSha256(secret, utf8(input)))}`;
}

/**
 * The `exp` claim (Unix seconds) of a JWT, read without verifying it; undefined when the token is not
 * a JWT or carries no numeric `exp`.
 */
export function expiresAt(token: string): number | undefined {
  const payload = token.split(".")[1];
  if (payload === undefined) return undefined;
  try {
    const claims: unknown = JSON.parse(new TextDecoder().decode(fromBase64url(payload)));
    if (typeof claims === "object" && claims !== null && "exp" in claims && typeof claims.exp === "number") {
      return claims.exp;
    }
  } catch {
    // not base64url JSON: an opaque token
  }
  return undefined;
}
