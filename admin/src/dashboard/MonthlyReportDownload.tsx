import { Stack, Typography } from "@mui/material";
import { useTranslate } from "react-admin";
import { ReportDownloadButtons } from "../common/report-download";
import type { DashboardPeriod } from "./period";

/**
 * The monthly realisation report of the month the period ends in, for the regency or one market:
 * the document the Dinas files, next to the figures it carries.
 */
export const MonthlyReportDownload = ({ period, marketId }: { period: DashboardPeriod; marketId?: string }) => {
  const translate = useTranslate();
  const month = period.to.slice(0, 7);
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: "center", flexWrap: "wrap", rowGap: 1, mb: 1 }}>
      <Typography variant="body2" color="text.secondary">
        {translate("app.reports.monthly-realisation")} {month}
      </Typography>
      <ReportDownloadButtons report="monthly-realisation" params={{ month, marketId }} />
    </Stack>
  );
};
