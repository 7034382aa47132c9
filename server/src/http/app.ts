import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import compression from "compression";
import express, { type Request } from "express";
import type { GraphQLSchema } from "graphql";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";
import type { AppConfig } from "../config";
import type { GraphQLContext } from "../graphql/context";
import { createErrorFormatter } from "../graphql/format-error";
import { queryLimits } from "../graphql/limits";
import { createLoaders } from "../graphql/loaders";
import type { Services } from "../services";
import { paymentWebhookRouter } from "./payment-webhook";
import { reportDownloadRouter } from "./report-download";
import { requestActor } from "./request-actor";

export interface HttpApp {
  app: express.Express;
  apollo: ApolloServer<GraphQLContext>;
}

export async function createHttpApp(config: AppConfig, schema: GraphQLSchema, services: Services, logger: Logger): Promise<HttpApp> {
  const app = express();
  app.disable("x-powered-by");
  // ETags on GraphQL POST answers are never used for revalidation and hash every response body;
  // the back-office's static files keep theirs (express.static sets its own).
  app.set("etag", false);
  app.set("trust proxy", config.trustProxy);
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const given = req.headers["x-request-id"];
        const id = typeof given === "string" && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
        res.setHeader("x-request-id", id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === "/healthz" },
    }),
  );

  // Answers go out compressed when the client asks: the back-office's initial script is ~1.5 MB
  // (~0.47 MB gzip) and a collection sheet of 2 000 stalls ~0.3 MB of JSON, on a phone with a weak
  // signal in a market.
  app.use(compression());

  app.get("/healthz", async (_req, res) => {
    const ok = await services.db.ping();
    res.status(ok ? 200 : 503).json({ status: ok ? "ok" : "unavailable" });
  });

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    validationRules: [queryLimits(config.maxQueryDepth, config.maxAliases)],
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // The default cache-control plugin wraps every field resolver to compute HTTP cache hints we never
    // send (all answers are per-user); on a 4 800-field revenue report it cost more than the query.
    plugins: [ApolloServerPluginCacheControlDisabled()],
  });
  await apollo.start();

  app.use(
    "/graphql",
    express.json({ limit: `${config.graphqlBodyLimitMb}mb` }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<GraphQLContext> => ({ actor: await requestActor(req, services), services, loaders: createLoaders(services) }),
    }),
  );

  app.use(paymentWebhookRouter(config, services));
  app.use(reportDownloadRouter(services, logger));

  const adminIndex = join(config.adminDistPath, "index.html");
  // Hashed assets never change; index.html and the service worker are revalidated on every load so
  // that a new release is picked up at once.
  app.use("/admin/assets", express.static(join(config.adminDistPath, "assets"), { index: false, immutable: true, maxAge: "365d", fallthrough: false }));
  app.use("/admin", express.static(config.adminDistPath, { index: false, maxAge: 0 }));
  app.get(/^\/admin(\/.*)?$/, (_req, res) => {
    if (existsSync(adminIndex)) res.sendFile(adminIndex);
    else res.status(503).type("text/plain").send("The back-office is not built; run `npm run build`.");
  });
  app.get("/", (_req, res) => res.redirect("/admin/"));

  app.use((_req, res) => res.status(404).json({ error: "Not found" }));
  app.use((error: unknown, req: Request, res: express.Response, _next: express.NextFunction) => {
    req.log?.error({ err: error }, "request failed");
    const status = (error as { status?: number }).status ?? 500;
    res.status(status >= 400 && status < 500 ? status : 500).json({ error: status < 500 ? "Bad request" : "Internal server error" });
  });
  return { app, apollo };
}
