import { useEffect, useState } from "react";
import ListAltIcon from "@mui/icons-material/ListAlt";
import { Alert, Box, Card, CardContent, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from "@mui/material";
import { Button, Link, Title, useCreatePath, useLocaleState, useTranslate } from "react-admin";
import { Link as RouterLink, useSearchParams } from "react-router-dom";
import { todayInJakarta } from "../common/dates";
import { fetchComplaintPerformance, type AgencyPerformance } from "./api";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const intlLocale = (locale: string) => (locale === "id" ? "id-ID" : "en-GB");

/** This year so far (Asia/Jakarta), unless the address names a period (`?from=...&to=...`). */
function usePeriod(): [{ from: string; to: string }, (from: string, to: string) => void] {
  const [params, setParams] = useSearchParams();
  const today = todayInJakarta();
  const from = params.get("from");
  const to = params.get("to");
  const period = {
    from: from && DAY.test(from) ? from : `${today.slice(0, 4)}-01-01`,
    to: to && DAY.test(to) ? to : today,
  };
  return [period, (f, t) => setParams({ from: f, to: t })];
}

/**
 * "Kinerja tindak lanjut pengaduan": one `complaintPerformance(from, to)` request, one row per agency
 * in the API's order (lagging agencies first). Every figure is the server's; nothing is summed here.
 */
export const ComplaintPerformancePage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const createPath = useCreatePath();
  const [period, setPeriod] = usePeriod();
  const [rows, setRows] = useState<AgencyPerformance[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const valid = DAY.test(period.from) && DAY.test(period.to) && period.from <= period.to;

  useEffect(() => {
    if (!valid) return;
    let current = true;
    setRows(null);
    fetchComplaintPerformance(period.from, period.to)
      .then((result) => current && (setRows(result), setError(null)))
      .catch((e: unknown) => current && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      current = false;
    };
  }, [period.from, period.to, valid]);

  const number = (n: number) => new Intl.NumberFormat(intlLocale(locale)).format(n);
  const percent = (n: number) => new Intl.NumberFormat(intlLocale(locale), { style: "percent", maximumFractionDigits: 1 }).format(n);
  const days = (n: number | null) => (n === null ? "-" : new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(n));
  const complaintsOf = (agencyId: string, overdue?: boolean) =>
    `${createPath({ resource: "Complaint", type: "list" })}?filter=${encodeURIComponent(
      JSON.stringify({
        agencyId,
        receivedAt_gte: new Date(`${period.from}T00:00:00+07:00`).toISOString(),
        receivedAt_lte: new Date(`${period.to}T23:59:59.999+07:00`).toISOString(),
        ...(overdue ? { overdue: true } : {}),
      }),
    )}`;

  return (
    <Box sx={{ mt: 2 }} data-testid="complaint-performance">
      <Title title="app.performance.title" />
      <Stack direction="row" spacing={2} useFlexGap sx={{ mb: 2, flexWrap: "wrap", alignItems: "center" }}>
        <TextField
          type="date"
          size="small"
          label={translate("app.performance.from")}
          fullWidth={false}
          sx={{ width: "12rem" }}
          value={period.from}
          onChange={(e) => e.target.value && setPeriod(e.target.value, period.to)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { "data-testid": "performance-from", max: period.to } }}
        />
        <TextField
          type="date"
          size="small"
          label={translate("app.performance.to")}
          fullWidth={false}
          sx={{ width: "12rem" }}
          value={period.to}
          onChange={(e) => e.target.value && setPeriod(period.from, e.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { "data-testid": "performance-to", min: period.from } }}
        />
        <Button label="app.performance.open_complaints" component={RouterLink} to={createPath({ resource: "Complaint", type: "list" })}>
          <ListAltIcon />
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: "60rem" }}>
        {translate("app.performance.help")}
      </Typography>
      {error ? (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error}
        </Alert>
      ) : null}
      {rows === null && !error ? <LinearProgress /> : null}
      {rows !== null && rows.length === 0 ? <Alert severity="info">{translate("app.performance.empty")}</Alert> : null}
      {rows !== null && rows.length > 0 ? (
        <Card>
          <CardContent sx={{ overflowX: "auto" }}>
            <Table size="small" data-testid="performance-table" sx={{ minWidth: "48rem" }}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate("app.performance.agency")}</TableCell>
                  <TableCell align="right">{translate("app.performance.received")}</TableCell>
                  <TableCell align="right">{translate("app.performance.verified_on_time")}</TableCell>
                  <TableCell align="right">{translate("app.performance.followed_up_on_time")}</TableCell>
                  <TableCell align="right">{translate("app.performance.follow_up_rate")}</TableCell>
                  <TableCell align="right">{translate("app.performance.resolved")}</TableCell>
                  <TableCell align="right">{translate("app.performance.overdue_now")}</TableCell>
                  <TableCell align="right">{translate("app.performance.median_days")}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((r) => (
                  <TableRow key={r.agencyId} data-testid={`performance-${r.agency.code}`}>
                    <TableCell className="column-agency" component="th" scope="row">
                      <Link to={complaintsOf(r.agencyId)}>{r.agency.shortName}</Link>
                    </TableCell>
                    <TableCell className="column-received" align="right" data-value={r.received}>
                      {number(r.received)}
                    </TableCell>
                    <TableCell className="column-verifiedOnTime" align="right" data-value={r.verifiedOnTime}>
                      {number(r.verifiedOnTime)}
                    </TableCell>
                    <TableCell className="column-followedUpOnTime" align="right" data-value={r.followedUpOnTime}>
                      {number(r.followedUpOnTime)}
                    </TableCell>
                    <TableCell className="column-followUpRate" align="right" data-value={r.followUpRate}>
                      {percent(r.followUpRate)}
                    </TableCell>
                    <TableCell className="column-resolved" align="right" data-value={r.resolved}>
                      {number(r.resolved)}
                    </TableCell>
                    <TableCell
                      className="column-overdueNow"
                      align="right"
                      data-value={r.overdueNow}
                      data-highlight={r.overdueNow > 0 ? "true" : "false"}
                      sx={r.overdueNow > 0 ? { color: "error.main", fontWeight: 700, bgcolor: "rgba(211, 47, 47, 0.08)" } : undefined}
                    >
                      {r.overdueNow > 0 ? <Link to={complaintsOf(r.agencyId, true)}>{number(r.overdueNow)}</Link> : number(r.overdueNow)}
                    </TableCell>
                    <TableCell className="column-medianDaysToResolve" align="right" data-value={r.medianDaysToResolve ?? ""}>
                      {days(r.medianDaysToResolve)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      ) : null}
    </Box>
  );
};
