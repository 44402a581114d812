// Login-then-bearer auth as openapi-fetch middleware (kamiPay and 1Konto): log in on first use,
// again shortly before the token expires, and once more when a request is still answered 401.
import type { Middleware } from "openapi-fetch";
import { expiresAt } from "./jwt.js";

/** A refused login. It carries the status only: the answer's body may echo what was sent. */
export class LoginFailed extends Error {
  readonly status: number;

  constructor(status: number) {
    super(`login refused with HTTP ${status}`);
    this.name = "LoginFailed";
    this.status = status;
  }
}

export interface LoginPolicy {
  /** Logs in and returns the new token; throws LoginFailed when refused. */
  login: () => Promise<string>;
  /** Log in again this many seconds before the token's `exp`. */
  renewBeforeSeconds: number;
  /** The lifetime to assume when the token has no readable `exp`. */
  assumedLifetimeSeconds: number;
  /** Milliseconds since the Unix epoch. */
  clock?: (() => number) | undefined;
}

/** `Authorization: Bearer <token>` on every request, from the policy's login. */
export function loginBearer(policy: LoginPolicy): Middleware {
  const clock = policy.clock ?? Date.now;
  let session: { token: string; renewAt: number } | undefined;
  let pending: Promise<string> | undefined;
  // Each request's copy, kept until its answer shows whether it must be sent again.
  const sent = new Map<string, { copy: Request; token: string }>();

  // One login at a time: concurrent requests wait for the same one.
  function login(): Promise<string> {
    pending ??= policy
      .login()
      .then((token) => {
        const expiry = expiresAt(token) ?? clock() / 1000 + policy.assumedLifetimeSeconds;
        session = { token, renewAt: expiry - policy.renewBeforeSeconds };
        return token;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  }

  async function token(): Promise<string> {
    return session !== undefined && clock() / 1000 < session.renewAt ? session.token : login();
  }

  return {
    async onRequest({ request, id }) {
      const bearer = await token();
      request.headers.set("Authorization", `Bearer ${bearer}`);
      sent.set(id, { copy: request.clone(), token: bearer });
      return request;
    },
    async onResponse({ response, id, options }) {
      const first = sent.get(id);
      sent.delete(id);
      if (first === undefined || response.status !== 401) return undefined;
      // Another request may have logged in since this one was sent; otherwise log in now.
      const bearer = session !== undefined && session.token !== first.token ? session.token : await login();
      first.copy.headers.set("Authorization", `Bearer ${bearer}`);
      return options.fetch(first.copy); // its answer stands, 401 or not: no loop
    },
    onError({ id }) {
      sent.delete(id);
    },
  };
}
