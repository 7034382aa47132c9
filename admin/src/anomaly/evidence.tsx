import type { ReactNode } from "react";
import { Box, Table, TableBody, TableCell, TableHead, TableRow } from "@mui/material";
import {
  Link,
  useCreatePath,
  useLocaleState,
  useRecordContext,
  useResourceDefinitions,
  useTranslate,
  type RaRecord,
} from "react-admin";
import { formatDecimal, formatLocalDate, formatRupiah } from "../common/format";

/**
 * Evidence keys that name a row of another resource. `show`: the row's page; `ids`: the resource's
 * list filtered to that row (receipts and statement lines have no page of their own). A link is
 * only offered when the signed-in role has that resource.
 */
const ID_TARGETS: Record<string, { resource: string; type: "show" | "ids" }> = {
  depositId: { resource: "Deposit", type: "show" },
  reportId: { resource: "DailyReport", type: "show" },
  receiptId: { resource: "Receipt", type: "ids" },
  stallId: { resource: "Stall", type: "show" },
  paymentId: { resource: "Payment", type: "show" },
  billId: { resource: "Bill", type: "show" },
  statementId: { resource: "BankStatement", type: "show" },
  lineId: { resource: "StatementLine", type: "ids" },
  bookId: { resource: "TicketBook", type: "show" },
  marketId: { resource: "Market", type: "show" },
  permitId: { resource: "StallPermit", type: "show" },
  traderId: { resource: "Trader", type: "show" },
  collectorId: { resource: "User", type: "show" },
};

/** Rupiah amounts among the evidence (integers). */
const MONEY_KEYS = new Set([
  "amount", "amountAtRisk", "reportsTotal", "total", "potential", "principal", "credit", "owed", "collected", "median", "mad",
  "deposited", "reported", "faceValue", "expected", "allocated", "coveredInTime", "perTicket", "perStall", "peersPerTicket",
  "peersPerStall", "baseline",
]);
/** Business dates (`YYYY-MM-DD`). */
const DATE_KEYS = new Set(["businessDate", "dueDate", "deadline", "depositedOn", "submittedOn", "from", "to", "valueDate"]);
/** Numbers that are names (ticket and line numbers), shown without thousands separators. */
const PLAIN_NUMBER_KEYS = new Set(["missing", "ticket", "lineNo", "number", "firstNumber", "lastNumber"]);
/** Long lists (skipped ticket numbers) are cut after this many values. */
const MAX_LIST = 60;

/** `reportIds` -> `reportId`: a list of ids links each of them. */
const idKeyOf = (key: string) => (ID_TARGETS[key] ? key : key.endsWith("Ids") && ID_TARGETS[key.slice(0, -1)] ? key.slice(0, -1) : null);

const humanize = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/^./, (c) => c.toUpperCase());

const isScalar = (value: unknown) => value === null || ["string", "number", "boolean"].includes(typeof value);

/** People the anomaly names (its collector), so a collector id shows as a name. */
type KnownNames = Map<string, string>;

interface RenderContext {
  locale: string;
  translate: ReturnType<typeof useTranslate>;
  createPath: ReturnType<typeof useCreatePath>;
  resources: ReturnType<typeof useResourceDefinitions>;
  names: KnownNames;
}

function renderId(idKey: string, id: unknown, ctx: RenderContext): ReactNode {
  if (id === null || id === undefined || id === "") return "-";
  const target = ID_TARGETS[idKey]!;
  const definition = ctx.resources[target.resource];
  const named = idKey === "collectorId" ? ctx.names.get(String(id)) : undefined;
  const text = named ?? `${ctx.translate(`resources.${target.resource}.name`, { smart_count: 1, _: target.resource })} #${String(id)}`;
  const linkable = target.type === "show" ? definition?.hasShow : definition?.hasList;
  if (!linkable) return text;
  const to =
    target.type === "show"
      ? ctx.createPath({ resource: target.resource, id: String(id), type: "show" })
      : `${ctx.createPath({ resource: target.resource, type: "list" })}?filter=${encodeURIComponent(JSON.stringify({ ids: [String(id)] }))}`;
  return (
    <Link to={to} data-testid={`evidence-link-${idKey}`}>
      {text}
    </Link>
  );
}

