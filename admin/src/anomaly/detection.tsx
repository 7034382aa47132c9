import { useState } from "react";
import PlayArrowIcon from "@mui/icons-material/PlayArrow";
import { Alert, Autocomplete, Dialog, LinearProgress, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from "@mui/material";
import { Button, useGetList, useNotify, useRefresh, useTranslate } from "react-admin";
import { todayInJakarta } from "../common/dates";
import { runAnomalyDetection, type DetectionRunResult } from "./api";

/** The server runs at most 366 days at once. */
const MAX_DAYS = 366;
const DEFAULT_DAYS = 90;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const addDays = (day: string, days: number) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

interface MarketOption {
  id: string;
  name: string;
}

/**
 * Jalankan deteksi: runs every rule over business days from..to (the last 90 days by default) and
 * the chosen markets (all when none is chosen), then shows what the run found and refreshes the
 * queue. A re-run refreshes known findings instead of adding them again.
 */
export const RunDetectionButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState(() => todayInJakarta());
  const [from, setFrom] = useState(() => addDays(todayInJakarta(), -(DEFAULT_DAYS - 1)));
  const [markets, setMarkets] = useState<MarketOption[]>([]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<DetectionRunResult | null>(null);
  const { data: marketRows } = useGetList(
    "Market",
    { pagination: { page: 1, perPage: 100 }, sort: { field: "name", order: "ASC" }, meta: { sparseFields: ["id", "name"] } },
    { enabled: open },
  );
  const options: MarketOption[] = (marketRows ?? []).map((m) => ({ id: String(m.id), name: String(m.name) }));

  const problem =
    !DATE.test(from) || !DATE.test(to)
      ? "app.anomaly.run_dates_required"
      : to < from
        ? "app.validation.date_order"
        : daysBetween(from, to) > MAX_DAYS
          ? "app.anomaly.run_too_long"
          : null;

  const counts = (run: DetectionRunResult) => ({
    found: run.found,
    created: run.created,
    reopened: run.reopened,
    autoResolved: run.autoResolved,
    from: run.from,
    to: run.to,
  });

  const start = async () => {
    setBusy(true);
    setResult(null);
    try {
      const run = await runAnomalyDetection(from, to, markets.map((m) => m.id));
      setResult(run);
      notify("app.anomaly.run_done", { type: "info", messageArgs: counts(run) });
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: "error" });
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setOpen(false);
    setResult(null);
  };

  return (
    <>
      <Button label="app.anomaly.run" onClick={() => setOpen(true)}>
        <PlayArrowIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
        <DialogTitle>{translate("app.anomaly.run_title")}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate("app.anomaly.run_help")}</DialogContentText>
          <Stack direction="row" spacing={2} sx={{ mt: 1 }}>
            <TextField
              label={translate("app.anomaly.run_from")}
              type="date"
              value={from}
              onChange={(event) => setFrom(event.target.value)}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { "data-testid": "run-from" } }}
            />
            <TextField
              label={translate("app.anomaly.run_to")}
              type="date"
              value={to}
              onChange={(event) => setTo(event.target.value)}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { "data-testid": "run-to" } }}
            />
          </Stack>
          <Autocomplete
            multiple
            options={options}
            value={markets}
            onChange={(_event, value) => setMarkets(value)}
            getOptionLabel={(option) => option.name}
            isOptionEqualToValue={(a, b) => a.id === b.id}
            renderInput={(params) => (
              <TextField {...params} margin="normal" label={translate("app.anomaly.run_markets")} helperText={translate("app.anomaly.run_markets_help")} />
            )}
          />
          {busy ? <LinearProgress sx={{ my: 1 }} aria-label={translate("app.anomaly.running")} /> : null}
          {problem ? <Alert severity="warning">{translate(problem)}</Alert> : null}
          {result ? (
            <Alert severity="success" data-testid="detection-result" sx={{ mt: 1 }}>
              {translate("app.anomaly.run_done", counts(result))}
            </Alert>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button label={result ? "ra.action.close" : "ra.action.cancel"} onClick={close} />
          <Button label="app.anomaly.run_start" variant="contained" disabled={busy || problem !== null} onClick={start} />
        </DialogActions>
      </Dialog>
    </>
  );
};
