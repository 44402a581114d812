// Type-level proof that the published MPChat spec works from TypeScript.
//
// `nox -s publish` generates dist/mpchat/<version>/openapi.d.ts from the bundled openapi.json with
// openapi-typescript, maps the module name imported below to that file, and runs
// `tsc --noEmit --strict` on this file. Every type here is derived from the spec, so renaming or
// retyping a path, field or status the code touches fails the publish session.
//
// The file is hand-written on purpose: it is what a TypeScript integrator would write, not output.
import type { components, paths } from "@withdrawal-apis/mpchat";

type CreateWithdrawal = paths["/v1/withdrawals"]["post"];
export type CreateWithdrawalBody = CreateWithdrawal["requestBody"]["content"]["application/json"];
export type Withdrawal = CreateWithdrawal["responses"][201]["content"]["application/json"];
type ErrorBody = components["schemas"]["Error"];

// States after which the withdrawal no longer changes; the spec may add states later, so anything
// not listed here is treated as still in progress.
const FINAL: ReadonlySet<Withdrawal["status"]> = new Set(["COMPLETED", "FAILED", "CANCELLED", "REJECTED"]);

export const exampleBody: CreateWithdrawalBody = {
  amount: "500.00", // decimal string: never a JavaScript number
  destination_address: "TXyz1234567890abcdefghijklmnopqrst",
  network: "TRC20",
};

function hex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

// The MerchantHmac bearer value: `{key_id}:{unix_ts}:{hex(HMAC-SHA256(secret, "{key_id}.{unix_ts}"))}`,
// built fresh for every request because the server rejects stale timestamps.
async function bearer(keyId: string, secret: string, unixSeconds: number): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  const signature = await crypto.subtle.sign("HMAC", key, encoder.encode(`${keyId}.${unixSeconds}`));
  return `${keyId}:${unixSeconds}:${hex(signature)}`;
}

export async function createWithdrawalRequest(
  baseUrl: string,
  keyId: string,
  secret: string,
  body: CreateWithdrawalBody,
): Promise<Request> {
  const token = await bearer(keyId, secret, Math.floor(Date.now() / 1000));
  return new Request(`${baseUrl}/v1/withdrawals`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

export async function readCreateWithdrawalResponse(response: Response): Promise<Withdrawal> {
  if (response.status !== 201) {
    const problem = (await response.json()) as ErrorBody;
    throw new Error(`create_withdrawal failed with HTTP ${response.status}: ${problem.error}`);
  }
  return (await response.json()) as Withdrawal;
}

export function describeWithdrawal(withdrawal: Withdrawal): string {
  const chain = withdrawal.tx_hash === null ? "not on-chain yet" : `tx ${withdrawal.tx_hash}`;
  const progress = FINAL.has(withdrawal.status) ? "final" : "in progress";
  return (
    `${withdrawal.id}: ${withdrawal.amount} USDT (fee ${withdrawal.fee}) to ${withdrawal.destination_address} ` +
    `on ${withdrawal.network}; ${withdrawal.status} (${progress}), ${chain}, updated ${withdrawal.updated_at}`
  );
}
