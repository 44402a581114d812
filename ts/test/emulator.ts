// An emulator started the way a user starts one, `withdrawal-apis sandbox <provider> --port <port>`,
// then emptied and seeded with the test's own credentials and balances through its control API.
// The command comes from WITHDRAWAL_APIS_CLI (default: `withdrawal-apis` on the PATH).
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";

const STARTUP_MS = 30_000;
const ATTEMPTS = 3; // a free port can be taken between finding it and the emulator binding it

export interface Emulator {
  readonly baseUrl: string;
  // POST to the control API (`/_sandbox/...`); throws unless the answer is a 2xx.
  control(path: string, body?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (address === null || typeof address === "string") throw new Error("no TCP port was assigned");
  return address.port;
}

async function ready(baseUrl: string, child: ChildProcess): Promise<boolean> {
  const deadline = Date.now() + STARTUP_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    try {
      if ((await fetch(`${baseUrl}/_sandbox/clock`)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the emulator at ${baseUrl} did not answer within ${STARTUP_MS / 1000}s`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

async function post(baseUrl: string, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body ?? {}),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${path}: HTTP ${response.status} ${text}`);
  return text === "" ? undefined : (JSON.parse(text) as unknown);
}

// `seed` follows the control API's Seed schema; `args` are extra CLI flags (e.g. `--advance instant`).
export async function startEmulator(provider: string, seed: unknown, args: string[] = []): Promise<Emulator> {
  const command = process.env["WITHDRAWAL_APIS_CLI"] ?? "withdrawal-apis";
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    // --test-mode: the emulator also checks every answer it sends against the spec.
    const flags = ["sandbox", provider, "--port", String(port), "--test-mode", ...args];
    // stdout carries the demo seed's credentials, which the reset below discards: not kept.
    const child = spawn(command, flags, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    try {
      if (!(await ready(baseUrl, child))) {
        if (attempt < ATTEMPTS) continue;
        throw new Error(`${command} ${flags.join(" ")} exited:\n${stderr}`);
      }
      await post(baseUrl, "/_sandbox/reset", undefined);
      await post(baseUrl, "/_sandbox/seed", seed);
    } catch (error) {
      await stopProcess(child);
      throw error;
    }
    return {
      baseUrl,
      control: (path, body) => post(baseUrl, path, body),
      stop: () => stopProcess(child),
    };
  }
  throw new Error("unreachable");
}
