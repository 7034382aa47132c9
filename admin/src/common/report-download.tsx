import { useState } from "react";
import { Button, ButtonGroup, CircularProgress } from "@mui/material";
import DownloadIcon from "@mui/icons-material/Download";
import { useNotify, useTranslate } from "react-admin";
import { authenticatedFetch } from "../providers/session";

export type ReportName = "monthly-realisation" | "collector-recap" | "anomaly-register";
type Format = "xlsx" | "pdf";

/** What the server says when it refuses a report (GET /reports/...): a reason and the fields. */
interface Refusal {
  error?: string;
  code?: string;
}

/** Saves a response body under the name the server gave it (Content-Disposition). */
function save(blob: Blob, disposition: string | null, fallback: string) {
  const name = /filename="([^"]+)"/.exec(disposition ?? "")?.[1] ?? fallback;
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has started reading the blob; it may be released once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * An official report (issue 8) as XLSX or PDF, downloaded with the signed-in user's token (a plain
 * link could not send it): the two buttons sit where the report's figures are shown.
 */
export const ReportDownloadButtons = ({ report, params, testId }: { report: ReportName; params: Record<string, string | undefined>; testId?: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [busy, setBusy] = useState<Format | null>(null);

  const download = async (format: Format) => {
    setBusy(format);
    try {
      const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])));
      const response = await authenticatedFetch(`/reports/${report}.${format}?${query}`, { credentials: "same-origin" });
      if (!response.ok) {
        const refusal = (await response.json().catch(() => ({}))) as Refusal;
        notify("app.reports.refused", { type: "error", messageArgs: { reason: refusal.error ?? `HTTP ${response.status}` } });
        return;
      }
      save(await response.blob(), response.headers.get("content-disposition"), `${report}.${format}`);
    } catch {
      notify("app.reports.offline", { type: "error" });
    } finally {
      setBusy(null);
    }
  };

  return (
    <ButtonGroup size="small" variant="outlined" aria-label={translate(`app.reports.${report}`)} data-testid={testId ?? `download-${report}`}>
      {(["xlsx", "pdf"] as const).map((format) => (
        <Button
          key={format}
          onClick={() => void download(format)}
          disabled={busy !== null}
          startIcon={busy === format ? <CircularProgress size={14} /> : <DownloadIcon />}
          title={translate(`app.reports.${report}`)}
        >
          {translate(`app.reports.${format}`)}
        </Button>
      ))}
    </ButtonGroup>
  );
};
