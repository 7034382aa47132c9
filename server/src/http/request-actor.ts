import type { Request } from "express";
import type { Actor } from "../modules/auth/actor";
import type { Services } from "../services";

function bearer(req: Request): string | null {
  const header = req.headers.authorization ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : null;
}

/** Who sent a request, from its bearer token (anonymous without one), as GraphQL and downloads see it. */
export async function requestActor(req: Request, services: Services): Promise<Actor> {
  const token = bearer(req);
  const user = token ? await services.auth.authenticate(token) : null;
  let scope: Promise<number[] | null> | undefined;
  return {
    user,
    requestId: String(req.id),
    ip: req.ip ?? "unknown",
    marketScope: () => (scope ??= services.scope.scopeFor(user)),
  };
}
