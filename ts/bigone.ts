// Type-level proof that the published BigONE spec works from TypeScript.
//
// `nox -s publish` generates dist/bigone/<version>/openapi.d.ts from the bundled openapi.json with
// openapi-typescript, maps the module name imported below to that file, and runs
// `tsc --noEmit --strict` on this file. Every type here is derived from the spec, so renaming or
// retyping a path, field or status the code touches fails the publish session.
//
// Hand-written on purpose: a fresh HS256 JWT per request (nonce in nanoseconds, as a string), the
// `{code, message, data}` envelope, the guid a caller must keep, and paging by an opaque token are
// what a TypeScript integrator has to get right.
import type { components, paths } from "@withdrawal-apis/bigone";

type CreateWithdrawal = paths["/viewer/withdrawals"]["post"];
export type CreateWithdrawalBody = CreateWithdrawal["requestBody"]["content"]["application/json"];
type Created = CreateWithdrawal["responses"][200]["content"]["application/json"];
export type Withdrawal = components["schemas"]["Withdrawal"];

type ListWithdrawals = paths["/viewer/withdrawals"]["get"];
export type ListQuery = NonNullable<ListWithdrawals["parameters"]["query"]>;
type Page = ListWithdrawals["responses"][200]["content"]["application/json"];

type Cancel = paths["/viewer/withdrawals/{guid}/cancel"]["post"];
type Cancelled = Cancel["responses"][200]["content"]["application/json"];
type ErrorBody = components["schemas"]["Error"];

// States after which a withdrawal no longer changes; a state the spec adds later counts as open.
const FINAL: ReadonlySet<Withdrawal["state"]> = new Set(["COMPLETED", "FAILED", "CANCELLED"]);

export const exampleBody: CreateWithdrawalBody = {
  symbol: "USDT",
  gateway_name: "Ethereum",
  target_address: "0x52908400098527886E0F7030069857D2E4169EE7",
  amount: "100", // decimal string: never a JavaScript number
  guid: "6f1c2b7e-0d4f-4a57-9b8e-2f5d8c3a1e90", // keep it: it is how the withdrawal is fetched and cancelled
};

const encoder = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function segment(value: object): string {
  return base64url(encoder.encode(JSON.stringify(value)));
}

// `{"type": "OpenAPIV2", "sub": apiKey, "nonce": "<ns>"}` signed HS256 with the secret as issued.
// The server refuses a nonce 30 seconds or more from its clock, so build one per request.
async function token(apiKey: string, secret: string, nowMs: number): Promise<string> {
  const nonce = (BigInt(nowMs) * 1_000_000n).toString();
  const input = `${segment({ alg: "HS256", typ: "JWT" })}.${segment({ type: "OpenAPIV2", sub: apiKey, nonce })}`;
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  const signature = await crypto.subtle.sign("HMAC", key, encoder.encode(input));
  return `${input}.${base64url(new Uint8Array(signature))}`;
}

async function signed(apiKey: string, secret: string, url: string, init: RequestInit = {}): Promise<Request> {
  const headers = new Headers(init.headers);
  headers.set("Authorization", `Bearer ${await token(apiKey, secret, Date.now())}`);
  return new Request(url, { ...init, headers });
}

async function failure(response: Response, operation: string): Promise<Error> {
  const problem = (await response.json()) as ErrorBody;
  return new Error(`${operation} failed with HTTP ${response.status}, code ${problem.code}: ${problem.message}`);
}

export async function createWithdrawalRequest(
  baseUrl: string,
  apiKey: string,
  secret: string,
  body: CreateWithdrawalBody,
): Promise<Request> {
  return signed(apiKey, secret, `${baseUrl}/viewer/withdrawals`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

export async function readCreateWithdrawalResponse(response: Response): Promise<Withdrawal> {
  if (response.status !== 200) throw await failure(response, "create_withdrawal");
  const envelope = (await response.json()) as Created;
  return envelope.data;
}

// Every withdrawal, newest first, following `page_token` until the server stops sending one.
export async function* allWithdrawals(
  baseUrl: string,
  apiKey: string,
  secret: string,
  query: ListQuery = {},
): AsyncGenerator<Withdrawal> {
  let pageToken: string | undefined;
  do {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) if (value !== undefined) search.set(name, value);
    if (pageToken !== undefined) search.set("page_token", pageToken);
    const response = await fetch(await signed(apiKey, secret, `${baseUrl}/viewer/withdrawals?${search}`));
    if (response.status !== 200) throw await failure(response, "list_withdrawals");
    const page = (await response.json()) as Page;
    yield* page.data;
    pageToken = page.page_token || undefined;
  } while (pageToken !== undefined);
}

// Cancelling is asynchronous: code 0 only means the request was taken; read the state back.
export async function requestCancel(baseUrl: string, apiKey: string, secret: string, guid: string): Promise<boolean> {
  const url = `${baseUrl}/viewer/withdrawals/${encodeURIComponent(guid)}/cancel`;
  const response = await fetch(await signed(apiKey, secret, url, { method: "POST" }));
  if (response.status !== 200) throw await failure(response, "cancel_withdrawal");
  const answer = (await response.json()) as Cancelled;
  return answer.code === 0;
}

export function describeWithdrawal(withdrawal: Withdrawal): string {
  const progress = FINAL.has(withdrawal.state) ? "final" : "in progress";
  const chain = withdrawal.txid === "" ? "not sent yet" : `tx ${withdrawal.txid}`;
  const fee = withdrawal.fee === undefined ? "" : ` (fee ${withdrawal.fee})`;
  return (
    `#${withdrawal.id}: ${withdrawal.amount} ${withdrawal.asset_symbol}${fee} to ${withdrawal.target_address}; ` +
    `${withdrawal.state} (${progress}), ${chain}, created ${withdrawal.inserted_at}`
  );
}
