// The published SmartyPay package against the SmartyPay emulator: the sweep flow with HMAC and Basic auth.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createClient, isFinal } from "@withdrawal-apis/smartypay";
import { type Emulator, startEmulator } from "./emulator.js";

const API_KEY = "ts_partner_key";
const SECRET = "5e1b9d3f7a2c4e6b8d0f1a3c5e7b9d2f4a6c8e0b1d3f5a7c9e2b4d6f8a0c1e3b";
const MERCHANT = "TsMerchantWithGas00001";
const POOR_MERCHANT = "TsMerchantPoorGas00002"; // its gas wallet cannot pay for a sweep
const GAS_ADDRESS = "0x6b9Ac38D27c068Eb633F6C779CbF0C9d42d03753";

function merchant(id: string, balance: string, gasWei: string, destination: string): object {
  const gasWallets = [{ blockchain: "BinanceMainNet", address: GAS_ADDRESS, nativeBalance: gasWei }];
  return {
    id,
    balances: { bUSDT: balance },
    extra: { partner: "ts-partner", destinationAddress: destination, gasWallets },
  };
}

let emulator: Emulator;

before(async () => {
  emulator = await startEmulator("smartypay", {
    accounts: [
      { id: "ts-partner", credentials: [{ key_id: API_KEY, secret: SECRET }] },
      merchant(MERCHANT, "998", "254803120000000000", "0x7aa002968e2B68b4803cbE15DdfdEe1488550180"),
      merchant(POOR_MERCHANT, "40", "1000", "0x5888455503193e5C6ea7AC1f232Ac7d6665f55fd"),
    ],
  });
});

after(() => emulator?.stop());

test("SmartyPay: authenticate, read the balance, ask for a sweep, read it back, list, gas wallet too poor", async () => {
  const baseUrl = emulator.baseUrl;
  // #region example
  // On the emulator a processing slot comes when its control API moves the virtual clock (5 minutes).
  const nextSlot = () => emulator.control("/_sandbox/clock/advance", { seconds: 300 });
  const client = createClient({ baseUrl, auth: { apiKey: API_KEY, secret: SECRET }, scheme: "hmac" });
  const path = { merchantId: MERCHANT };

  const balance = await client.GET("/v1/merchants/{merchantId}/balance", { params: { path } });
  assert.deepEqual(balance.data?.balances, [{ value: "998", currency: "bUSDT" }]);

  // No amount and no address: the next slot sweeps all bUSDT to the merchant's confirmed address.
  const asked = await client.POST("/v1/withdrawals/withdraw-now", {
    body: { merchantId: MERCHANT, currency: "bUSDT" },
  });
  assert.ok(asked.data, asked.error?.code);
  const intent = asked.data.intent;
  assert.equal(intent.status, "Pending");

  const pending = await client.POST("/v1/withdrawals/intents/search", {
    body: { predicates: { status: "Pending" } },
  });
  assert.deepEqual(pending.data?.list.map((item) => item.id), [intent.id]);

  await nextSlot();
  const listed = await client.POST("/v1/withdrawals/search", { body: { page: { limit: 10 } } });
  const sweep = listed.data?.list[0];
  assert.ok(sweep);
  assert.deepEqual(sweep.amount, { value: "998", currency: "bUSDT" });

  const fetched = await client.GET("/v1/withdrawals/{id}", { params: { path: { id: sweep.id } } });
  assert.equal(fetched.data?.status, "New");
  assert.equal(isFinal(sweep.status), false);

  // A sweep whose gas wallet cannot pay: the intent fails and the withdrawal ends in `Error`.
  const poor = await client.POST("/v1/withdrawals/withdraw-now", {
    body: { merchantId: POOR_MERCHANT, currency: "bUSDT" },
  });
  await nextSlot();
  const failed = await client.POST("/v1/withdrawals/intents/search", {
    body: { predicates: { status: "Failed" } },
  });
  assert.deepEqual(failed.data?.list.map((item) => item.id), [poor.data?.intent.id]);
  const latest = await client.POST("/v1/withdrawals/search", { body: { page: { limit: 1 } } });
  assert.deepEqual(latest.data?.list.map((item) => [item.amount.value, item.status]), [["40", "Error"]]);
  // #endregion
});

test("SmartyPay: Basic auth works too; a wrong secret is 403 Forbidden under either scheme", async () => {
  const basic = createClient({ baseUrl: emulator.baseUrl, auth: { apiKey: API_KEY, secret: SECRET }, scheme: "basic" });
  const schedule = await basic.GET("/v1/merchants/{merchantId}/withdrawal-schedule", {
    params: { path: { merchantId: MERCHANT } },
  });
  assert.deepEqual(schedule.data, { period: "NotSet", unifiedMinAmount: 0 });

  for (const scheme of ["hmac", "basic"] as const) {
    const forged = createClient({ baseUrl: emulator.baseUrl, auth: { apiKey: API_KEY, secret: "nope" }, scheme });
    const answer = await forged.GET("/v1/merchants/{merchantId}/balance", { params: { path: { merchantId: MERCHANT } } });
    assert.equal(answer.response.status, 403, scheme);
    assert.equal(answer.error?.code, "Forbidden", scheme);
  }
});
