// JSON whose numbers are read as their decimal text. kamiPay and 1Konto send amounts and balances as
// JSON numbers; JSON.parse would turn 0.359166074094801060 into the nearest binary float.

/** `T` with every number replaced by its decimal string. */
export type Exact<T> = T extends number
  ? string
  : T extends readonly (infer Item)[]
    ? Exact<Item>[]
    : T extends object
      ? { [Key in keyof T]: Exact<T[Key]> }
      : T;

// A string token, or a number token outside any string. Scanning left to right, a string is always
// matched whole, so digits inside strings never reach the number branch.
const TOKEN = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/** JSON.parse, except that every number comes back as the exact text it was written with. */
export function parseExact<T>(text: string): Exact<T> {
  return JSON.parse(text.replace(TOKEN, (token) => (token.startsWith('"') ? token : `"${token}"`))) as Exact<T>;
}

/** An openapi-fetch answer read with `parseAs: "text"`, its success body parsed exactly. */
export type ExactResult<T, E> =
  | { data: Exact<T>; error?: never; response: Response }
  | { data?: never; error: E; response: Response };

export async function readExact<T, E>(
  pending: Promise<{ data?: string | undefined; error?: E | undefined; response: Response }>,
): Promise<ExactResult<T, E>> {
  const { data, error, response } = await pending;
  if (data === undefined) return { error: error as E, response };
  return { data: parseExact<T>(data), response };
}
