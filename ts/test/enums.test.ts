// Open enums: a status the provider adds later is neither a type error in a caller's code nor a crash.
// This file compiles only while every enum below is open and still lists its known values.
import assert from "node:assert/strict";
import { test } from "node:test";
import * as bigone from "@withdrawal-apis/bigone";
import type * as kamipay from "@withdrawal-apis/kamipay";
import * as mpchat from "@withdrawal-apis/mpchat";
import * as onekonto from "@withdrawal-apis/onekonto";
import * as smartypay from "@withdrawal-apis/smartypay";

// True when `Value` is a member of the union `T` in its own right (not only through `string`).
type Lists<T, Value extends string> = [Extract<T, Value>] extends [never] ? false : true;
// True when any string is assignable to `T`.
type Open<T> = string extends T ? true : false;
type Expect<Check extends true> = Check;

// Type-level assertions: a closed or emptied enum is a compile error here.
export type OpenEnums = [
  Expect<Lists<mpchat.WithdrawalStatus, "COMPLETED">>,
  Expect<Open<mpchat.WithdrawalStatus>>,
  Expect<Lists<mpchat.components["schemas"]["Network"], "TRC20">>,
  Expect<Open<mpchat.components["schemas"]["Network"]>>,
  Expect<Lists<bigone.WithdrawalState, "CANCELLED">>,
  Expect<Open<bigone.WithdrawalState>>,
  Expect<Lists<kamipay.components["schemas"]["TransactionStatus"], "mined">>,
  Expect<Open<kamipay.components["schemas"]["TransactionStatus"]>>,
  Expect<Lists<onekonto.RequestStatus, "pending">>,
  Expect<Open<onekonto.RequestStatus>>,
  Expect<Lists<smartypay.WithdrawalStatus, "Finished">>,
  Expect<Open<smartypay.WithdrawalStatus>>,
  Expect<Lists<smartypay.IntentStatus, "Failed">>,
  Expect<Open<smartypay.IntentStatus>>,
];

function answering(body: unknown): typeof fetch {
  return async () => new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" } });
}

test("open enums: an unknown status reaches the caller as a string and counts as not final", async () => {
  const withdrawal: mpchat.Withdrawal = {
    id: "wd_1",
    amount: "1.00",
    fee: "1.00",
    status: "ON_HOLD_FOR_TRAVEL_RULE", // not in the spec
    destination_address: "TU9PkxHUKdPCiG65PycUSmRAhSEcWcVg2s",
    network: "TRC20",
    tx_hash: null,
    created_at: "2024-01-15T10:00:00Z",
    updated_at: "2024-01-15T10:00:00Z",
  };
  const client = mpchat.createClient({
    baseUrl: "https://mpchat.invalid",
    auth: { keyId: "mk_test_x", secret: "x" },
    fetch: answering(withdrawal),
  });
  const { data } = await client.GET("/v1/withdrawals/{id}", { params: { path: { id: "wd_1" } } });
  assert.equal(data?.status, "ON_HOLD_FOR_TRAVEL_RULE");
  assert.equal(data && mpchat.isFinal(data.status), false);

  for (const isFinal of [mpchat.isFinal, bigone.isFinal, onekonto.isFinal, smartypay.isFinal]) {
    assert.equal(isFinal("SOMETHING_NEW"), false);
  }
  assert.equal(bigone.isFinal("COMPLETED"), true);
  assert.equal(smartypay.isFinal("Error"), true);
});
