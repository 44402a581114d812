// openapi-typescript with one change: every string enum is open.
//
//   node ts/tools/openapi-types.mjs <openapi.json> <openapi.d.ts> [<openapi.json> <openapi.d.ts> ...]
//
// The CLI writes a closed union (`"PENDING" | "COMPLETED"`), so a status a provider adds later is a
// type error in a caller's code. Here a string enum becomes `"PENDING" | "COMPLETED" | (string & {})`:
// editors still offer the known values, any other string is accepted, and a `switch` needs a default
// branch. The Python clients follow the same rule (unknown values parse as pseudo-members).
import { readFile, writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString, COMMENT_HEADER } from "openapi-typescript";
import ts from "typescript";

const OPEN_STRING = ts.factory.createIntersectionTypeNode([
  ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword),
  ts.factory.createTypeLiteralNode([]),
]);

function openEnum(schema) {
  const values = schema.enum;
  if (!Array.isArray(values) || values.length === 0 || !values.every((value) => typeof value === "string")) {
    return undefined;
  }
  const literals = values.map((value) => ts.factory.createLiteralTypeNode(ts.factory.createStringLiteral(value)));
  return ts.factory.createUnionTypeNode([...literals, OPEN_STRING]);
}

async function generate(input, output) {
  const ast = await openapiTS(pathToFileURL(input), { transform: openEnum, silent: true });
  await writeFile(output, `${COMMENT_HEADER}${astToString(ast)}`, "utf8");
}

const args = process.argv.slice(2);
if (args.length === 0 || args.length % 2 !== 0) {
  console.error("usage: openapi-types.mjs <openapi.json> <openapi.d.ts> [...]");
  process.exit(2);
}
for (let index = 0; index < args.length; index += 2) {
  await readFile(args[index]); // a clear ENOENT before openapi-typescript's own message
  await generate(args[index], args[index + 1]);
}
