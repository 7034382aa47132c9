import { lazy, Suspense, useState, type ReactNode } from "react";
import { Alert, Box, LinearProgress, Stack } from "@mui/material";
import { Link, useCreatePath, useLocaleState, useRecordContext, useTranslate } from "react-admin";
import { formatInstant, formatLocalDate, formatRupiah } from "../common/format";
import { DigitalisationPanel } from "../dashboard/DigitalisationPanel";
import { RevenueFigures, Rows, Section } from "../dashboard/figures";
import { MonthlyReportDownload } from "../dashboard/MonthlyReportDownload";
import { PeriodPicker } from "../dashboard/PeriodPicker";
import { usePeriodData } from "../dashboard/use-period-data";
import { presetPeriod, trendGrouping, type DashboardPeriod } from "../dashboard/period";
import { fetchMarketMonitor } from "./market-monitor-api";

const TrendChart = lazy(() => import("../dashboard/TrendChart"));


/**
 * The market's monitoring tab: its figures for the period, the daily or monthly trend, stalls
 * occupied and vacant by kind, collectors and their yields, latest reports and deposits, and its
 * open findings. One request.
 */
const MarketMonitor = () => {
  const record = useRecordContext<{ id: string }>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const createPath = useCreatePath();
  const [period, setPeriod] = useState<DashboardPeriod>(() => presetPeriod("month"));
  const marketId = record?.id === undefined ? null : String(record.id);
  const { data, error, loading } = usePeriodData((p) => fetchMarketMonitor(marketId!, p), period, marketId);

  const t = (key: string) => translate(`app.market_monitor.${key}`);
  const d = (key: string) => translate(`app.dashboard.${key}`);
  const show = (resource: string, id: string, label: ReactNode) => <Link to={createPath({ resource, id, type: "show" })}>{label}</Link>;
  const total = data?.total;

  return (
    <Box data-testid="market-monitor" sx={{ width: "100%" }}>
      <PeriodPicker period={period} onChange={setPeriod} />
      <MonthlyReportDownload period={period} marketId={marketId ?? undefined} />
      {loading ? <LinearProgress sx={{ mb: 1 }} /> : null}
      {error ? <Alert severity="error">{error}</Alert> : null}
      {data && total ? (
        <>
          <RevenueFigures total={total} />
          <Section title={d(trendGrouping(period) === "DAY" ? "trend_daily" : "trend_monthly")} testId="market-trend">
            <Suspense fallback={<LinearProgress />}>
              <TrendChart rows={data.trend} />
            </Suspense>
          </Section>
          <Stack direction={{ xs: "column", lg: "row" }} spacing={2}>
            <Box sx={{ flex: 1 }}>
              <Section title={t("stalls")} testId="market-stalls">
                <Rows
                  testId="occupancy-row"
                  head={[[t("kind"), "left"], [t("stall_count"), "right"], [t("occupied"), "right"], [t("vacant"), "right"]]}
                  items={data.occupancy}
                  row={(o) => [translate(`app.enum.StallKind.${o.kind}`, { _: o.kind }), o.stalls, o.occupied, o.vacant]}
                />
              </Section>
            </Box>
            <Box sx={{ flex: 2 }}>
              <Section title={t("collectors")} testId="market-collectors">
                <Rows
                  testId="collector-row"
                  head={[[t("collector"), "left"], [t("reports"), "right"], [t("receipts"), "right"], [t("collected"), "right"], [t("per_ticket"), "right"], [t("rejected"), "right"]]}
                  items={data.yields}
                  row={(y) => [y.collectorName, y.reports, y.receipts, formatRupiah(y.collected), formatRupiah(y.perTicket), y.rejectedReports]}
                />
              </Section>
            </Box>
          </Stack>
          <Stack direction={{ xs: "column", lg: "row" }} spacing={2}>
            <Box sx={{ flex: 1 }}>
              <Section title={t("recent_reports")} testId="market-reports">
                <Rows
                  testId="report-row"
                  head={[[t("business_date"), "left"], [t("collector"), "left"], [t("status"), "left"], [t("collected"), "right"]]}
                  items={data.reports}
                  row={(r) => [
                    show("DailyReport", r.id, formatLocalDate(r.businessDate, locale)),
                    r.collector.displayName,
                    translate(`app.enum.DailyReportStatus.${r.status}`, { _: r.status }),
                    formatRupiah(r.total),
                  ]}
                />
              </Section>
            </Box>
            <Box sx={{ flex: 1 }}>
              <Section title={t("recent_deposits")} testId="market-deposits">
                <Rows
                  testId="deposit-row"
                  head={[[t("sts"), "left"], [t("deposited_at"), "left"], [t("status"), "left"], [t("amount"), "right"]]}
                  items={data.deposits}
                  row={(dep) => [
                    show("Deposit", dep.id, dep.stsNumber),
                    formatInstant(dep.depositedAt, locale),
                    translate(`app.enum.DepositStatus.${dep.status}`, { _: dep.status }),
                    formatRupiah(dep.amount),
                  ]}
                />
              </Section>
            </Box>
          </Stack>
          <Section title={t("open_findings")} testId="market-findings">
            {data.findings.length === 0 ? t("no_findings") : (
            <Rows
              testId="finding-row"
              head={[[t("rule"), "left"], [t("business_date"), "left"], [t("finding"), "left"], [t("at_risk"), "right"]]}
              items={data.findings}
              row={(f) => [
                show("Anomaly", f.id, f.rule),
                f.businessDate ? formatLocalDate(f.businessDate, locale) : "",
                locale === "en" ? f.summaryEn : f.summaryId,
                formatRupiah(f.amountAtRisk),
              ]}
            />
            )}
          </Section>
          <DigitalisationPanel period={period} marketId={marketId ?? undefined} />
        </>
      ) : null}
    </Box>
  );
};

export default MarketMonitor;
