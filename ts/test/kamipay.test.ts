// The published kamiPay package against the kamiPay emulator: the payout flow after a form login.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { addressBalance, createClient, LoginFailed, withdraw } from "@withdrawal-apis/kamipay";
import { type Emulator, startEmulator } from "./emulator.js";

const USERNAME = "ts-merchant";
const PASSWORD = "pw-7d3c1a9e-typescript";
const WALLET = "0xC75f672EDCd5701f228353a9C73AE67265b4a555"; // the merchant's wallet (EIP-55)
const DESTINATION = "0x571e58ad6EAE120B46F3eFC88Ba739E52F453d85"; // whitelisted below

let emulator: Emulator;

before(async () => {
  const wallet = WALLET.toLowerCase(); // the emulator keys balances by the lower-case address
  emulator = await startEmulator("kamipay", {
    accounts: [
      {
        id: "ts-kamipay",
        credentials: [
          { key_id: USERNAME, secret: PASSWORD },
          { key_id: "ts-expired", secret: PASSWORD, data: { token_ttl: 0 } }, // tokens already expired
          { key_id: "ts-short", secret: PASSWORD, data: { token_ttl: 120 } },
        ],
        extra: { merchant_id: 7, wallets: [{ address: WALLET, wallet_desc: "Main wallet" }] },
        wallets: { [wallet]: { USDT: "100", MATIC: "1" } },
        whitelist: [{ network: "polygon", address: DESTINATION }],
      },
    ],
  });
});

after(() => emulator?.stop());

test("kamiPay: authenticate, read the balance, withdraw, read the balance back, insufficient funds", async () => {
  const baseUrl = emulator.baseUrl;
  // #region example
  // The first request logs in; the token is renewed before its `exp`.
  const client = createClient({ baseUrl, auth: { username: USERNAME, password: PASSWORD } });

  const wallets = await client.GET("/v2/merchants/wallets");
  assert.deepEqual(wallets.data?.map((wallet) => wallet.address), [WALLET]);

  // Balances and amounts are JSON numbers on the wire; these helpers keep them as decimal strings.
  const wallet = { address: WALLET, chain: "polygon" };
  const opening = await addressBalance(client, wallet);
  assert.deepEqual(opening.data?.data.tokens, [
    { token: "MATIC", balance: "1" },
    { token: "USDT", balance: "100" },
  ]);

  // Synchronous: the answer is the mined transaction. The gas (0.01 MATIC) is paid by the wallet.
  const usdt = { chain: "polygon", token: "usdt", from_address: WALLET, to_address: DESTINATION };
  const sent = await withdraw(client, { ...usdt, amount: "12.345678" });
  assert.ok(sent.data, JSON.stringify(sent.error));
  assert.equal(sent.data.data.status, "mined");
  assert.equal(sent.data.data["usdt amount"], "12.345678");

  // kamiPay has no withdrawal lookup or list: the balances show what left.
  const closing = await addressBalance(client, wallet);
  assert.deepEqual(closing.data?.data.tokens, [
    { token: "MATIC", balance: "0.99" },
    { token: "USDT", balance: "87.654322" },
  ]);

  // More USDT than the wallet holds: kamiPay's `{"detail": ...}` with HTTP 400, and nothing moves.
  const refused = await withdraw(client, { ...usdt, amount: "500" });
  assert.equal(refused.response.status, 400);
  assert.deepEqual(refused.error, { detail: "insufficient usdt balance on from_address" });
  // #endregion
});

test("kamiPay: a wrong password fails the login with LoginFailed", async () => {
  const client = createClient({ baseUrl: emulator.baseUrl, auth: { username: USERNAME, password: "wrong" } });
  await assert.rejects(client.GET("/v2/merchants/wallets"), (error) => {
    assert.ok(error instanceof LoginFailed);
    assert.equal(error.status, 401);
    assert.doesNotMatch(error.message, /wrong/);
    return true;
  });
});

// Every request the client makes, by path.
function recording(calls: string[]): typeof fetch {
  return (input, init) => {
    calls.push(new URL(input instanceof Request ? input.url : input).pathname);
    return fetch(input, init);
  };
}

test("kamiPay: a token refused with 401 is renewed once, and a second 401 is returned", async () => {
  const calls: string[] = [];
  const client = createClient({
    baseUrl: emulator.baseUrl,
    auth: { username: "ts-expired", password: PASSWORD },
    fetch: recording(calls),
  });
  const answer = await client.GET("/v2/merchants/wallets");
  assert.equal(answer.response.status, 401);
  assert.deepEqual(answer.error, { detail: "Incorrect Credentials" });
  assert.deepEqual(calls, ["/auth/token", "/v2/merchants/wallets", "/auth/token", "/v2/merchants/wallets"]);
});

test("kamiPay: concurrent requests share one login, and the token is renewed a minute before `exp`", async () => {
  const calls: string[] = [];
  let now = Date.now();
  const client = createClient({
    baseUrl: emulator.baseUrl,
    auth: { username: "ts-short", password: PASSWORD }, // tokens live 120 s
    fetch: recording(calls),
    clock: () => now,
  });
  const first = await Promise.all([client.GET("/v2/merchants/wallets"), client.GET("/v2/merchants/wallets")]);
  assert.deepEqual(first.map((answer) => answer.response.status), [200, 200]);
  now += 30_000; // 90 s left: the token is still used
  assert.equal((await client.GET("/v2/merchants/wallets")).response.status, 200);
  now += 40_000; // 50 s left: inside the last minute, so the client logs in first
  assert.equal((await client.GET("/v2/merchants/wallets")).response.status, 200);
  assert.deepEqual(calls, [
    "/auth/token",
    "/v2/merchants/wallets",
    "/v2/merchants/wallets",
    "/v2/merchants/wallets",
    "/auth/token",
    "/v2/merchants/wallets",
  ]);
});
