// MPChat (MP Merchant API) from TypeScript: openapi-fetch over the types of the published spec, with
// the MerchantHmac bearer value built for every request: `{key_id}:{unix_ts}:{signature}`, where the
// signature is the hex HMAC-SHA256 of `{key_id}.{unix_ts}` keyed with the API secret. The server
// refuses a timestamp more than 300 seconds from its clock. Amounts are decimal strings; the fee is
// held on top of the amount until the withdrawal settles or is released.
import createFetchClient, { type Client, type ClientOptions, type Middleware } from "openapi-fetch";
import type { components, paths } from "./openapi.js";
import { hex, hmacSha256, utf8 } from "./shared/crypto.js";

export type { components, operations, paths } from "./openapi.js";
export type MpchatClient = Client<paths>;
export type Withdrawal = components["schemas"]["Withdrawal"];
export type WithdrawalStatus = components["schemas"]["WithdrawalStatus"];
export type ErrorBody = components["schemas"]["Error"];

export const PRODUCTION_URL = "https://api.mpchat.com";
export const SANDBOX_URL = "https://api-sandbox.mpchat.com";

export interface Credentials {
  keyId: string;
  secret: string;
}

export interface MpchatOptions extends ClientOptions {
  baseUrl: string;
  auth: Credentials;
  /** Milliseconds since the Unix epoch. */
  clock?: () => number;
}

/** `Bearer {key_id}:{unix_ts}:{hex(HMAC-SHA256(secret, "{key_id}.{unix_ts}"))}`. */
export async function authorization(keyId: string, secret: string, unixSeconds: number): Promise<string> {
  const signature = hex(await hmacSha256(secret, utf8(`${keyId}.${unixSeconds}`)));
  return `Bearer ${keyId}:${unixSeconds}:${signature}`;
}

/** A fresh bearer value on every request: a stale timestamp is refused. */
export function signer({ keyId, secret }: Credentials, clock: () => number = Date.now): Middleware {
  return {
    async onRequest({ request }) {
      request.headers.set("Authorization", await authorization(keyId, secret, Math.floor(clock() / 1000)));
      return request;
    },
  };
}

export function createClient({ auth, clock, ...options }: MpchatOptions): MpchatClient {
  const client = createFetchClient<paths>(options);
  client.use(signer(auth, clock));
  return client;
}

const FINAL: ReadonlySet<WithdrawalStatus> = new Set(["COMPLETED", "FAILED", "CANCELLED", "REJECTED"]);

/** True once the withdrawal can no longer change; a status this package does not know is still open. */
export function isFinal(status: WithdrawalStatus): boolean {
  return FINAL.has(status);
}
