import { lazy, Suspense, useState } from "react";
import {
  Alert,
  Box,
  Chip,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from "@mui/material";
import { Link, Title, useCreatePath, useLocaleState, useTranslate } from "react-admin";
import { useNavigate } from "react-router-dom";
import { formatRupiah } from "../common/format";
import { RevenueFigures, Section, percent } from "./figures";
import { fetchDashboard, type MarketRevenue, type SeverityCount } from "./dashboard-api";
import { DigitalisationPanel } from "./DigitalisationPanel";
import { MonthlyReportDownload } from "./MonthlyReportDownload";
import { PeriodPicker } from "./PeriodPicker";
import { usePeriodData } from "./use-period-data";
import { presetPeriod, trendGrouping, type DashboardPeriod } from "./period";

// The charts library is its own chunk: the rest of the back-office never waits for it.
const TrendChart = lazy(() => import("./TrendChart"));
const LeakageChart = lazy(() => import("./LeakageChart"));

const SEVERITY_COLOURS: Record<SeverityCount["severity"], "error" | "warning" | "info" | "default"> = {
  CRITICAL: "error",
  HIGH: "warning",
  MEDIUM: "info",
  LOW: "default",
};

/**
 * Revenue monitoring for the Dinas: potential, target, realised and leakage for a period, their
 * trend, leakage per market ranked, open findings by severity and deposits awaiting verification.
 * One request; every figure is added up by the server.
 */
export const RevenueDashboard = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const createPath = useCreatePath();
  const navigate = useNavigate();
  const [period, setPeriod] = useState<DashboardPeriod>(() => presetPeriod("month"));
  const { data, error, loading } = usePeriodData(fetchDashboard, period);

  const openMarket = (market: MarketRevenue) => navigate(createPath({ resource: "Market", id: market.marketId, type: "show" }));
  const listLink = (resource: string, filter: Record<string, unknown>) =>
    `${createPath({ resource, type: "list" })}?filter=${encodeURIComponent(JSON.stringify(filter))}`;
  const total = data?.total;

  return (
    <Box sx={{ p: { xs: 1, sm: 2 }, maxWidth: "80rem", minWidth: 0, boxSizing: "border-box" }} data-testid="dashboard">
      <Title title={translate("app.dashboard.title")} />
      <PeriodPicker period={period} onChange={setPeriod} />
      <MonthlyReportDownload period={period} />
      {loading ? <LinearProgress sx={{ mb: 1 }} /> : null}
      {error ? <Alert severity="error">{error}</Alert> : null}
      {total ? (
        <>
          <RevenueFigures total={total} />
          <Stack direction={{ xs: "column", md: "row" }} spacing={2} sx={{ mt: 0 }}>
            <Box sx={{ flex: 1 }}>
              <Section title={translate("app.dashboard.open_anomalies")} testId="open-anomalies">
                <Stack direction="row" useFlexGap sx={{ flexWrap: "wrap", gap: 1 }}>
                  {data.severities.map((s) => (
                    <Chip
                      key={s.severity}
                      component="a"
                      clickable
                      href={`#${listLink("Anomaly", { severity: s.severity, status: "OPEN" })}`}
                      color={SEVERITY_COLOURS[s.severity]}
                      variant={s.open > 0 ? "filled" : "outlined"}
                      data-testid={`severity-${s.severity}`}
                      data-value={s.open}
                      label={`${translate(`app.enum.AnomalySeverity.${s.severity}`, { _: s.severity })}: ${s.open}`}
                    />
                  ))}
                </Stack>
              </Section>
            </Box>
            <Box sx={{ flex: 1 }}>
              <Section title={translate("app.dashboard.pending_deposits")} testId="pending-deposits">
                <Link to={listLink("Deposit", { status: "PENDING" })} data-testid="pending-deposits-count" data-value={data.pendingDeposits}>
                  {translate("app.dashboard.pending_deposits_count", { smart_count: data.pendingDeposits })}
                </Link>
              </Section>
            </Box>
          </Stack>
          <Section title={translate(trendGrouping(period) === "DAY" ? "app.dashboard.trend_daily" : "app.dashboard.trend_monthly")} testId="trend">
            <Suspense fallback={<LinearProgress />}>
              <TrendChart rows={data.trend} />
            </Suspense>
          </Section>
          <Section title={translate("app.dashboard.leakage_by_market")} testId="leakage-by-market">
            <Suspense fallback={<LinearProgress />}>
              <LeakageChart markets={data.markets} onOpen={openMarket} />
            </Suspense>
            <Box sx={{ overflowX: "auto" }}>
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate("app.dashboard.market")}</TableCell>
                    <TableCell align="right">{translate("app.dashboard.potential")}</TableCell>
                    <TableCell align="right">{translate("app.dashboard.realised")}</TableCell>
                    <TableCell align="right">{translate("app.dashboard.leakage")}</TableCell>
                    <TableCell align="right">{translate("app.dashboard.leakage_rate")}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {data.markets.map((m) => (
                    <TableRow key={m.marketId} data-testid="market-leakage-row" data-market-id={m.marketId} data-leakage={m.leakage}>
                      <TableCell>
                        <Link to={createPath({ resource: "Market", id: m.marketId, type: "show" })}>{m.marketName}</Link>
                      </TableCell>
                      <TableCell align="right">{formatRupiah(m.potential)}</TableCell>
                      <TableCell align="right">{formatRupiah(m.realised)}</TableCell>
                      <TableCell align="right">{formatRupiah(m.leakage)}</TableCell>
                      <TableCell align="right">{percent(m.leakageRate, locale)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          </Section>
          <DigitalisationPanel period={period} />
        </>
      ) : null}
    </Box>
  );
};

export default RevenueDashboard;
