import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { isValidLocalDate } from "./common/local-date";
import { PaymentChannel } from "./modules/payments/payment.enums";
import { DEFAULT_COLUMN_MAPPING, parseColumnMapping, type ColumnMapping } from "./modules/payments/statement-csv";
import { parseComplianceBands, type CompliancePeriod } from "./modules/compliance/compliance-bands";

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";

export interface AppConfig {
  port: number;
  host: string;
  /** `mysql://user:pass@host:port/db`; absent means the embedded SQLite file. */
  databaseUrl?: string;
  sqlitePath: string;
  /** Seed demo data: always for a new SQLite file, only on request for MySQL. */
  seedDemo: boolean;
  seedNumber: number;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  loginMaxFailuresPerUsername: number;
  loginMaxFailuresPerIp: number;
  loginWindowSeconds: number;
  maxQueryDepth: number;
  maxAliases: number;
  maxPageSize: number;
  logLevel: LogLevel;
  adminDistPath: string;
  /** Collectors may submit reports for business dates this many days back; older needs an OFFICER. */
  reportWindowDays: number;
  maxReceiptsPerReport: number;
  /** Days of daily reports and deposits the demo seed generates, ending yesterday. */
  demoHistoryDays: number;
  /** SKRD of a month fall due on this day of the following month. */
  billDueDay: number;
  /** Late-payment interest: percent of the principal per started month late, and the most months counted. */
  billPenaltyPercentPerMonth: number;
  billPenaltyMaxMonths: number;
  /** HMAC-SHA256 secret of each payment channel's webhook; a channel without one has no webhook. */
  webhookSecrets: Partial<Record<PaymentChannel, string>>;
  /** How far a webhook's X-Timestamp may be from the server's clock. */
  webhookMaxSkewSeconds: number;
  /** Bank statement CSV headers, where the treasury bank's differ from the usual ones. */
  statementColumns: ColumnMapping;
  statementMaxLines: number;
  /** Overrides of detection rules' thresholds: rule code -> threshold name -> value. */
  anomalyThresholds: Record<string, Record<string, number>>;
  /** Public holidays and cuti bersama (YYYY-MM-DD), when deposits cannot be made. */
  holidays: string[];
  /** Time from a write until its market and day are re-checked for anomalies (later writes join that run). */
  anomalyIncrementalDelayMs: number;
  /** Asia/Jakarta HH:MM of the nightly full detection run; null: no nightly run in this process. */
  anomalyNightlyAt: string | null;
  /** Business days the nightly run covers, ending today. */
  anomalyNightlyDays: number;
  /** Ombudsman compliance score bands per period: the defaults with COMPLIANCE_BANDS laid over them. */
  complianceBands: CompliancePeriod[];
  /** SP4N-LAPOR! service levels: verify within N working days of receipt, first follow-up within N working days of disposition, resolve within N days of receipt. */
  complaintVerifyWorkingDays: number;
  complaintFollowUpWorkingDays: number;
  complaintResolveDays: number;
  /** Largest GraphQL request body; a 100 000-line bank statement is about 8 MB. */
  graphqlBodyLimitMb: number;
  /** Express "trust proxy" setting so that rate limits see the client's IP behind a load balancer. */
  trustProxy: boolean;
}

