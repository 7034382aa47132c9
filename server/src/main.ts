import "reflect-metadata";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { loadConfig, type AppConfig } from "./config";
import { openDatabase } from "./database/database";
import { buildAppSchema } from "./graphql/schema";
import { createHttpApp } from "./http/app";
import { seedDemoData, hasUsers } from "./seed/seed";
import { createServices } from "./services";

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export type StartOptions = Partial<AppConfig> & { onQuery?: (sql: string) => void };

/** Composition root: config -> database (migrated, seeded when asked) -> schema -> http -> listen. */
export async function startServer(overrides: StartOptions = {}): Promise<RunningServer> {
  // Overrides that loadConfig itself depends on are fed to it as environment, so it validates them.
  const env = {
    ...process.env,
    ...("databaseUrl" in overrides ? { DATABASE_URL: overrides.databaseUrl ?? "" } : {}),
    ...(overrides.sqlitePath ? { SQLITE_PATH: overrides.sqlitePath } : {}),
    ...(overrides.jwtSecret ? { JWT_SECRET: overrides.jwtSecret } : {}),
  };
  const { onQuery, ...configOverrides } = overrides;
  const config: AppConfig = { ...loadConfig(env), ...configOverrides };
  const logger = pino({ level: config.logLevel });
  const db = await openDatabase({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath, onQuery });
  await db.migrate();
  const services = createServices(db, config, (error) => logger.error({ err: error }, "background anomaly detection failed"));
  // The embedded database is a demo/trial install: it fills itself on first start. MySQL only on request.
  if ((config.seedDemo || !config.databaseUrl) && !(await hasUsers(db))) {
    await seedDemoData(db, { seedNumber: config.seedNumber, historyDays: config.demoHistoryDays });
    logger.info("demo data seeded");
  }
  await services.summary.ensureHorizon();
  if (config.anomalyNightlyAt) services.nightlyDetection.start();
  const schema = await buildAppSchema();
  const { app, apollo } = await createHttpApp(config, schema, services, logger);
  const server = await new Promise<import("node:http").Server>((resolve) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
  });
  // Longer than the idle timeouts of load balancers and HTTP clients, so that a reused idle
  // connection is never closed under a request in flight (ECONNRESET).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const { port } = server.address() as AddressInfo;
  const host = config.host === "0.0.0.0" ? "127.0.0.1" : config.host;
  logger.info({ port, database: db.dialect }, `LAPERA+ listening on http://${host}:${port} (GraphQL /graphql, back-office /admin)`);
  return {
    url: `http://${host}:${port}`,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await apollo.stop();
      await services.nightlyDetection.stop();
      await services.incrementalDetection.stop();
      await db.close();
    },
  };
}

if (require.main === module) {
  startServer().then(
    (server) => {
      const stop = () => void server.close().then(() => process.exit(0));
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
