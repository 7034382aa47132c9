import { useState } from "react";
import DownloadIcon from "@mui/icons-material/GetApp";
import { Button, downloadCSV, useDataProvider, useListContext, useNotify, useTranslate, type RaRecord } from "react-admin";

/** The server's largest page (MAX_PAGE_SIZE default). */
const PAGE = 500;
/** A queue export stops here; narrow the filters for more. */
const MAX_ROWS = 20_000;

const EXPORT_FIELDS = [
  "id", "businessDate", "rule", "severity", "status", "marketId", "collectorId", "stallId", "amountAtRisk", "summaryId", "summaryEn",
  "assigneeId", "resolution", "resolutionNote", "resolvedAt", "detectedAt", "fingerprint",
  { market: ["id", "name"] }, { collector: ["id", "displayName"] }, { stall: ["id", "code"] }, { assignee: ["id", "displayName"] },
];

const COLUMNS = [
  "id", "businessDate", "rule", "severity", "status", "market", "collector", "stall", "amountAtRisk", "summaryId", "summaryEn", "assignee",
  "resolution", "resolutionNote", "resolvedAt", "detectedAt", "fingerprint",
] as const;

const nameOf = (value: unknown, key: string) => (value && typeof value === "object" ? String((value as Record<string, unknown>)[key] ?? "") : "");

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

const cell = (value: unknown) => {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * CSV of the whole filtered queue in its current order. react-admin's ExportButton asks for one
 * page of 1 000 rows, above the server's page limit (500); this one reads page after page.
 */
export const AnomalyExportButton = () => {
  const { filterValues, sort, total } = useListContext();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);
  const exportAll = async () => {
    setBusy(true);
    try {
      const records: RaRecord[] = [];
      for (let page = 1; records.length < MAX_ROWS; page++) {
        const { data, total: count } = await dataProvider.getList("Anomaly", {
          pagination: { page, perPage: PAGE },
          sort,
          filter: filterValues,
          meta: { sparseFields: EXPORT_FIELDS },
        });
        records.push(...data);
        if (data.length < PAGE || (count !== undefined && records.length >= count)) break;
      }
      const lines = [COLUMNS.join(","), ...records.map((r) => COLUMNS.map((c) => cell(row(r)[c])).join(","))];
      // A byte-order mark so that spreadsheets read the file as UTF-8.
      downloadCSV(`\ufeff${lines.join("\r\n")}`, translate("app.anomaly.export_file"));
      if (records.length >= MAX_ROWS) notify("app.anomaly.export_truncated", { type: "warning", messageArgs: { max: MAX_ROWS } });
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: "error" });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button label="ra.action.export" onClick={exportAll} disabled={busy || total === 0}>
      <DownloadIcon />
    </Button>
  );
};