/** Every environment variable the app reads; docker-compose and the README name only these. */
export const ENV_NAMES = [
  "PORT",
  "HOST",
  "DATABASE_URL",
  "SQLITE_PATH",
  "SEED_DEMO",
  "SEED_NUMBER",
  "JWT_SECRET",
  "ACCESS_TOKEN_TTL_SECONDS",
  "REFRESH_TOKEN_TTL_DAYS",
  "LOGIN_MAX_FAILURES_PER_USERNAME",
  "LOGIN_MAX_FAILURES_PER_IP",
  "LOGIN_WINDOW_SECONDS",
  "MAX_QUERY_DEPTH",
  "MAX_ALIASES",
  "MAX_PAGE_SIZE",
  "LOG_LEVEL",
  "ADMIN_DIST_PATH",
  "TRUST_PROXY",
  "REPORT_WINDOW_DAYS",
  "MAX_RECEIPTS_PER_REPORT",
  "DEMO_HISTORY_DAYS",
  "BILL_DUE_DAY",
  "BILL_PENALTY_PERCENT_PER_MONTH",
  "BILL_PENALTY_MAX_MONTHS",
  "WEBHOOK_SECRET_QRIS",
  "WEBHOOK_SECRET_VIRTUAL_ACCOUNT",
  "WEBHOOK_SECRET_TELLER",
  "WEBHOOK_SECRET_EDC",
  "WEBHOOK_SECRET_AUTODEBIT",
  "WEBHOOK_MAX_SKEW_SECONDS",
  "BANK_STATEMENT_COLUMNS",
  "STATEMENT_MAX_LINES",
  "GRAPHQL_BODY_LIMIT_MB",
  "ANOMALY_THRESHOLDS",
  "HOLIDAYS",
  "ANOMALY_INCREMENTAL_DELAY_MS",
  "ANOMALY_NIGHTLY_AT",
  "ANOMALY_NIGHTLY_DAYS",
  "COMPLIANCE_BANDS",
  "COMPLAINT_VERIFY_WORKING_DAYS",
  "COMPLAINT_FOLLOW_UP_WORKING_DAYS",
  "COMPLAINT_RESOLVE_DAYS",
] as const;
export type EnvName = (typeof ENV_NAMES)[number];
type Env = Partial<Record<EnvName, string>>;

export class ConfigError extends Error {}

const LOG_LEVELS: readonly LogLevel[] = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];
const REPO_ROOT = resolve(__dirname, "..", "..");

