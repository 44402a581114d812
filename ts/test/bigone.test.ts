// The published BigONE package against the BigONE emulator: the payout flow with a JWT per request.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import { createClient, isFinal, withdrawals } from "@withdrawal-apis/bigone";
import { type Emulator, startEmulator } from "./emulator.js";

const API_KEY = "3f0c6e2a-8d4b-4c1e-9f7a-5b2d1e0c9a84";
const SECRET = "a4e1c9b7d2f0e8a6c3b5d7f9e1a2c4b6d8f0e2a4c6b8d0f2e4a6c8b0d2f4e6a8";
const TRON_ADDRESS = "THur9FcmqzvtxeUsM8bAK8AD54dF1CjdPL"; // whitelisted for the Tron gateway below

let emulator: Emulator;

before(async () => {
  emulator = await startEmulator("bigone", {
    accounts: [
      {
        id: "ts-bigone",
        credentials: [{ key_id: API_KEY, secret: SECRET }],
        wallets: { fund: { USDT: "100" }, spot: { USDT: "5" } },
        whitelist: [{ network: "Tron", address: TRON_ADDRESS }],
      },
    ],
  });
});

after(() => emulator?.stop());

test("BigONE: authenticate, read the balance, create, read back, list, insufficient funds", async () => {
  const baseUrl = emulator.baseUrl;
  // #region example
  const client = createClient({ baseUrl, auth: { apiKey: API_KEY, secret: SECRET } });

  // Withdrawals draw on the fund account.
  const fund = await client.GET("/viewer/fund/accounts/{asset_symbol}", {
    params: { path: { asset_symbol: "USDT" } },
  });
  assert.equal(fund.data?.data.balance, "100");

  // Store the guid before sending: it identifies the withdrawal from now on. The Tron fee is 1 USDT.
  const guid = randomUUID();
  const created = await client.POST("/viewer/withdrawals", {
    body: { symbol: "USDT", target_address: TRON_ADDRESS, amount: "25", guid },
  });
  assert.ok(created.data, created.error?.message);
  assert.equal(created.data.data.state, "PENDING");
  assert.equal(isFinal(created.data.data.state), false);

  const fetched = await client.GET("/viewer/withdrawals/{guid}", { params: { path: { guid } } });
  assert.equal(fetched.data?.data.id, created.data.data.id);

  const listed = [];
  for await (const withdrawal of withdrawals(client, { asset_symbol: "USDT", limit: "10" })) listed.push(withdrawal.id);
  assert.deepEqual(listed, [created.data.data.id]);

  const locked = await client.GET("/viewer/fund/accounts/{asset_symbol}", {
    params: { path: { asset_symbol: "USDT" } },
  });
  assert.equal(locked.data?.data.locked_balance, "26");

  // 80 + 1 fee is more than the 74 still free: BigONE's code 10014 with HTTP 400.
  const refused = await client.POST("/viewer/withdrawals", {
    body: { symbol: "USDT", target_address: TRON_ADDRESS, amount: "80", guid: randomUUID() },
  });
  assert.equal(refused.response.status, 400);
  assert.deepEqual(refused.error, { code: 10014, message: "Insufficient funds" });
  // #endregion
});

test("BigONE: a token signed with another secret is refused with code 40106", async () => {
  const client = createClient({ baseUrl: emulator.baseUrl, auth: { apiKey: API_KEY, secret: "not-the-secret" } });
  const answer = await client.GET("/viewer/accounts");
  assert.equal(answer.response.status, 401);
  assert.equal(answer.error?.code, 40106);
});

test("BigONE: a clock 60 s off puts the nonce outside the window", async () => {
  const skewed = createClient({
    baseUrl: emulator.baseUrl,
    auth: { apiKey: API_KEY, secret: SECRET },
    clock: () => Date.now() - 60_000,
  });
  assert.equal((await skewed.GET("/viewer/accounts")).error?.code, 40106);
  const widened = createClient({
    baseUrl: emulator.baseUrl,
    auth: { apiKey: API_KEY, secret: SECRET },
    recvWindow: 120,
    clock: () => Date.now() - 60_000,
  });
  assert.equal((await widened.GET("/viewer/accounts")).response.status, 200);
});
