/** Enum choices; `name` is a translation key (SelectInput / SelectField translate it). */
const choicesOf = (enumName: string, values: readonly string[]) =>
  values.map((value) => ({ id: value, name: `app.enum.${enumName}.${value}` }));

export const STALL_KINDS = ["KIOS", "LOS", "PELATARAN", "LAPAK", "OTHER"] as const;
export const STALL_STATUSES = ["ACTIVE", "INACTIVE"] as const;
export const MARKET_STATUSES = ["ACTIVE", "INACTIVE"] as const;
export const MARKET_CLASSES = ["I", "II", "III"] as const;
export const TARIFF_BASES = ["PER_M2_PER_DAY", "PER_UNIT_PER_DAY", "PER_UNIT_PER_MONTH"] as const;
export const ROLES = [
  "ADMIN",
  "OFFICER",
  "MARKET_HEAD",
  "COLLECTOR",
  "TREASURER",
  "REVENUE_OFFICER",
  "AUDITOR",
  "AGENCY_EDITOR",
] as const;

export const DAILY_REPORT_STATUSES = ["SUBMITTED", "REJECTED"] as const;
export const DEPOSIT_STATUSES = ["PENDING", "VERIFIED", "REJECTED"] as const;
export const BILL_STATUSES = ["UNPAID", "PAID", "CANCELLED"] as const;
export const PAYMENT_CHANNELS = ["QRIS", "VIRTUAL_ACCOUNT", "TELLER", "EDC", "AUTODEBIT"] as const;
export const PAYMENT_MATCH_STATUSES = ["MATCHED", "AMOUNT_MISMATCH", "UNKNOWN_CODE", "BILL_ALREADY_PAID"] as const;
export const PAYMENT_SOURCES = ["API", "WEBHOOK"] as const;
export const BANK_STATEMENT_STATUSES = ["IMPORTING", "COMPLETED"] as const;
export const STATEMENT_MATCH_STATUSES = ["MATCHED", "UNMATCHED", "NOT_APPLICABLE"] as const;

export const dailyReportStatusChoices = choicesOf("DailyReportStatus", DAILY_REPORT_STATUSES);
export const depositStatusChoices = choicesOf("DepositStatus", DEPOSIT_STATUSES);
export const billStatusChoices = choicesOf("BillStatus", BILL_STATUSES);
export const paymentChannelChoices = choicesOf("PaymentChannel", PAYMENT_CHANNELS);
export const paymentMatchStatusChoices = choicesOf("PaymentMatchStatus", PAYMENT_MATCH_STATUSES);
export const paymentSourceChoices = choicesOf("PaymentSource", PAYMENT_SOURCES);
export const bankStatementStatusChoices = choicesOf("BankStatementStatus", BANK_STATEMENT_STATUSES);
export const statementMatchStatusChoices = choicesOf("StatementMatchStatus", STATEMENT_MATCH_STATUSES);
export const stallKindChoices = choicesOf("StallKind", STALL_KINDS);
export const stallStatusChoices = choicesOf("StallStatus", STALL_STATUSES);
export const marketStatusChoices = choicesOf("MarketStatus", MARKET_STATUSES);
export const marketClassChoices = choicesOf("MarketClass", MARKET_CLASSES);
export const tariffBasisChoices = choicesOf("TariffBasis", TARIFF_BASES);
export const roleChoices = choicesOf("Role", ROLES);

export type ChipColor = "default" | "primary" | "secondary" | "success" | "warning" | "error" | "info";

/** Colours of states in lists: green settled, amber waiting, red needs follow-up. */
export const BILL_STATUS_COLORS: Record<string, ChipColor> = { UNPAID: "warning", PAID: "success", CANCELLED: "default" };
export const PAYMENT_MATCH_COLORS: Record<string, ChipColor> = {
  MATCHED: "success",
  AMOUNT_MISMATCH: "warning",
  UNKNOWN_CODE: "error",
  BILL_ALREADY_PAID: "warning",
};
export const BANK_STATEMENT_STATUS_COLORS: Record<string, ChipColor> = { IMPORTING: "info", COMPLETED: "success" };
export const STATEMENT_MATCH_COLORS: Record<string, ChipColor> = { MATCHED: "success", UNMATCHED: "error", NOT_APPLICABLE: "default" };

/** Anomaly queue. */
export const ANOMALY_SEVERITIES = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;
export const ANOMALY_STATUSES = ["OPEN", "ACKNOWLEDGED", "RESOLVED", "AUTO_RESOLVED"] as const;
export const ANOMALY_RESOLUTIONS = ["CONFIRMED_LEAKAGE", "FALSE_POSITIVE", "CORRECTED"] as const;
export const anomalySeverityChoices = choicesOf("AnomalySeverity", ANOMALY_SEVERITIES);
export const anomalyStatusChoices = choicesOf("AnomalyStatus", ANOMALY_STATUSES);
export const anomalyResolutionChoices = choicesOf("AnomalyResolution", ANOMALY_RESOLUTIONS);
/** Low is informational, medium amber, high and critical red (critical filled dark in the chip). */
export const ANOMALY_SEVERITY_COLORS: Record<string, ChipColor> = { LOW: "info", MEDIUM: "warning", HIGH: "error", CRITICAL: "error" };
export const ANOMALY_STATUS_COLORS: Record<string, ChipColor> = {
  OPEN: "error",
  ACKNOWLEDGED: "warning",
  RESOLVED: "success",
  AUTO_RESOLVED: "default",
};
export const ANOMALY_RESOLUTION_COLORS: Record<string, ChipColor> = { CONFIRMED_LEAKAGE: "error", FALSE_POSITIVE: "default", CORRECTED: "success" };

/** Public-service inventory (issue 6). */
export const AGENCY_KINDS = [
  "DINAS",
  "BADAN",
  "SECRETARIAT",
  "KECAMATAN",
  "PUSKESMAS",
  "RSUD",
  "BUMD",
  "VERTICAL",
  "BANK",
  "OTHER",
] as const;
export const TIME_UNITS = ["MINUTES", "HOURS", "DAYS", "WORKING_DAYS"] as const;
export const agencyKindChoices = choicesOf("AgencyKind", AGENCY_KINDS);
export const timeUnitChoices = choicesOf("TimeUnit", TIME_UNITS);
