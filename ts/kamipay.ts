// Type-level proof that the published kamiPay spec works from TypeScript.
//
// `nox -s publish` generates dist/kamipay/<version>/openapi.d.ts from the bundled openapi.json with
// openapi-typescript, maps the module name imported below to that file, and runs
// `tsc --noEmit --strict` on this file. Every type here is derived from the spec, so renaming or
// retyping a path, field or status the code touches fails the publish session.
//
// Hand-written on purpose: the form login, the token lifetime read from the JWT's `exp`, amounts that
// are JSON numbers yet must stay exact decimals, and the `"usdt amount"` key with a space are what a
// TypeScript integrator has to get right.
import type { components, paths } from "@withdrawal-apis/kamipay";

type Login = paths["/auth/token"]["post"];
export type LoginForm = Login["requestBody"]["content"]["application/x-www-form-urlencoded"];
export type LoginAnswer = Login["responses"][200]["content"]["application/json"];

type Withdraw = paths["/v1/wallet/withdraw"]["post"];
export type WithdrawBody = Withdraw["requestBody"]["content"]["application/json"];
export type WithdrawAnswer = Withdraw["responses"][200]["content"]["application/json"];

type Balance = paths["/v1/wallet/get_address_balance"]["get"];
export type BalanceQuery = Balance["parameters"]["query"];
export type BalanceAnswer = Balance["responses"][200]["content"]["application/json"];

type DetailError = components["schemas"]["DetailError"];
type UnauthorizedError = components["schemas"]["UnauthorizedError"];

export const exampleLogin: LoginForm = { username: "YOUR_USERNAME", password: "YOUR_PASSWORD" };

// kamiPay's login answer carries no lifetime: read `exp` (Unix seconds) from the JWT's payload, and
// assume one hour (kamiPay's shortest lifetime) when it is missing.
export function tokenExpiry(token: LoginAnswer["access_token"], nowSeconds: number): number {
  const payload = token.split(".")[1] ?? "";
  try {
    const base64 = payload.replace(/-/g, "+").replace(/_/g, "/");
    const claims = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "="))) as { exp?: unknown };
    if (typeof claims.exp === "number") {
      return claims.exp;
    }
  } catch {
    // not a JWT we can read: fall through
  }
  return nowSeconds + 3600;
}

export function loginRequest(baseUrl: string, form: LoginForm): Request {
  return new Request(`${baseUrl}/auth/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username: form.username, password: form.password }).toString(),
  });
}

// `amount` is a JSON number on the wire, but a JavaScript number cannot hold every 18-decimal MATIC
// amount. Keep amounts as decimal strings in your code and splice the digits into the JSON text.
export function withdrawRequest(
  baseUrl: string,
  accessToken: string,
  body: Omit<WithdrawBody, "amount">,
  amount: string,
): Request {
  if (!/^(?=.*[1-9])[0-9]+(\.[0-9]{1,18})?$/.test(amount)) {
    throw new Error(`not a positive decimal amount: ${amount}`);
  }
  const fields: Omit<WithdrawBody, "amount"> = {
    chain: body.chain,
    token: body.token,
    from_address: body.from_address,
    to_address: body.to_address,
  };
  const json = JSON.stringify(fields);
  return new Request(`${baseUrl}/v1/wallet/withdraw`, {
    method: "POST",
    headers: { Authorization: `Bearer ${accessToken}`, "Content-Type": "application/json" },
    body: `${json.slice(0, -1)},"amount":${amount}}`,
  });
}

export const exampleWithdraw: WithdrawBody = {
  chain: "polygon",
  token: "usdt",
  amount: 0.1, // the type says number; see withdrawRequest for sending exact digits
  from_address: "0x1c0aCxxxxxx488fEdce1ab4",
  to_address: "0x6Fe712cxxxxxx0E72988e68",
};

function errorText(body: DetailError | UnauthorizedError): string {
  return "detail" in body ? body.detail : `${body.message} (request ${body.request_id})`;
}

export async function readWithdrawAnswer(response: Response): Promise<WithdrawAnswer> {
  if (response.status !== 200) {
    const problem = (await response.json()) as DetailError | UnauthorizedError;
    throw new Error(`create_withdrawal failed with HTTP ${response.status}: ${errorText(problem)}`);
  }
  return (await response.json()) as WithdrawAnswer;
}

export function describeWithdrawal(answer: WithdrawAnswer, token: WithdrawBody["token"]): string {
  const data = answer.data;
  const amount = token === "usdt" ? data["usdt amount"] : data["matic amount"];
  const state = data.status === "mined" ? "mined" : `not mined (${data.status})`;
  return `${amount ?? "?"} ${token.toUpperCase()} to ${data.to}: ${state}, tx ${data.transactionHash}`;
}

export function balanceUrl(baseUrl: string, query: BalanceQuery): string {
  return `${baseUrl}/v1/wallet/get_address_balance?${new URLSearchParams({ address: query.address, chain: query.chain })}`;
}

export function describeBalances(answer: BalanceAnswer): string {
  return answer.data.tokens.map((entry) => `${entry.token} ${entry.balance}`).join(", ");
}
