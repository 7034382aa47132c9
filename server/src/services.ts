import type { AppConfig } from "./config";
import type { Database } from "./database/database";
import { AuditService } from "./modules/audit/audit.service";
import { AuthService } from "./modules/auth/auth.service";
import { LoginLimiter } from "./modules/auth/login-limiter";
import { TokenService } from "./modules/auth/token.service";
import { UserService } from "./modules/auth/user.service";
import { MarketScopeService } from "./modules/markets/market-scope.service";
import {
  CollectorAssignmentService, MarketService, RevenueTargetService, StallPermitService, StallService, TariffService,
  TicketBookService, TraderService,
} from "./modules/markets/market.services";

/** The application's services, built once per process; they hold no per-request state. */
export function createServices(db: Database, config: AppConfig) {
  const audit = new AuditService();
  const tokens = new TokenService(config.jwtSecret, config.accessTokenTtlSeconds, config.refreshTokenTtlDays);
  const limiter = new LoginLimiter({
    maxFailuresPerUsername: config.loginMaxFailuresPerUsername,
    maxFailuresPerIp: config.loginMaxFailuresPerIp,
    windowSeconds: config.loginWindowSeconds,
  });
  const page = config.maxPageSize;
  return {
    db,
    audit,
    tokens,
    auth: new AuthService(db, tokens, limiter, audit),
    scope: new MarketScopeService(db),
    users: new UserService(db, audit, page),
    markets: new MarketService(db, audit, page),
    stalls: new StallService(db, audit, page),
    traders: new TraderService(db, audit, page),
    stallPermits: new StallPermitService(db, audit, page),
    tariffs: new TariffService(db, audit, page),
    collectorAssignments: new CollectorAssignmentService(db, audit, page),
    ticketBooks: new TicketBookService(db, audit, page),
    revenueTargets: new RevenueTargetService(db, audit, page),
  };
}

export type Services = ReturnType<typeof createServices>;
