// The providers' own signature examples (and values computed with openssl from their formulas),
// reproduced by the published packages' signers.
import assert from "node:assert/strict";
import { test } from "node:test";
import { signHs256, token } from "@withdrawal-apis/bigone";
import { authorization } from "@withdrawal-apis/mpchat";
import { passwordDigest } from "@withdrawal-apis/onekonto";
import { signature } from "@withdrawal-apis/smartypay";

const encoder = new TextEncoder();

function decodeSegment(segment: string): string {
  return Buffer.from(segment, "base64url").toString("utf8");
}

test("SmartyPay: the signature printed on its authentication page", async () => {
  // The page's pretty-printed invoice body is signed byte for byte, indentation and newlines included.
  const secret = "DiFy5adj2FbrD5SDWsvPrsM2uVOdAund2ksMCZ9lBrRyDr5WMFO6O0loLL8TD1gh";
  const body = '{\n    "amount": "11 btBUSD",\n    "expiresAt": "2021-06-22T23:19:38.146071+03:00"\n}';
  const signed = await signature(secret, "1624309597463", "POST", "/integration/invoices", encoder.encode(body));
  assert.equal(signed, "695e66179483e9f7df31676893fbc5421630c14b16f9c63f3ef484003e82cef5");
});

test("SmartyPay: the formula, against openssl", async () => {
  // printf '%s' "1700000000POST/v1/withdrawals/withdraw-now$BODY" | openssl dgst -sha256 -hmac "$SECRET"
  const secret = "DiFy5adj2FbrD5SDWsvPrsM2uVOdAund2ksMCZ9lBrRyDr5WMFO6O0loLL8TD1gh";
  const body = encoder.encode('{"currency":"bUSDT","merchantId":"RgFw2p65CQn3pE8uriL53d"}');
  assert.equal(
    await signature(secret, "1700000000", "POST", "/v1/withdrawals/withdraw-now", body),
    "5f073b0e71dad9d4b0f2db5e64561f1690b674f17ce55a8a909e4b24841cb563",
  );
  assert.equal(
    await signature(secret, "1700000000", "GET", "/v1/merchants/FdDQBuaqXoReYAxf9VtEBq/balance"),
    "06b957d3c7d6b705dd565b4608e3a41494017d11ac94171dd2b29670a3d5ead4",
  );
});

test("MPChat: the bearer value, against openssl", async () => {
  // printf 'mk_live_abc123.1700000000' | openssl dgst -sha256 -hmac "$SECRET"
  const secret = "a3f1c2d4e5b6a7980112233445566778899aabbccddeeff00112233445566778";
  assert.equal(
    await authorization("mk_live_abc123", secret, 1700000000),
    "Bearer mk_live_abc123:1700000000:cad5c3d8ccf9cf1d6a2df856dcf8070755307d7a975169c24b579d338fbeb3dc",
  );
});

test("BigONE: the signed token printed on its authentication page", async () => {
  const docsToken =
    "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9." +
    "eyJ0eXBlIjoiT3BlbkFQSVYyIiwic3ViIjoiY2VlODhhYjBiYzY5NDM1Nzg0YjdkYjA1NDVlODU2NDciLCJub25jZSI6MTUyNzY2NTI2MjE2ODM5MTAwMH0." +
    "cJ_uPmDeIxEPbKb_Xi0YuCflt_kgok5lryPwDG-jrsM";
  const [header = "", claims = "", docsSignature = ""] = docsToken.split(".");
  // The page's token writes the nonce as a JSON number; ours writes it as the string its claim table
  // names. Same key, same secret, same HS256: re-signing the page's own claims gives its signature.
  assert.equal(await signHs256("testsecret", decodeSegment(header), decodeSegment(claims)), docsToken);

  const ours = await token("cee88ab0bc69435784b7db0545e85647", "testsecret", 1527665262168391000n);
  const [ourHeader = "", ourClaims = "", ourSignature = ""] = ours.split(".");
  assert.deepEqual(JSON.parse(decodeSegment(ourHeader)), { alg: "HS256", typ: "JWT" });
  assert.equal(
    decodeSegment(ourClaims),
    '{"type":"OpenAPIV2","sub":"cee88ab0bc69435784b7db0545e85647","nonce":"1527665262168391000"}',
  );
  assert.notEqual(ourSignature, docsSignature);
});

test("1Konto: the password digest of its login example", async () => {
  assert.equal(await passwordDigest("password"), "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8");
});
