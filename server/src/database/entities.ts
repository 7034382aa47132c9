import { Anomaly } from "../modules/anomalies/anomaly.entity";
import { AnomalyEvent } from "../modules/anomalies/anomaly-event.entity";
import { DetectionRun } from "../modules/anomalies/detection-run.entity";
import { AuditEntry } from "../modules/audit/audit-entry.entity";
import { LoginAttempt } from "../modules/auth/login-attempt.entity";
import { RefreshToken } from "../modules/auth/refresh-token.entity";
import { User } from "../modules/auth/user.entity";
import { CollectorAssignment } from "../modules/markets/collector-assignment.entity";
import { Market } from "../modules/markets/market.entity";
import { RevenueTarget } from "../modules/markets/revenue-target.entity";
import { StallPermit } from "../modules/markets/stall-permit.entity";
import { Stall } from "../modules/markets/stall.entity";
import { Tariff } from "../modules/markets/tariff.entity";
import { TicketBook } from "../modules/markets/ticket-book.entity";
import { TicketReturn } from "../modules/markets/ticket-return.entity";
import { Trader } from "../modules/markets/trader.entity";
import { BankStatement } from "../modules/payments/bank-statement.entity";
import { Bill } from "../modules/payments/bill.entity";
import { Payment } from "../modules/payments/payment.entity";
import { StatementLine } from "../modules/payments/statement-line.entity";
import { DailyReport } from "../modules/receipts/daily-report.entity";
import { DepositReport } from "../modules/receipts/deposit-report.entity";
import { Deposit } from "../modules/receipts/deposit.entity";
import { Receipt } from "../modules/receipts/receipt.entity";
import { CalendarDay } from "../modules/revenue/calendar-day.entity";
import { DailyMarketSummary } from "../modules/revenue/daily-market-summary.entity";
import { SummaryHorizon } from "../modules/revenue/summary-horizon.entity";
import { JobLock } from "./job-lock.entity";
import { Agency } from "../modules/public-services/agency.entity";
import { PublicService } from "../modules/public-services/public-service.entity";
import { ServiceStandard } from "../modules/public-services/service-standard.entity";
import { ServiceVenue } from "../modules/public-services/service-venue.entity";
import { VenueCounter } from "../modules/public-services/venue-counter.entity";
import { VenueCounterService } from "../modules/public-services/venue-counter-service.entity";
import { Facility } from "../modules/public-services/facility.entity";
import { VenueVisits } from "../modules/public-services/venue-visits.entity";
import { ComplianceAssessment } from "../modules/compliance/compliance-assessment.entity";
import { ComplianceTarget } from "../modules/compliance/compliance-target.entity";
import { CompliancePublishedAverage } from "../modules/compliance/compliance-published-average.entity";
import { Innovation } from "../modules/public-services/innovation.entity";
import { InnovationMarketLink, InnovationServiceLink } from "../modules/public-services/innovation-link.entity";
import { ServiceDeliveryMode } from "../modules/public-services/delivery-mode.entity";
import { Complaint } from "../modules/complaints/complaint.entity";
import { ComplaintFollowUp } from "../modules/complaints/complaint-follow-up.entity";

export const ENTITIES = [
  User,
  RefreshToken,
  LoginAttempt,
  AuditEntry,
  Market,
  Stall,
  Trader,
  StallPermit,
  Tariff,
  CollectorAssignment,
  TicketBook,
  TicketReturn,
  RevenueTarget,
  DailyReport,
  Receipt,
  Deposit,
  DepositReport,
  DailyMarketSummary,
  SummaryHorizon,
  CalendarDay,
  Bill,
  Payment,
  BankStatement,
  StatementLine,
  Anomaly,
  AnomalyEvent,
  DetectionRun,
  JobLock,
  Agency,
  PublicService,
  ServiceStandard,
  ServiceVenue,
  VenueCounter,
  VenueCounterService,
  Facility,
  VenueVisits,
  ComplianceAssessment,
  ComplianceTarget,
  CompliancePublishedAverage,
  Complaint,
  ComplaintFollowUp,
  Innovation,
  InnovationServiceLink,
  InnovationMarketLink,
  ServiceDeliveryMode,
];
