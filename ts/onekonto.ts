// Type-level proof that the published 1Konto spec works from TypeScript.
//
// `nox -s publish` generates dist/onekonto/<version>/openapi.d.ts from the bundled openapi.json with
// openapi-typescript, maps the module name imported below to that file, and runs
// `tsc --noEmit --strict` on this file. Every type here is derived from the spec, so renaming or
// retyping a path, field or status the code touches fails the publish session.
//
// Hand-written on purpose: the login with a SHA-256 password digest, the `"<decimal> <ASSET>"`
// amount strings and the two error shapes are what a TypeScript integrator has to get right.
import type { components, paths } from "@withdrawal-apis/onekonto";

type Login = paths["/api/v1/identity/jwt"]["post"];
export type LoginBody = Login["requestBody"]["content"]["application/json"];
export type LoginAnswer = Login["responses"][200]["content"]["application/json"];

type CreateBlockchain = paths["/api/v1/accounting/account/{accountId}/request/withdraw/blockchain"]["post"];
export type BlockchainBody = CreateBlockchain["requestBody"]["content"]["application/json"];
export type Created = CreateBlockchain["responses"][200]["content"]["application/json"];

type Query = paths["/api/v1/accounting/account/{accountId}/request/withdraw"]["get"];
export type QueryParameters = NonNullable<Query["parameters"]["query"]>;
export type WithdrawRequest = components["schemas"]["WithdrawRequest"];

type StatusError = components["schemas"]["StatusError"];
type RequestErrors = components["schemas"]["RequestErrors"];

// Requests that will not change any more; a status 1Konto adds later counts as still open.
const FINAL: ReadonlySet<string> = new Set(["completed", "canceled", "rejected"]);

export const exampleBody: BlockchainBody = {
  amount: "1 BTC", // "<decimal> <ASSET>": a string, never a JavaScript number
  network: "bitcoin",
  address: "myWalletAddress",
  instructions: ["any aditional instructions"],
};

function hex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

// 1Konto wants the lowercase hex SHA-256 of the password, never the password itself.
export async function passwordDigest(password: string): Promise<string> {
  return hex(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(password)));
}

// Both error shapes, told apart by the type of `status`: a number in status errors, a word in request errors.
export function errorMessages(body: StatusError | RequestErrors): string[] {
  return typeof body.status === "number" ? [(body as StatusError).error] : (body as RequestErrors).errors;
}

async function failure(operation: string, response: Response): Promise<Error> {
  const body = (await response.json()) as StatusError | RequestErrors;
  return new Error(`${operation} failed with HTTP ${response.status}: ${errorMessages(body).join("; ")}`);
}

// Log in for a token valid 24 hours; log in again before it runs out (there is no refresh call).
export async function login(baseUrl: string, user: string, password: string): Promise<LoginAnswer> {
  const body: LoginBody = { user, password: await passwordDigest(password) };
  const response = await fetch(`${baseUrl}/api/v1/identity/jwt`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (response.status !== 200) {
    throw await failure("login", response);
  }
  return (await response.json()) as LoginAnswer;
}

export function createBlockchainRequest(baseUrl: string, token: string, accountId: string, body: BlockchainBody): Request {
  return new Request(`${baseUrl}/api/v1/accounting/account/${encodeURIComponent(accountId)}/request/withdraw/blockchain`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

export async function readCreated(response: Response): Promise<Created> {
  if (response.status !== 200) {
    throw await failure("create_blockchain_withdraw_request", response);
  }
  return (await response.json()) as Created;
}

// There is no idempotency key: after a timeout, look for the request before sending it again.
export function reconcileQuery(body: BlockchainBody): QueryParameters {
  const query: QueryParameters = { amount: body.amount, status: "pending", max: 10 };
  return body.network === undefined ? query : { ...query, network: body.network };
}

// Split "<decimal> <ASSET>" without turning the decimal into a binary float.
export function splitAmount(amount: string): { value: string; asset: string | null } {
  const [value = "", asset] = amount.split(" ");
  return { value, asset: asset ?? null };
}

// The query's record is inferred, so every field may be missing.
export function describe(request: WithdrawRequest): string {
  const { value, asset } = splitAmount(request.amount ?? "");
  const where = request.type === "blockchain" ? `${request.address} on ${request.network}` : `bank (${request.type})`;
  const progress = request.requestStatus !== undefined && FINAL.has(request.requestStatus) ? "final" : "open";
  return `${request.withdrawRequestId}: ${value} ${asset ?? "?"} to ${where}; ${request.requestStatus} (${progress})`;
}
