// BigONE from TypeScript: openapi-fetch over the types of the published spec, with a fresh HS256 JWT
// on every request. The token's claims are `type: "OpenAPIV2"`, `sub` (the API key) and `nonce`
// (Unix time in nanoseconds, as a decimal string); BigONE refuses a nonce 30 seconds or more from
// its clock (`recvWindow` widens that), and signs neither the path nor the body. Answers come in a
// `{code, message, data}` envelope. Keep the `guid` you send with a withdrawal: it is how you read or
// cancel it, and the withdrawal object does not carry it. Amounts are decimal strings.
import createFetchClient, { type Client, type ClientOptions, type Middleware } from "openapi-fetch";
import type { components, operations, paths } from "./openapi.js";
import { signHs256 } from "./shared/jwt.js";

export type { components, operations, paths } from "./openapi.js";
/** HS256 over JSON texts exactly as given: what `token` uses, for claims of your own. */
export { signHs256 } from "./shared/jwt.js";
export type BigoneClient = Client<paths>;
export type Withdrawal = components["schemas"]["Withdrawal"];
export type WithdrawalState = components["schemas"]["WithdrawalState"];
export type ErrorBody = components["schemas"]["Error"];
export type ListQuery = NonNullable<operations["list_withdrawals"]["parameters"]["query"]>;

/** The host clients in use call. */
export const PRODUCTION_URL = "https://big.one/api/v3";
/** The host the newest documentation writes. */
export const PRODUCTION_URL_NEW_HOST = "https://api.big.one/api/v3";

export interface Credentials {
  apiKey: string;
  secret: string;
}

export interface BigoneOptions extends ClientOptions {
  baseUrl: string;
  auth: Credentials;
  /** The optional `recv_window` claim, in seconds (BigONE's default is 30). */
  recvWindow?: number;
  /** Milliseconds since the Unix epoch. */
  clock?: () => number;
}

/** The JWT for one request, signed with the secret as issued. */
export async function token(apiKey: string, secret: string, nonceNs: bigint, recvWindow?: number): Promise<string> {
  const claims: Record<string, string> = { type: "OpenAPIV2", sub: apiKey, nonce: nonceNs.toString() };
  if (recvWindow !== undefined) claims["recv_window"] = String(recvWindow);
  return signHs256(secret, JSON.stringify({ alg: "HS256", typ: "JWT" }), JSON.stringify(claims));
}

/** `Authorization: Bearer <JWT>` with a nonce taken from the clock at the moment of each request. */
export function signer({ apiKey, secret }: Credentials, recvWindow?: number, clock: () => number = Date.now): Middleware {
  return {
    async onRequest({ request }) {
      const nonce = BigInt(Math.floor(clock())) * 1_000_000n;
      request.headers.set("Authorization", `Bearer ${await token(apiKey, secret, nonce, recvWindow)}`);
      return request;
    },
  };
}

export function createClient({ auth, recvWindow, clock, ...options }: BigoneOptions): BigoneClient {
  const client = createFetchClient<paths>(options);
  client.use(signer(auth, recvWindow, clock));
  return client;
}

/** Every withdrawal the query matches, newest first, following `page_token` to the last page. */
export async function* withdrawals(client: BigoneClient, query: ListQuery = {}): AsyncGenerator<Withdrawal> {
  let pageToken: string | undefined;
  do {
    const pageQuery: ListQuery = pageToken === undefined ? query : { ...query, page_token: pageToken };
    const { data, error, response } = await client.GET("/viewer/withdrawals", { params: { query: pageQuery } });
    if (data === undefined) {
      throw new Error(`list_withdrawals: HTTP ${response.status}, code ${error?.code}: ${error?.message}`);
    }
    yield* data.data;
    pageToken = data.page_token || undefined;
  } while (pageToken !== undefined);
}

const FINAL: ReadonlySet<WithdrawalState> = new Set(["COMPLETED", "FAILED", "CANCELLED"]);

/** True once the withdrawal can no longer change; a state this package does not know is still open. */
export function isFinal(state: WithdrawalState): boolean {
  return FINAL.has(state);
}
