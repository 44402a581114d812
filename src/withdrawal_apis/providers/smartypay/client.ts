// SmartyPay's partner API from TypeScript: openapi-fetch over the types of the published spec, with
// either of its two schemes on every request. `hmac` (the default) sends `x-api-key`, `x-api-ts`
// (Unix seconds) and `x-api-sig`, the hex HMAC-SHA256 of `{ts}{METHOD}{URI}{body}` over the exact
// bytes sent; `basic` sends the key and secret as HTTP Basic credentials. A withdrawal here sweeps a
// merchant's whole balance of one token to the merchant's own address: `withdraw_now` answers a
// `Pending` intent for the next processing slot, and the slot turns it into a withdrawal (or fails it,
// for example when the gas wallet cannot pay). Money is `{value, currency}` with a decimal string.
import createFetchClient, { type Client, type ClientOptions, type Middleware } from "openapi-fetch";
import type { components, paths } from "./openapi.js";
import { base64, concat, hex, hmacSha256, utf8 } from "./shared/crypto.js";

export type { components, operations, paths } from "./openapi.js";
export type SmartypayClient = Client<paths>;
export type Withdrawal = components["schemas"]["Withdrawal"];
export type WithdrawalStatus = components["schemas"]["WithdrawalStatus"];
export type Intent = components["schemas"]["WithdrawalIntent"];
export type IntentStatus = components["schemas"]["IntentStatus"];
/** `{status, code, message}`: branch on `code`. */
export type ErrorBody = components["schemas"]["Error"];

/** The docs name no staging host, only separate staging keys. */
export const PRODUCTION_URL = "https://partner-api.smartypay.io";

export type Scheme = "hmac" | "basic";

export interface Credentials {
  apiKey: string;
  secret: string;
}

export interface SmartypayOptions extends ClientOptions {
  baseUrl: string;
  auth: Credentials;
  scheme?: Scheme;
  /** Milliseconds since the Unix epoch; the server refuses a timestamp more than 300 s off. */
  clock?: () => number;
}

/** `x-api-sig`: hex HMAC-SHA256 of `{ts}{METHOD}{URI}` followed by the body bytes, no separators. */
export async function signature(
  secret: string,
  timestamp: string,
  method: string,
  uri: string,
  body: Uint8Array = new Uint8Array(),
): Promise<string> {
  return hex(await hmacSha256(secret, concat(utf8(`${timestamp}${method.toUpperCase()}${uri}`), body)));
}

/** The HMAC headers, over the body exactly as it will be sent and the path and query as sent. */
export function hmacSigner({ apiKey, secret }: Credentials, clock: () => number = Date.now): Middleware {
  return {
    async onRequest({ request }) {
      const body = new Uint8Array(await request.clone().arrayBuffer());
      const url = new URL(request.url);
      const timestamp = String(Math.floor(clock() / 1000));
      request.headers.set("x-api-key", apiKey);
      request.headers.set("x-api-ts", timestamp);
      request.headers.set("x-api-sig", await signature(secret, timestamp, request.method, url.pathname + url.search, body));
      return request;
    },
  };
}

/** HTTP Basic: the key and secret on every request. */
export function basicAuth({ apiKey, secret }: Credentials): Middleware {
  const value = `Basic ${base64(utf8(`${apiKey}:${secret}`))}`;
  return {
    onRequest({ request }) {
      request.headers.set("Authorization", value);
      return request;
    },
  };
}

export function createClient({ auth, scheme = "hmac", clock, ...options }: SmartypayOptions): SmartypayClient {
  const client = createFetchClient<paths>(options);
  client.use(scheme === "hmac" ? hmacSigner(auth, clock) : basicAuth(auth));
  return client;
}

const FINAL: ReadonlySet<WithdrawalStatus> = new Set(["Finished", "Cancelled", "Error"]);

/** True once the withdrawal can no longer change; a status this package does not know is still open. */
export function isFinal(status: WithdrawalStatus): boolean {
  return FINAL.has(status);
}