function integer(env: Env, name: EnvName, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function flag(env: Env, name: EnvName): boolean {
  const raw = (env[name] ?? "").toLowerCase();
  if (raw === "" || raw === "0" || raw === "false") return false;
  if (raw === "1" || raw === "true") return true;
  throw new ConfigError(`${name} must be 1/true or 0/false, got "${raw}"`);
}

/**
 * The embedded database keeps a generated signing secret next to its file so tokens survive restarts;
 * a shared database (MySQL, several instances) must be given one secret for all instances.
 */
function embeddedJwtSecret(sqlitePath: string): string {
  const file = resolve(dirname(sqlitePath), ".jwt-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: Env = process.env as Env, argv: readonly string[] = process.argv): AppConfig {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^(mysql|mariadb):\/\//.test(databaseUrl)) {
    throw new ConfigError("DATABASE_URL must start with mysql:// or mariadb://");
  }
  const sqlitePath = resolve(env.SQLITE_PATH || resolve(REPO_ROOT, "data", "lapera.sqlite"));
  const logLevel = (env.LOG_LEVEL || "info") as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}`);

  let jwtSecret = env.JWT_SECRET ?? "";
  if (!jwtSecret) {
    if (databaseUrl) throw new ConfigError("JWT_SECRET is required when DATABASE_URL is set");
    jwtSecret = embeddedJwtSecret(sqlitePath);
  }
  if (jwtSecret.length < 32) throw new ConfigError("JWT_SECRET must be at least 32 characters");

  const webhookSecrets: Partial<Record<PaymentChannel, string>> = {};
  for (const channel of Object.values(PaymentChannel)) {
    const secret = env[`WEBHOOK_SECRET_${channel}`]?.trim();
    if (!secret) continue;
    if (secret.length < 16) throw new ConfigError(`WEBHOOK_SECRET_${channel} must be at least 16 characters`);
    webhookSecrets[channel] = secret;
  }
  let statementColumns = DEFAULT_COLUMN_MAPPING;
  try {
    statementColumns = parseColumnMapping(env.BANK_STATEMENT_COLUMNS ?? "");
  } catch (error) {
    throw new ConfigError(`BANK_STATEMENT_COLUMNS: ${(error as Error).message}`);
  }

  const anomalyThresholds: Record<string, Record<string, number>> = {};
  for (const part of (env.ANOMALY_THRESHOLDS ?? "").split(";").map((p) => p.trim()).filter(Boolean)) {
    const match = /^([A-Z_]+)\.(\w+)=(\d+)$/.exec(part);
    if (!match) throw new ConfigError(`ANOMALY_THRESHOLDS: "${part}" must be RULE_CODE.threshold=integer, e.g. LATE_SUBMISSION.maxDays=3`);
    anomalyThresholds[match[1]] = { ...anomalyThresholds[match[1]], [match[2]]: Number(match[3]) };
  }

  const holidays = (env.HOLIDAYS ?? "").split(",").map((d) => d.trim()).filter(Boolean);
  const badHoliday = holidays.find((d) => !isValidLocalDate(d));
  if (badHoliday) throw new ConfigError(`HOLIDAYS must be dates as YYYY-MM-DD separated by commas, got "${badHoliday}"`);

  let complianceBands: CompliancePeriod[];
  try {
    complianceBands = parseComplianceBands(env.COMPLIANCE_BANDS ?? "");
  } catch (error) {
    throw new ConfigError(`COMPLIANCE_BANDS: ${(error as Error).message}`);
  }

  const nightly = (env.ANOMALY_NIGHTLY_AT ?? "02:00").trim();
  if (nightly !== "off" && !/^([01]\d|2[0-3]):[0-5]\d$/.test(nightly)) {
    throw new ConfigError(`ANOMALY_NIGHTLY_AT must be HH:MM (Asia/Jakarta) or "off", got "${nightly}"`);
  }

  return {
    port: integer(env, "PORT", 4000, 0, 65535),
    host: env.HOST || "0.0.0.0",
    databaseUrl,
    sqlitePath,
    seedDemo: flag(env, "SEED_DEMO") || argv.includes("--demo"),
    seedNumber: integer(env, "SEED_NUMBER", 20240101, 0, 2 ** 31 - 1),
    jwtSecret,
    accessTokenTtlSeconds: integer(env, "ACCESS_TOKEN_TTL_SECONDS", 900, 5, 86400),
    refreshTokenTtlDays: integer(env, "REFRESH_TOKEN_TTL_DAYS", 30, 1, 365),
    loginMaxFailuresPerUsername: integer(env, "LOGIN_MAX_FAILURES_PER_USERNAME", 5, 1, 1000),
    loginMaxFailuresPerIp: integer(env, "LOGIN_MAX_FAILURES_PER_IP", 30, 1, 100000),
    loginWindowSeconds: integer(env, "LOGIN_WINDOW_SECONDS", 900, 1, 86400),
    maxQueryDepth: integer(env, "MAX_QUERY_DEPTH", 10, 2, 50),
    maxAliases: integer(env, "MAX_ALIASES", 30, 1, 1000),
    maxPageSize: integer(env, "MAX_PAGE_SIZE", 500, 10, 10000),
    logLevel,
    adminDistPath: resolve(env.ADMIN_DIST_PATH || resolve(REPO_ROOT, "admin", "dist")),
    trustProxy: flag(env, "TRUST_PROXY"),
    reportWindowDays: integer(env, "REPORT_WINDOW_DAYS", 7, 0, 366),
    maxReceiptsPerReport: integer(env, "MAX_RECEIPTS_PER_REPORT", 2000, 1, 20000),
    demoHistoryDays: integer(env, "DEMO_HISTORY_DAYS", 90, 0, 730),
    billDueDay: integer(env, "BILL_DUE_DAY", 15, 1, 31),
    billPenaltyPercentPerMonth: integer(env, "BILL_PENALTY_PERCENT_PER_MONTH", 1, 0, 100),
    billPenaltyMaxMonths: integer(env, "BILL_PENALTY_MAX_MONTHS", 24, 0, 600),
    webhookSecrets,
    webhookMaxSkewSeconds: integer(env, "WEBHOOK_MAX_SKEW_SECONDS", 300, 10, 3600),
    statementColumns,
    statementMaxLines: integer(env, "STATEMENT_MAX_LINES", 200_000, 1, 1_000_000),
    graphqlBodyLimitMb: integer(env, "GRAPHQL_BODY_LIMIT_MB", 32, 1, 256),
    anomalyThresholds,
    holidays,
    anomalyIncrementalDelayMs: integer(env, "ANOMALY_INCREMENTAL_DELAY_MS", 2000, 0, 600_000),
    anomalyNightlyAt: nightly === "off" ? null : nightly,
    anomalyNightlyDays: integer(env, "ANOMALY_NIGHTLY_DAYS", 90, 1, 366),
    complianceBands,
    complaintVerifyWorkingDays: integer(env, "COMPLAINT_VERIFY_WORKING_DAYS", 3, 1, 60),
    complaintFollowUpWorkingDays: integer(env, "COMPLAINT_FOLLOW_UP_WORKING_DAYS", 5, 1, 60),
    complaintResolveDays: integer(env, "COMPLAINT_RESOLVE_DAYS", 60, 1, 366),
  };
}
