// The published MPChat package against the MPChat emulator: the payout flow with real HMAC auth.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createClient, isFinal } from "@withdrawal-apis/mpchat";
import { type Emulator, startEmulator } from "./emulator.js";

const KEY_ID = "mk_test_typescript";
const SECRET = "7d3c1a9e5b2f4d6c8a0e1f3b5d7c9a2e4f6b8d0c1e3a5f7b9d2c4e6a8b0f1d3c";
const TRON_ADDRESS = "TU9PkxHUKdPCiG65PycUSmRAhSEcWcVg2s"; // Base58Check: the emulator checks it

let emulator: Emulator;

before(async () => {
  emulator = await startEmulator("mpchat", {
    accounts: [{ id: "ts-merchant", credentials: [{ key_id: KEY_ID, secret: SECRET }], balances: { USDT: "1250.50" } }],
  });
});

after(() => emulator?.stop());

test("MPChat: authenticate, read the balance, create, read back, list, insufficient funds", async () => {
  const baseUrl = emulator.baseUrl;
  // #region example
  const client = createClient({ baseUrl, auth: { keyId: KEY_ID, secret: SECRET } });

  const balance = await client.GET("/v1/balance");
  assert.equal(balance.data?.available, "1250.50");

  // Amounts are decimal strings, never JavaScript numbers. The TRC20 fee (1.00) is held on top.
  const created = await client.POST("/v1/withdrawals", {
    body: { amount: "500.00", destination_address: TRON_ADDRESS, network: "TRC20" },
  });
  assert.ok(created.data, created.error?.error);
  const withdrawal = created.data;
  assert.equal(created.response.status, 201);
  assert.equal(withdrawal.status, "PENDING");
  assert.equal(isFinal(withdrawal.status), false);

  const fetched = await client.GET("/v1/withdrawals/{id}", { params: { path: { id: withdrawal.id } } });
  assert.equal(fetched.data?.amount, "500.00");

  const page = await client.GET("/v1/withdrawals", { params: { query: { limit: 10 } } });
  assert.deepEqual(page.data?.withdrawals.map((item) => item.id), [withdrawal.id]);

  const closing = await client.GET("/v1/balance");
  assert.deepEqual([closing.data?.available, closing.data?.frozen], ["749.50", "501.00"]);

  // 800.00 + 1.00 fee is more than the 749.50 left: MPChat's `{"error": ...}` with HTTP 400.
  const refused = await client.POST("/v1/withdrawals", {
    body: { amount: "800.00", destination_address: TRON_ADDRESS, network: "TRC20" },
  });
  assert.equal(refused.response.status, 400);
  assert.deepEqual(refused.error, { error: "insufficient balance" });
  // #endregion
});

test("MPChat: a wrong secret is refused with a 401", async () => {
  const client = createClient({ baseUrl: emulator.baseUrl, auth: { keyId: KEY_ID, secret: "not-the-secret" } });
  const answer = await client.GET("/v1/balance");
  assert.equal(answer.response.status, 401);
  assert.deepEqual(answer.error, { error: "invalid signature" });
});
