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

export const dailyReportStatusChoices = choicesOf("DailyReportStatus", DAILY_REPORT_STATUSES);
export const depositStatusChoices = choicesOf("DepositStatus", DEPOSIT_STATUSES);
export const stallKindChoices = choicesOf("StallKind", STALL_KINDS);
export const stallStatusChoices = choicesOf("StallStatus", STALL_STATUSES);
export const marketStatusChoices = choicesOf("MarketStatus", MARKET_STATUSES);
export const marketClassChoices = choicesOf("MarketClass", MARKET_CLASSES);
export const tariffBasisChoices = choicesOf("TariffBasis", TARIFF_BASES);
export const roleChoices = choicesOf("Role", ROLES);
