import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { Agent, request } from "node:http";
import { createServer } from "node:net";
import { join } from "node:path";
import type { TestDatabase } from "../support/test-database";
import { TEST_SECRET } from "../support/api-client";

const MAIN = join(__dirname, "../../server/dist/main.js");

export interface ProductionServer {
  url: string;
  pid: number;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The built server in a process of its own, configured as the Dockerfile runs it (NODE_ENV=production,
 * request logging on): timings are the deployed server's, not those of code running inside jest's
 * module sandbox, and the load generator does not share the server's CPU.
 */
export async function startProductionServer(db: TestDatabase, extraEnv: Record<string, string> = {}): Promise<ProductionServer> {
  if (!existsSync(MAIN)) throw new Error("server/dist is missing: npm run bench builds it first");
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      SQLITE_PATH: db.sqlitePath,
      DATABASE_URL: db.databaseUrl ?? "",
      JWT_SECRET: TEST_SECRET,
      MAX_PAGE_SIZE: "1000",
      LOG_LEVEL: "info",
      ...extraEnv,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 300) throw new Error("the server did not answer /healthz within 30 s");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    pid: child.pid!,
    close: async () => {
      agent.destroy();
      child.kill("SIGTERM");
      await exited;
    },
  };
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/**
 * POSTs JSON with node's own HTTP client on kept-alive connections: fetch inside jest's sandbox adds
 * milliseconds per request that would be counted against the API.
 */
export function postJson(url: string, body: string, token?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: "POST",
      agent,
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}
