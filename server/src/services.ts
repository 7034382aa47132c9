import type { AppConfig } from "./config";
import type { Database } from "./database/database";
import { AnomalyService } from "./modules/anomalies/anomaly.service";
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
import { BankStatementService } from "./modules/payments/bank-statement.service";
import { TicketReturnService } from "./modules/markets/ticket-return.service";
import { BillService } from "./modules/payments/bill.service";
import { PaymentService } from "./modules/payments/payment.service";
import { StatementLineService } from "./modules/payments/statement-line.service";
import { DailyReportService } from "./modules/receipts/daily-report.service";
import { DepositService } from "./modules/receipts/deposit.service";
import { ReceiptService } from "./modules/receipts/receipt.service";
import { RevenueReportService } from "./modules/revenue/revenue-report.service";
import { RevenueSummaryService } from "./modules/revenue/revenue-summary.service";

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
  const summary = new RevenueSummaryService(db);
  const bills = new BillService(db, page, audit, {
    dueDay: config.billDueDay,
    percentPerMonth: config.billPenaltyPercentPerMonth,
    maxMonths: config.billPenaltyMaxMonths,
  });
  return {
    db,
    audit,
    tokens,
    auth: new AuthService(db, tokens, limiter, audit),
    scope: new MarketScopeService(db),
    users: new UserService(db, audit, page),
    markets: new MarketService(db, audit, page, summary),
    stalls: new StallService(db, audit, page, summary),
    traders: new TraderService(db, audit, page),
    stallPermits: new StallPermitService(db, audit, page, summary),
    tariffs: new TariffService(db, audit, page, summary),
    collectorAssignments: new CollectorAssignmentService(db, audit, page),
    ticketBooks: new TicketBookService(db, audit, page),
    ticketReturns: new TicketReturnService(db, page, audit),
    revenueTargets: new RevenueTargetService(db, audit, page),
    summary,
    revenue: new RevenueReportService(db, summary),
    dailyReports: new DailyReportService(db, page, audit, summary, {
      reportWindowDays: config.reportWindowDays,
      maxReceiptsPerReport: config.maxReceiptsPerReport,
    }),
    receipts: new ReceiptService(db, page),
    deposits: new DepositService(db, page, audit, summary),
    bills,
    payments: new PaymentService(db, page, audit, summary, bills),
    bankStatements: new BankStatementService(db, page, audit, { maxLines: config.statementMaxLines, mapping: config.statementColumns }),
    statementLines: new StatementLineService(db, page),
    anomalies: new AnomalyService(db, page, audit, config.anomalyThresholds, config.holidays),
  };
}

export type Services = ReturnType<typeof createServices>;
