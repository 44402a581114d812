// 1Konto (1KPrime) from TypeScript: openapi-fetch over the types of the published spec, logging in
// with the user id and the lowercase hex SHA-256 digest of the password (the password itself is
// neither sent nor kept). Tokens live 24 hours and there is no refresh call: the client logs in again
// five minutes before the token's `exp`, and once more if a request is still answered 401. Every path
// names an account; the token decides which ones are open. Withdraw amounts are `"<decimal> <ASSET>"`
// strings (`splitAmount` takes them apart without a float); balances are JSON numbers, which
// `account` reads as decimal strings. Errors come in two shapes, told apart by `errorMessages`. There
// is no idempotency key: after a timeout, look the request up before sending it again.
import createFetchClient, { type Client, type ClientOptions } from "openapi-fetch";
import type { components, operations, paths } from "./openapi.js";
import { hex, sha256, utf8 } from "./shared/crypto.js";
import { type ExactResult, readExact } from "./shared/exact-json.js";
import { LoginFailed, loginBearer } from "./shared/login.js";

export type { components, operations, paths } from "./openapi.js";
export type { Exact, ExactResult } from "./shared/exact-json.js";
export { LoginFailed } from "./shared/login.js";
export type OnekontoClient = Client<paths>;
export type WithdrawRequest = components["schemas"]["WithdrawRequest"];
export type RequestStatus = components["schemas"]["RequestStatus"];
export type AccountAnswer = components["schemas"]["AccountResponse"];
/** `{status: 401, error}` for auth and missing things; `{errors: [...], status: "badRequest"}` for refused requests. */
export type ErrorBody = components["schemas"]["StatusError"] | components["schemas"]["RequestErrors"];

export interface Credentials {
  user: string;
  password: string;
}

export interface OnekontoOptions extends ClientOptions {
  /** 1Konto hands each client its host; none is published. */
  baseUrl: string;
  auth: Credentials;
  /** Milliseconds since the Unix epoch. */
  clock?: () => number;
}

/** What 1Konto wants instead of the password: its SHA-256, lowercase hex. */
export async function passwordDigest(password: string): Promise<string> {
  return hex(await sha256(utf8(password)));
}

export function createClient({ auth, clock, ...options }: OnekontoOptions): OnekontoClient {
  const client = createFetchClient<paths>(options);
  const login = loginAs(createFetchClient<paths>(options), auth.user, passwordDigest(auth.password));
  client.use(loginBearer({ login, renewBeforeSeconds: 300, assumedLifetimeSeconds: 24 * 3600, clock }));
  return client;
}

// A scope of its own, so that the login keeps the digest and never the password.
function loginAs(unauthenticated: OnekontoClient, user: string, digest: Promise<string>): () => Promise<string> {
  return async () => {
    const { data, response } = await unauthenticated.POST("/api/v1/identity/jwt", {
      body: { user, password: await digest },
    });
    if (data === undefined) throw new LoginFailed(response.status);
    return data.token;
  };
}

/** `get_account` with every balance as a decimal string. */
export function account(client: OnekontoClient, accountId: string): Promise<ExactResult<AccountAnswer, ErrorBody>> {
  return readExact<AccountAnswer, ErrorBody>(
    client.GET("/api/v1/accounting/account/{accountId}", { params: { path: { accountId } }, parseAs: "text" }),
  );
}

/** The messages of either error shape. */
export function errorMessages(body: ErrorBody): string[] {
  return "errors" in body ? body.errors : [body.error];
}

/** `"1.5 BTC"` as its decimal text and asset code. */
export function splitAmount(amount: string): { value: string; asset: string } {
  const [value = "", asset = ""] = amount.trim().split(/\s+/);
  return { value, asset };
}

const FINAL: ReadonlySet<RequestStatus> = new Set(["completed", "canceled", "rejected", "invalid"]);

/** True once the request can no longer change; a status this package does not know is still open. */
export function isFinal(status: RequestStatus): boolean {
  return FINAL.has(status);
}
