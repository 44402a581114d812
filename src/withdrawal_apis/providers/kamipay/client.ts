// kamiPay from TypeScript: openapi-fetch over the types of the published spec, logging in with a
// URL-encoded form (`POST /auth/token`) for a JWT bearer token. The login answer carries no lifetime,
// so the client reads the token's `exp` (one hour when it has none), logs in again a minute before it,
// and once more if a request is still answered 401. Withdrawals are synchronous (`status: "mined"`),
// and kamiPay offers no way to read or list them afterwards: the address balance shows what left.
// Amounts and balances are JSON numbers on the wire, which a JavaScript number cannot always hold
// (MATIC has 18 decimals): `withdraw` and `addressBalance` write and read them as decimal strings.
import createFetchClient, { type Client, type ClientOptions } from "openapi-fetch";
import type { components, operations, paths } from "./openapi.js";
import { type ExactResult, readExact } from "./shared/exact-json.js";
import { LoginFailed, loginBearer } from "./shared/login.js";

export type { components, operations, paths } from "./openapi.js";
export type { Exact, ExactResult } from "./shared/exact-json.js";
export { parseExact } from "./shared/exact-json.js";
export { LoginFailed } from "./shared/login.js";
export type KamipayClient = Client<paths>;
export type WithdrawBody = components["schemas"]["WithdrawRequest"];
export type WithdrawAnswer = components["schemas"]["WithdrawResponse"];
export type BalanceQuery = operations["get_address_balance"]["parameters"]["query"];
export type BalanceAnswer = components["schemas"]["AddressBalanceResponse"];
/** kamiPay answers errors as `{"detail": ...}`; its gateway answers a missing token with `{message, request_id}`. */
export type ErrorBody = components["schemas"]["DetailError"] | components["schemas"]["GatewayError"];

/** The host in kamiPay's own Go sample. */
export const PRODUCTION_URL = "https://api.kamipay.io";
/** A development host named only by a third-party integration: confirm it with kamiPay. */
export const DEVELOPMENT_URL = "https://devnakamotoapi2.kamipay.io";

export interface Credentials {
  username: string;
  password: string;
}

export interface KamipayOptions extends ClientOptions {
  baseUrl: string;
  auth: Credentials;
  /** Milliseconds since the Unix epoch. */
  clock?: () => number;
}

export function createClient({ auth, clock, ...options }: KamipayOptions): KamipayClient {
  const client = createFetchClient<paths>(options);
  const unauthenticated = createFetchClient<paths>(options);
  async function login(): Promise<string> {
    const { data, response } = await unauthenticated.POST("/auth/token", {
      body: { username: auth.username, password: auth.password },
      bodySerializer: (form) => new URLSearchParams(form).toString(),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    if (data === undefined) throw new LoginFailed(response.status);
    return data.access_token;
  }
  client.use(loginBearer({ login, renewBeforeSeconds: 60, assumedLifetimeSeconds: 3600, clock }));
  return client;
}

// Positive, and no more decimals than MATIC has; kamiPay refuses more than the token has (406).
const AMOUNT = /^(?=.*[1-9])[0-9]+(\.[0-9]{1,18})?$/;

/**
 * `create_withdrawal` with the amount as a decimal string, sent as exactly those digits; the answer's
 * amount comes back as a decimal string too.
 */
export function withdraw(
  client: KamipayClient,
  body: Omit<WithdrawBody, "amount"> & { amount: string },
): Promise<ExactResult<WithdrawAnswer, ErrorBody>> {
  const { amount, ...fields } = body;
  if (!AMOUNT.test(amount)) throw new Error(`not a positive decimal amount: ${amount}`);
  const json = JSON.stringify(fields);
  return readExact<WithdrawAnswer, ErrorBody>(
    client.POST("/v1/wallet/withdraw", {
      body: { ...fields, amount: Number(amount) }, // for the type only: the serializer writes the digits
      bodySerializer: () => `${json.slice(0, -1)},"amount":${amount}}`,
      parseAs: "text",
    }),
  );
}

/** `get_address_balance` with every balance as a decimal string. */
export function addressBalance(
  client: KamipayClient,
  query: BalanceQuery,
): Promise<ExactResult<BalanceAnswer, ErrorBody>> {
  return readExact<BalanceAnswer, ErrorBody>(client.GET("/v1/wallet/get_address_balance", { params: { query }, parseAs: "text" }));
}
