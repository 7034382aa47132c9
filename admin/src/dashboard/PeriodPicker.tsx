import { Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from "@mui/material";
import { useTranslate } from "react-admin";
import { isLocalDate, presetPeriod, type DashboardPeriod, type PeriodKind } from "./period";

export const isValidPeriod = (period: DashboardPeriod) => isLocalDate(period.from) && isLocalDate(period.to) && period.from <= period.to;

/** Today, this month, this year or chosen dates (Asia/Jakarta business days), for the monitoring pages. */
export const PeriodPicker = ({ period, onChange }: { period: DashboardPeriod; onChange: (period: DashboardPeriod) => void }) => {
  const translate = useTranslate();
  const valid = isValidPeriod(period);
  const choose = (kind: PeriodKind | null) => {
    if (!kind) return;
    onChange(kind === "custom" ? { ...period, kind } : presetPeriod(kind));
  };
  return (
    <Stack direction={{ xs: "column", md: "row" }} spacing={1.5} sx={{ alignItems: { md: "center" }, mb: 2 }}>
      <ToggleButtonGroup exclusive size="small" sx={{ flexWrap: "wrap" }} value={period.kind} onChange={(_, kind: PeriodKind | null) => choose(kind)} aria-label={translate("app.dashboard.period")}>
        {(["today", "month", "year", "custom"] as const).map((kind) => (
          <ToggleButton key={kind} value={kind} data-testid={`period-${kind}`}>
            {translate(`app.dashboard.period_${kind}`)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      {period.kind === "custom" ? (
        <Stack direction="row" spacing={1}>
          <TextField
            type="date"
            size="small"
            label={translate("app.dashboard.from")}
            value={period.from}
            onChange={(e) => onChange({ ...period, from: e.target.value })}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { "data-testid": "period-from" } }}
          />
          <TextField
            type="date"
            size="small"
            label={translate("app.dashboard.to")}
            value={period.to}
            error={!valid}
            helperText={valid ? undefined : translate("app.dashboard.invalid_period")}
            onChange={(e) => onChange({ ...period, to: e.target.value })}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { "data-testid": "period-to" } }}
          />
        </Stack>
      ) : null}
      <Typography variant="body2" color="text.secondary" data-testid="period-range">
        {period.from === period.to ? period.from : `${period.from} – ${period.to}`}
      </Typography>
    </Stack>
  );
};
