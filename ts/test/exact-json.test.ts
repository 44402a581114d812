// Reading JSON numbers as their exact decimal text, as the kamiPay and 1Konto packages do.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseExact } from "@withdrawal-apis/kamipay";

test("exact JSON: numbers keep every digit; strings, including digits and escaped quotes in them, are untouched", () => {
  const text = '{"balance": 0.359166074094801060, "n": -12, "big": 1e-7, "note": "12 \\"3\\" 4", "list": [1, 2.50]}';
  assert.deepEqual(parseExact(text), {
    balance: "0.359166074094801060",
    n: "-12",
    big: "1e-7",
    note: '12 "3" 4',
    list: ["1", "2.50"],
  });
  assert.notEqual(String(JSON.parse(text).balance), "0.359166074094801060"); // what JSON.parse would lose
});
