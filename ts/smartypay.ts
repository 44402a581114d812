// Type-level proof that the published SmartyPay partner spec works from TypeScript.
//
// `nox -s publish` generates dist/smartypay/<version>/openapi.d.ts from the bundled openapi.json with
// openapi-typescript, maps the module name imported below to that file, and runs
// `tsc --noEmit --strict` on this file. Every type here is derived from the spec, so renaming or
// retyping a path, field or status the code touches fails the publish session.
//
// The file is hand-written on purpose: it is what a TypeScript integrator would write, not output.
import type { components, paths } from "@withdrawal-apis/smartypay";

type WithdrawNow = paths["/v1/withdrawals/withdraw-now"]["post"];
export type WithdrawNowBody = WithdrawNow["requestBody"]["content"]["application/json"];
export type WithdrawNowAnswer = WithdrawNow["responses"][200]["content"]["application/json"];
type SearchWithdrawals = paths["/v1/withdrawals/search"]["post"];
export type WithdrawalSearch = NonNullable<SearchWithdrawals["requestBody"]>["content"]["application/json"];
export type WithdrawalPage = SearchWithdrawals["responses"][200]["content"]["application/json"];
type Withdrawal = components["schemas"]["Withdrawal"];
type Intent = components["schemas"]["WithdrawalIntent"];
type ErrorBody = components["schemas"]["Error"];

// Withdrawal states after which nothing changes; the spec may add states later, so anything not
// listed here is treated as still in progress.
const FINAL: ReadonlySet<Withdrawal["status"]> = new Set(["Finished", "Cancelled", "Error"]);

export const exampleBody: WithdrawNowBody = { currency: "bUSDT", merchantId: "RgFw2p65CQn3pE8uriL53d" };
export const testnetPage: WithdrawalSearch = { predicates: { network: "TestNet" }, page: { limit: 5 } };

function hex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

// x-api-sig: hex HMAC-SHA256 of `{ts}{METHOD}{URI}{body}` with no separators. The body string is
// signed exactly as it is sent, so it is serialised once and the same string goes in the request.
async function signedHeaders(
  apiKey: string,
  secret: string,
  method: string,
  uri: string,
  body: string,
): Promise<Record<string, string>> {
  const encoder = new TextEncoder();
  const ts = String(Math.floor(Date.now() / 1000)); // whole seconds
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  const signature = await crypto.subtle.sign("HMAC", key, encoder.encode(`${ts}${method}${uri}${body}`));
  return { "x-api-key": apiKey, "x-api-sig": hex(signature), "x-api-ts": ts };
}

export async function withdrawNowRequest(
  baseUrl: string,
  apiKey: string,
  secret: string,
  body: WithdrawNowBody,
): Promise<Request> {
  const uri = "/v1/withdrawals/withdraw-now";
  const text = JSON.stringify(body);
  const headers = await signedHeaders(apiKey, secret, "POST", uri, text);
  return new Request(`${baseUrl}${uri}`, {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/json" },
    body: text,
  });
}

// HTTP Basic, the simpler alternative: the key and secret on every request.
export function basicSearchRequest(baseUrl: string, apiKey: string, secret: string, query: WithdrawalSearch): Request {
  return new Request(`${baseUrl}/v1/withdrawals/search`, {
    method: "POST",
    headers: { Authorization: `Basic ${btoa(`${apiKey}:${secret}`)}`, "Content-Type": "application/json" },
    body: JSON.stringify(query),
  });
}

export async function readWithdrawNowResponse(response: Response): Promise<Intent> {
  if (response.status !== 200) {
    const problem = (await response.json()) as ErrorBody;
    throw new Error(`withdraw_now failed with HTTP ${response.status}: ${problem.code} ${problem.message ?? ""}`);
  }
  return ((await response.json()) as WithdrawNowAnswer).intent;
}

export function describeIntent(intent: Intent): string {
  // The object table calls the token `currency`, the search example `asset`.
  const token = intent.currency ?? intent.asset ?? "an unnamed token";
  return `${intent.id}: sweep all ${token} on ${intent.blockchain} after ${intent.processAt} (${intent.status})`;
}

export function describeWithdrawal(withdrawal: Withdrawal): string {
  const progress = FINAL.has(withdrawal.status) ? "final" : "in progress";
  return (
    `${withdrawal.id}: ${withdrawal.amount.value} ${withdrawal.amount.currency} to ${withdrawal.destinationAddress} ` +
    `on ${withdrawal.blockchain}; ${withdrawal.status} (${progress})`
  );
}

export function describePage(page: WithdrawalPage): string[] {
  return page.list.map(describeWithdrawal);
}
