import type { RaRecord } from "react-admin";
import { PagedExportButton, nameOf, type SparseField } from "../common/export";

const EXPORT_FIELDS: SparseField[] = [
  "id", "businessDate", "rule", "severity", "status", "marketId", "collectorId", "stallId", "amountAtRisk", "summaryId", "summaryEn",
  "assigneeId", "resolution", "resolutionNote", "resolvedAt", "detectedAt", "fingerprint",
  { market: ["id", "name"] }, { collector: ["id", "displayName"] }, { stall: ["id", "code"] }, { assignee: ["id", "displayName"] },
];

const COLUMNS = [
  "id", "businessDate", "rule", "severity", "status", "market", "collector", "stall", "amountAtRisk", "summaryId", "summaryEn", "assignee",
  "resolution", "resolutionNote", "resolvedAt", "detectedAt", "fingerprint",
] as const;

const row = (r: RaRecord): Record<(typeof COLUMNS)[number], unknown> => ({
  id: r.id,
  businessDate: r.businessDate,
  rule: r.rule,
  severity: r.severity,
  status: r.status,
  market: nameOf(r.market, "name"),
  collector: nameOf(r.collector, "displayName"),
  stall: nameOf(r.stall, "code"),
  // Whole rupiah, unformatted, so spreadsheets can add them up.
  amountAtRisk: r.amountAtRisk,
  summaryId: r.summaryId,
  summaryEn: r.summaryEn,
  assignee: nameOf(r.assignee, "displayName"),
  resolution: r.resolution,
  resolutionNote: r.resolutionNote,
  resolvedAt: r.resolvedAt,
  detectedAt: r.detectedAt,
  fingerprint: r.fingerprint,
});

/** CSV of the whole filtered queue in its current order (read page after page). */
export const AnomalyExportButton = () => (
  <PagedExportButton fields={EXPORT_FIELDS} columns={COLUMNS} row={row} fileName="app.anomaly.export_file" />
);
