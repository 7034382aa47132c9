import type { AppConfig } from "./config";
import type { Database } from "./database/database";
import { JobLocks } from "./database/job-lock";
import { AnomalyService } from "./modules/anomalies/anomaly.service";
import { IncrementalDetection } from "./modules/anomalies/incremental-detection";
import { NightlyDetection } from "./modules/anomalies/nightly-detection";
import { AgencyService } from "./modules/public-services/agency.service";
import { CatalogueService } from "./modules/public-services/catalogue.service";
import { PublicServiceService } from "./modules/public-services/public-service.service";
import { StandardService } from "./modules/public-services/standard.service";
import { ServiceVenueService } from "./modules/public-services/service-venue.service";
import { VenueCounterService } from "./modules/public-services/venue-counter.service";
import { FacilityService } from "./modules/public-services/facility.service";
import { VenueVisitsService } from "./modules/public-services/venue-visits.service";
import { InnovationService } from "./modules/public-services/innovation.service";
import { DeliveryModeService } from "./modules/public-services/delivery-mode.service";
import { ComplianceAssessmentService, CompliancePublishedAverageService, ComplianceTargetService } from "./modules/compliance/compliance.services";
import { ComplianceSummaryService } from "./modules/compliance/compliance-summary.service";
import { ComplaintService } from "./modules/complaints/complaint.service";
import { ComplaintWorkflowService } from "./modules/complaints/complaint-workflow.service";
import { ComplaintPerformanceService } from "./modules/complaints/complaint-performance.service";
import type { ComplaintSlaRules } from "./modules/complaints/complaint-sla";
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
import { CollectionSheetService } from "./modules/receipts/collection-sheet.service";
import { DailyReportService } from "./modules/receipts/daily-report.service";
import { DepositService } from "./modules/receipts/deposit.service";
import { ReceiptService } from "./modules/receipts/receipt.service";
import { MarketMonitorService } from "./modules/revenue/market-monitor.service";
import { ReportService } from "./modules/reports/report.service";
import { MarketDigitalisationService } from "./modules/revenue/digitalisation.service";
import { RevenueReportService } from "./modules/revenue/revenue-report.service";
import { RevenueSummaryService } from "./modules/revenue/revenue-summary.service";

/**
 * The application's services, built once per process; they hold no per-request state.
 * `onBackgroundError` hears failures of work done off the request path (anomaly detection).
 */
export function createServices(db: Database, config: AppConfig, onBackgroundError: (error: unknown) => void = console.error) {
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
  const revenue = new RevenueReportService(db, summary);
  const anomalies = new AnomalyService(db, page, audit, config.anomalyThresholds, config.holidays);
  const incrementalDetection = new IncrementalDetection(anomalies, config.anomalyIncrementalDelayMs, onBackgroundError);
  const nightlyDetection = new NightlyDetection(anomalies, new JobLocks(db), { at: config.anomalyNightlyAt ?? "02:00", days: config.anomalyNightlyDays }, onBackgroundError);
  const catalogue = new CatalogueService(db, page);
  const publicServices = new PublicServiceService(db, audit, page);
  const complaintSla: ComplaintSlaRules = {
    verifyWorkingDays: config.complaintVerifyWorkingDays, followUpWorkingDays: config.complaintFollowUpWorkingDays,
    resolveDays: config.complaintResolveDays, holidays: new Set(config.holidays),
  };
  const markets = new MarketService(db, audit, page, summary);
  const agencies = new AgencyService(db, audit, page);
  const scope = new MarketScopeService(db);
  return {
    db,
    audit,
    tokens,
    auth: new AuthService(db, tokens, limiter, audit),
    scope,
    users: new UserService(db, audit, page),
    markets,
    stalls: new StallService(db, audit, page, summary),
    traders: new TraderService(db, audit, page),
    stallPermits: new StallPermitService(db, audit, page, summary),
    tariffs: new TariffService(db, audit, page, summary),
    collectorAssignments: new CollectorAssignmentService(db, audit, page),
    ticketBooks: new TicketBookService(db, audit, page),
    ticketReturns: new TicketReturnService(db, page, audit, incrementalDetection),
    revenueTargets: new RevenueTargetService(db, audit, page),
    summary,
    revenue,
    reports: new ReportService(db, revenue),
    digitalisation: new MarketDigitalisationService(db, revenue),
    marketMonitor: new MarketMonitorService(db),
    dailyReports: new DailyReportService(db, page, audit, summary, {
      reportWindowDays: config.reportWindowDays,
      maxReceiptsPerReport: config.maxReceiptsPerReport,
    }, incrementalDetection),
    receipts: new ReceiptService(db, page),
    deposits: new DepositService(db, page, audit, summary, incrementalDetection),
    collectionSheets: new CollectionSheetService(db),
    bills,
    payments: new PaymentService(db, page, audit, summary, bills, incrementalDetection),
    bankStatements: new BankStatementService(db, page, audit, { maxLines: config.statementMaxLines, mapping: config.statementColumns }, incrementalDetection),
    statementLines: new StatementLineService(db, page),
    anomalies,
    catalogue,
    agencies,
    publicServices,
    standards: new StandardService(db, audit, publicServices),
    serviceVenues: new ServiceVenueService(db, audit, page),
    venueCounters: new VenueCounterService(db, audit, page),
    facilities: new FacilityService(db, audit, page),
    venueVisits: new VenueVisitsService(db, audit, page),
    innovations: new InnovationService(db, audit, page, scope),
    deliveryModes: new DeliveryModeService(db, audit, publicServices),
    compliance: new ComplianceSummaryService(db, config.complianceBands),
    complianceAssessments: new ComplianceAssessmentService(db, audit, page, agencies),
    complianceTargets: new ComplianceTargetService(db, audit, page),
    compliancePublishedAverages: new CompliancePublishedAverageService(db, audit, page),
    complaints: new ComplaintService(db, audit, page, complaintSla, { markets, anomalies }),
    complaintWorkflow: new ComplaintWorkflowService(db, audit, complaintSla, agencies),
    complaintPerformance: new ComplaintPerformanceService(db),
    incrementalDetection,
    nightlyDetection,
  };
}

export type Services = ReturnType<typeof createServices>;
