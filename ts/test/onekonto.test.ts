// The published 1Konto package against the 1Konto emulator: the payout flow after a digest login.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { account, createClient, errorMessages, isFinal, LoginFailed, splitAmount } from "@withdrawal-apis/onekonto";
import { type Emulator, startEmulator } from "./emulator.js";

const USER = "ts@1konto.test";
const PASSWORD = "correct horse battery typescript";
const ACCOUNT = "ts-account";
const WALLET = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"; // whitelisted for BTC on bitcoin below

let emulator: Emulator;

before(async () => {
  emulator = await startEmulator("onekonto", {
    accounts: [
      {
        id: ACCOUNT,
        credentials: [{ key_id: USER, secret: PASSWORD }],
        balances: { BTC: "2" },
        whitelist: [{ network: "bitcoin", address: WALLET, data: { asset: "BTC" } }],
      },
    ],
  });
});

after(() => emulator?.stop());

test("1Konto: authenticate, read the balance, create, read back, list, insufficient funds", async () => {
  const baseUrl = emulator.baseUrl;
  // #region example
  // The first request logs in with the password's SHA-256 digest.
  const client = createClient({ baseUrl, auth: { user: USER, password: PASSWORD } });
  const path = { accountId: ACCOUNT };

  // Balances are JSON numbers on the wire; `account` reads them as decimal strings.
  const opening = (await account(client, ACCOUNT)).data?.account.balances["BTC"];
  assert.deepEqual([opening?.free, opening?.locked], ["2", "0"]);

  // Amounts are "<decimal> <ASSET>" strings.
  const created = await client.POST("/api/v1/accounting/account/{accountId}/request/withdraw/blockchain", {
    params: { path },
    body: { amount: "0.5 BTC", network: "bitcoin", address: WALLET, instructions: ["payout 42"] },
  });
  assert.ok(created.data, created.error && errorMessages(created.error).join("; "));
  const id = created.data.withdrawRequestId;
  assert.equal(created.data.requestStatus, "pending");

  // No get-by-id: the query takes the id as a filter.
  const found = await client.GET("/api/v1/accounting/account/{accountId}/request/withdraw", {
    params: { path, query: { withdrawRequestId: id } },
  });
  // The query's record is inferred, so its fields are optional in the types.
  const request = found.data?.withdrawRequests?.[0];
  assert.deepEqual(request?.amount && splitAmount(request.amount), { value: "0.5", asset: "BTC" });
  assert.equal(request?.requestStatus && isFinal(request.requestStatus), false);

  const pending = await client.GET("/api/v1/accounting/account/{accountId}/request/withdraw", {
    params: { path, query: { status: "pending", max: 10 } },
  });
  assert.deepEqual(pending.data?.withdrawRequests?.map((item) => item.withdrawRequestId), [id]);

  const closing = (await account(client, ACCOUNT)).data?.account.balances["BTC"];
  assert.deepEqual([closing?.free, closing?.locked], ["1.5", "0.5"]);

  // More than is free: the request-errors shape, HTTP 400, with 1Konto's own message.
  const refused = await client.POST("/api/v1/accounting/account/{accountId}/request/withdraw/blockchain", {
    params: { path },
    body: { amount: "5 BTC", network: "bitcoin", address: WALLET },
  });
  assert.equal(refused.response.status, 400);
  assert.deepEqual(refused.error, {
    errors: ["Insufficient Funds: Requested 5 BTC but only 1.5 BTC is available"],
    status: "badRequest",
    httpStatusCode: 400,
  });
  // #endregion
});

test("1Konto: a wrong password fails the login; another account is forbidden", async () => {
  const stranger = createClient({ baseUrl: emulator.baseUrl, auth: { user: USER, password: "wrong" } });
  await assert.rejects(account(stranger, ACCOUNT), (error) => error instanceof LoginFailed && error.status === 401);

  const client = createClient({ baseUrl: emulator.baseUrl, auth: { user: USER, password: PASSWORD } });
  const other = await account(client, "someone-else");
  assert.equal(other.response.status, 403);
  assert.deepEqual(other.error && errorMessages(other.error), ["Forbidden"]);
});
