import { gql } from "@apollo/client";
import { Alert, LinearProgress, Typography } from "@mui/material";
import { useLocaleState, useTranslate } from "react-admin";
import { formatRupiah } from "../common/format";
import { queryFresh } from "../providers/dataProvider";
import { Rows, Section, percent } from "./figures";
import type { DashboardPeriod } from "./period";
import { usePeriodData } from "./use-period-data";

interface DigitalisationRow {
  marketId: string;
  marketName: string;
  period: string;
  realised: number;
  digital: number;
  digitalShare: number;
  payers: number;
  digitalPayers: number;
  digitalPayerShare: number;
}

const DIGITALISATION = gql`
  query Digitalisation($from: LocalDate!, $to: LocalDate!, $marketIds: [ID!]) {
    marketDigitalisation(from: $from, to: $to, marketIds: $marketIds) {
      marketId marketName period realised digital digitalShare payers digitalPayers digitalPayerShare
    }
  }
`;

async function fetchDigitalisation(from: string, to: string, marketId?: string): Promise<DigitalisationRow[]> {
  const data = await queryFresh<{ marketDigitalisation: DigitalisationRow[] }>(DIGITALISATION, { from, to, marketIds: marketId ? [marketId] : null });
  return data.marketDigitalisation;
}

/**
 * Smart Traditional Market: how much of the realised revenue, and how many of the paying traders,
 * came through digital channels. For one market, month by month over the period (the trend); for
 * the regency, market by market in the period's last month, most digital first. The server counts;
 * the panel only lists.
 */
export const DigitalisationPanel = ({ period, marketId }: { period: DashboardPeriod; marketId?: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const t = (key: string, args?: Record<string, unknown>) => translate(`app.digitalisation.${key}`, args);
  const lastMonth = `${period.to.slice(0, 7)}-01`;
  const from = marketId || period.from > lastMonth ? period.from : lastMonth;
  const { data, error, loading } = usePeriodData(() => fetchDigitalisation(from, period.to, marketId), { ...period, from }, marketId ?? "");
  const rows = marketId ? data ?? [] : [...(data ?? [])].sort((a, b) => b.digitalShare - a.digitalShare);
  return (
    <Section title={marketId ? t("title_market") : t("title_regency", { month: period.to.slice(0, 7) })} testId="digitalisation">
      {loading ? <LinearProgress /> : null}
      {error ? <Alert severity="error">{error}</Alert> : null}
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t("explanation")}
      </Typography>
      <Rows
        testId="digitalisation-row"
        head={[
          [marketId ? t("month") : t("market"), "left"],
          [t("realised"), "right"],
          [t("digital"), "right"],
          [t("digital_share"), "right"],
          [t("digital_payers"), "right"],
        ]}
        items={rows}
        row={(r) => [
          marketId ? r.period : r.marketName,
          formatRupiah(r.realised),
          formatRupiah(r.digital),
          <span key="share" data-value={r.digitalShare}>{percent(r.digitalShare, locale)}</span>,
          `${r.digitalPayers} / ${r.payers} (${percent(r.digitalPayerShare, locale)})`,
        ]}
      />
    </Section>
  );
};
