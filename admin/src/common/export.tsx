import { useState } from "react";
import DownloadIcon from "@mui/icons-material/GetApp";
import { Button, downloadCSV, useDataProvider, useListContext, useNotify, useTranslate, type RaRecord } from "react-admin";

/** The server's largest page (MAX_PAGE_SIZE default). */
const PAGE = 500;
/** An export stops here; narrow the filters for more. */
const MAX_ROWS = 20_000;

/** A field, or a related object with the fields wanted of it (`{ agency: ["id", "name"] }`). */
export type SparseField = string | { [related: string]: SparseField[] };

export interface PagedExportProps<Column extends string> {
  /** The fields to ask for (ra-data-graphql-simple `sparseFields`). */
  fields: SparseField[];
  /** CSV header, in this order. */
  columns: readonly Column[];
  /** One CSV row from a record: raw values (whole rupiah, ISO dates) so spreadsheets can compute. */
  row(record: RaRecord): Record<Column, unknown>;
  /** Translation key of the file name (without .csv). */
  fileName: string;
}

const cell = (value: unknown) => {
  if (value === null || value === undefined) return "";
  const text = Array.isArray(value) ? value.join("; ") : String(value);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The value of a related record's field (`agency.name`), or "". */
export const nameOf = (value: unknown, key: string): string =>
  value && typeof value === "object" ? String((value as Record<string, unknown>)[key] ?? "") : "";

/**
 * CSV of the whole filtered list in its current order, read page after page: react-admin's
 * ExportButton asks for one page of 1 000 rows, above the server's page limit (500).
 */
export function PagedExportButton<Column extends string>({ fields, columns, row, fileName }: PagedExportProps<Column>) {
  const { resource, filterValues, sort, total } = useListContext();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);
  const exportAll = async () => {
    setBusy(true);
    try {
      const records: RaRecord[] = [];
      for (let page = 1; records.length < MAX_ROWS; page++) {
        const { data, total: count } = await dataProvider.getList(resource, {
          pagination: { page, perPage: PAGE },
          sort,
          filter: filterValues,
          meta: { sparseFields: fields },
        });
        records.push(...data);
        if (data.length < PAGE || (count !== undefined && records.length >= count)) break;
      }
      const lines = [columns.join(","), ...records.map((r) => columns.map((c) => cell(row(r)[c])).join(","))];
      // A byte-order mark so that spreadsheets read the file as UTF-8.
      downloadCSV(`\ufeff${lines.join("\r\n")}`, translate(fileName));
      if (records.length >= MAX_ROWS) notify("app.export.truncated", { type: "warning", messageArgs: { max: MAX_ROWS } });
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
}