function renderScalar(key: string, value: unknown, ctx: RenderContext): ReactNode {
  if (value === null || value === undefined || value === "") return "-";
  if (typeof value === "boolean") return ctx.translate(value ? "ra.boolean.true" : "ra.boolean.false");
  if (typeof value === "number") {
    if (MONEY_KEYS.has(key)) return formatRupiah(value);
    return PLAIN_NUMBER_KEYS.has(key) ? String(value) : formatDecimal(value, ctx.locale, 2);
  }
  if (typeof value === "string" && DATE_KEYS.has(key) && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatLocalDate(value, ctx.locale);
  return String(value);
}

function renderValue(key: string, value: unknown, ctx: RenderContext): ReactNode {
  const idKey = idKeyOf(key);
  if (Array.isArray(value)) {
    if (value.length === 0) return "-";
    if (value.every(isScalar)) {
      const shown = value.slice(0, MAX_LIST);
      const more = value.length > shown.length ? ` … (${value.length})` : "";
      if (idKey) {
        return (
          <>
            {shown.map((v, i) => (
              <span key={i}>
                {i > 0 ? ", " : null}
                {renderId(idKey, v, ctx)}
              </span>
            ))}
            {more}
          </>
        );
      }
      return shown.map((v) => renderScalar(key, v, ctx)).join(", ") + more;
    }
    return <EvidenceTable rows={value} ctx={ctx} />;
  }
  if (typeof value === "object" && value !== null) return <EvidenceList evidence={value as Record<string, unknown>} ctx={ctx} />;
  if (idKey) return renderId(idKey, value, ctx);
  return renderScalar(key, value, ctx);
}

const labelOf = (key: string, ctx: RenderContext) => ctx.translate(`app.anomaly.evidence.${key}`, { _: humanize(key) });

/** An object as a list of labelled values. */
const EvidenceList = ({ evidence, ctx, testId }: { evidence: Record<string, unknown>; ctx: RenderContext; testId?: string }) => (
  <Box
    component="dl"
    data-testid={testId}
    sx={{ display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: 3, rowGap: 0.5, m: 0, typography: "body2" }}
  >
    {Object.entries(evidence).map(([key, value]) => (
      <Box key={key} sx={{ display: "contents" }} data-key={key}>
        <Box component="dt" sx={{ color: "text.secondary" }}>
          {labelOf(key, ctx)}
        </Box>
        <Box component="dd" sx={{ m: 0 }}>
          {key === "status" && "depositId" in evidence && typeof value === "string"
            ? ctx.translate(`app.enum.DepositStatus.${value}`, { _: value })
            : renderValue(key, value, ctx)}
        </Box>
      </Box>
    ))}
  </Box>
);

/** A list of objects (receipts, deposits, peers) as a small table, one column per key. */
const EvidenceTable = ({ rows, ctx }: { rows: unknown[]; ctx: RenderContext }) => {
  const records = rows.map((row) => (typeof row === "object" && row !== null ? (row as Record<string, unknown>) : { value: row }));
  const columns = [...new Set(records.flatMap((row) => Object.keys(row)))];
  return (
    <Table size="small" sx={{ width: "auto" }}>
      <TableHead>
        <TableRow>
          {columns.map((key) => (
            <TableCell key={key}>{labelOf(key, ctx)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {records.map((row, i) => (
          <TableRow key={i}>
            {columns.map((key) => (
              <TableCell key={key} align={typeof row[key] === "number" && !idKeyOf(key) ? "right" : "left"}>
                {renderValue(key, row[key], ctx)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/**
 * The anomaly's evidence (JSON: the ids and numbers that prove it) as a readable list: labelled
 * values, amounts in rupiah, dates in the UI language, and ids linked to the rows' pages.
 */
export const EvidenceField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<RaRecord>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const resources = useResourceDefinitions();
  const [locale] = useLocaleState();
  if (!record) return null;
  const names: KnownNames = new Map();
  const collector = record.collector as { id: string; displayName: string } | null | undefined;
  if (collector) names.set(String(collector.id), collector.displayName);
  const evidence = (record.evidence ?? {}) as Record<string, unknown>;
  if (Object.keys(evidence).length === 0) return <span>-</span>;
  return <EvidenceList evidence={evidence} ctx={{ locale, translate, createPath, resources, names }} testId="anomaly-evidence" />;
};
