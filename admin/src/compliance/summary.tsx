import { useEffect, useState, type ReactNode } from "react";
import FlagIcon from "@mui/icons-material/Flag";
import ListAltIcon from "@mui/icons-material/ListAlt";
import {
  Alert,
  Box,
  Card,
  CardContent,
  LinearProgress,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from "@mui/material";
import { Button, Link, Title, useCreatePath, useLocaleState, useTranslate } from "react-admin";
import { Link as RouterLink, useSearchParams } from "react-router-dom";
import { fetchComplianceSummary, fetchComplianceYears, type ComplianceBand, type ComplianceSummary } from "./api";
import { CategoryChip, ZoneChip } from "./fields";
import { formatChange, formatScore } from "./score";

const currentYear = () => Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta", year: "numeric" }).format(new Date()));

/** The year in the address (`?year=2022`), if it is one. */
const yearParam = (params: URLSearchParams): number | null => {
  const raw = params.get("year");
  return raw && /^\d{4}$/.test(raw) ? Number(raw) : null;
};

/** A labelled figure of the summary card. */
const Figure = ({ label, children, testId }: { label: string; children: ReactNode; testId: string }) => (
  <Box data-testid={testId} sx={{ minWidth: "11rem" }}>
    <Typography variant="overline" color="text.secondary" component="div" sx={{ lineHeight: 1.6 }}>
      {label}
    </Typography>
    {children}
  </Box>
);

const BandLegend = ({ bands }: { bands: ComplianceBand[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: "wrap", alignItems: "center" }} data-testid="compliance-bands">
      <Typography variant="body2" color="text.secondary">
        {translate("app.compliance.bands")}
      </Typography>
      {bands.map((b) => (
        <Stack key={`${b.category ?? ""}${b.zone}${b.minScore}`} direction="row" spacing={0.5} sx={{ alignItems: "center" }}>
          {b.category ? <CategoryChip category={b.category} zone={b.zone} /> : <ZoneChip zone={b.zone} />}
          <Typography variant="body2" sx={{ fontVariantNumeric: "tabular-nums" }}>
            {`${formatScore(b.minScore, locale)}–${formatScore(b.maxScore, locale)}`}
          </Typography>
        </Stack>
      ))}
    </Stack>
  );
};

/** The regency's figure, its category and zone, the change and the target, as the server computed them. */
const SummaryCard = ({ summary }: { summary: ComplianceSummary }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const score = (v: number | null) => formatScore(v, locale);
  const source =
    summary.averageSource === "PUBLISHED"
      ? translate("app.compliance.source_published", { source: summary.publishedSource ?? "" })
      : summary.averageSource === "ASSESSED_UNITS"
        ? translate("app.compliance.source_units", { smart_count: summary.assessedUnits })
        : "";
  const gap =
    summary.gap === null
      ? null
      : summary.gap > 0
        ? translate("app.compliance.gap_below", { gap: score(summary.gap) })
        : summary.gap < 0
          ? translate("app.compliance.gap_above", { gap: score(-summary.gap) })
          : translate("app.compliance.gap_met");
  return (
    <Card sx={{ mb: 2 }}>
      <CardContent>
        <Stack direction="row" spacing={5} useFlexGap sx={{ flexWrap: "wrap", alignItems: "flex-start" }}>
          <Figure label={translate("app.compliance.average", { year: summary.year })} testId="compliance-average">
            {summary.average === null ? (
              <Typography variant="body1" color="text.secondary">
                {translate("app.compliance.no_figure")}
              </Typography>
            ) : (
              <>
                <Typography variant="h3" component="div" data-testid="compliance-average-value" sx={{ fontVariantNumeric: "tabular-nums" }}>
                  {score(summary.average)}
                </Typography>
                <Typography variant="caption" color="text.secondary" component="div" sx={{ maxWidth: "22rem" }}>
                  {source}
                </Typography>
                {summary.averageSource === "PUBLISHED" && summary.unitsAverage !== null ? (
                  <Typography variant="caption" color="text.secondary" component="div" data-testid="compliance-units-average">
                    {translate("app.compliance.units_average", { average: score(summary.unitsAverage), smart_count: summary.assessedUnits })}
                  </Typography>
                ) : null}
              </>
            )}
          </Figure>
          <Figure label={translate("app.compliance.category_zone")} testId="compliance-category">
            {summary.zone ? (
              <Stack direction="row" spacing={1} sx={{ alignItems: "center", mt: 1 }}>
                {summary.category ? <CategoryChip category={summary.category} zone={summary.zone} size="medium" /> : null}
                <ZoneChip zone={summary.zone} size="medium" />
              </Stack>
            ) : (
              <Typography color="text.secondary">-</Typography>
            )}
          </Figure>
          <Figure label={translate("app.compliance.change", { year: summary.year - 1 })} testId="compliance-change">
            {summary.change === null ? (
              <Typography color="text.secondary">{translate("app.compliance.no_previous")}</Typography>
            ) : (
              <>
                <Typography
                  variant="h5"
                  component="div"
                  data-testid="compliance-change-value"
                  sx={{ color: summary.change > 0 ? "success.main" : summary.change < 0 ? "error.main" : "text.primary" }}
                >
                  {formatChange(summary.change, locale)}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {translate("app.compliance.previous", { year: summary.year - 1, average: score(summary.previousAverage) })}
                </Typography>
              </>
            )}
          </Figure>
          <Figure label={translate("app.compliance.target", { year: summary.year })} testId="compliance-target">
            {summary.target === null ? (
              <Typography color="text.secondary">{translate("app.compliance.no_target")}</Typography>
            ) : (
              <>
                <Typography variant="h5" component="div" data-testid="compliance-target-value">
                  {score(summary.target)}
                </Typography>
                {gap ? (
                  <Typography
                    variant="body2"
                    data-testid="compliance-gap"
                    sx={{ color: summary.gap !== null && summary.gap > 0 ? "error.main" : "success.main" }}
                  >
                    {gap}
                  </Typography>
                ) : (
                  <Typography variant="caption" color="text.secondary">
                    {translate("app.compliance.no_gap")}
                  </Typography>
                )}
              </>
            )}
          </Figure>
        </Stack>
        <Box sx={{ mt: 2 }}>
          <BandLegend bands={summary.bands} />
        </Box>
      </CardContent>
    </Card>
  );
};

/** Each assessed unit, highest score first (the server's order). */
const UnitsTable = ({ summary }: { summary: ComplianceSummary }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const createPath = useCreatePath();
  if (summary.units.length === 0) {
    return <Alert severity="info">{translate("app.compliance.no_units", { year: summary.year })}</Alert>;
  }
  return (
    <Box sx={{ overflowX: "auto" }}>
      <Table size="small" data-testid="compliance-units" sx={{ minWidth: "40rem" }}>
        <TableHead>
          <TableRow>
            <TableCell>{translate("app.compliance.unit")}</TableCell>
            <TableCell align="right">{translate("app.compliance.score")}</TableCell>
            <TableCell>{translate("app.compliance.category")}</TableCell>
            <TableCell>{translate("app.compliance.zone")}</TableCell>
            <TableCell align="right">{translate("app.compliance.previous_score", { year: summary.year - 1 })}</TableCell>
            <TableCell align="right">{translate("app.compliance.unit_change")}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {summary.units.map((u) => (
            <TableRow key={u.assessmentId} data-testid={`compliance-unit-${u.agency.code}`}>
              <TableCell className="column-agency" component="th" scope="row">
                <Link to={createPath({ resource: "ComplianceAssessment", type: "show", id: u.assessmentId })}>{u.agency.shortName}</Link>
                <Typography variant="body2" color="text.secondary">
                  {u.agency.name}
                </Typography>
              </TableCell>
              <TableCell className="column-score" align="right" sx={{ fontVariantNumeric: "tabular-nums" }}>
                {formatScore(u.score, locale)}
              </TableCell>
              <TableCell className="column-category">
                <CategoryChip category={u.category} zone={u.zone} />
              </TableCell>
              <TableCell className="column-zone">
                <ZoneChip zone={u.zone} />
              </TableCell>
              <TableCell className="column-previousScore" align="right">
                {u.previousScore === null ? "-" : formatScore(u.previousScore, locale)}
              </TableCell>
              <TableCell
                className="column-change"
                align="right"
                sx={{ color: u.change === null ? undefined : u.change > 0 ? "success.main" : u.change < 0 ? "error.main" : undefined }}
              >
                {u.change === null ? "-" : formatChange(u.change, locale)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

/**
 * "Kepatuhan Ombudsman": a year's compliance as `complianceSummary(year)` reports it. Opens on the
 * latest year with assessments (one request for the years, one for the summary); the year is kept
 * in the address so that a link opens the same view.
 */
export const ComplianceSummaryPage = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const [params, setParams] = useSearchParams();
  const requested = yearParam(params);
  const [years, setYears] = useState<number[] | null>(null);
  const [defaultYear, setDefaultYear] = useState<number | null>(null);
  const [summary, setSummary] = useState<ComplianceSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const year = requested ?? defaultYear;

  useEffect(() => {
    let current = true;
    fetchComplianceYears()
      .then((found) => {
        if (!current) return;
        setYears(found.years);
        setDefaultYear(found.latestAssessed ?? found.years[0] ?? currentYear());
      })
      .catch((e: unknown) => current && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      current = false;
    };
  }, []);

  useEffect(() => {
    if (year === null) return;
    let current = true;
    setSummary((s) => (s?.year === year ? s : null));
    fetchComplianceSummary(year)
      .then((result) => current && (setSummary(result), setError(null)))
      .catch((e: unknown) => current && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      current = false;
    };
  }, [year]);

  const choices = [...new Set([...(years ?? []), ...(year === null ? [] : [year])])].sort((a, b) => b - a);
  const listOf = (resource: string, filter?: Record<string, unknown>) =>
    `${createPath({ resource, type: "list" })}${filter ? `?filter=${encodeURIComponent(JSON.stringify(filter))}` : ""}`;

  return (
    <Box sx={{ mt: 2 }} data-testid="compliance-summary">
      <Title title="app.compliance.title" />
      <Stack direction="row" spacing={2} useFlexGap sx={{ mb: 2, flexWrap: "wrap", alignItems: "center" }}>
        <TextField
          select
          size="small"
          label={translate("app.compliance.year")}
          value={year === null ? "" : String(year)}
          onChange={(e) => setParams({ year: e.target.value })}
          fullWidth={false}
          sx={{ width: "9rem" }}
          slotProps={{ htmlInput: { "data-testid": "compliance-year" } }}
          disabled={year === null}
        >
          {choices.map((y) => (
            <MenuItem key={y} value={String(y)}>
              {y}
            </MenuItem>
          ))}
        </TextField>
        <Button label="app.compliance.open_assessments" component={RouterLink} to={listOf("ComplianceAssessment", year === null ? undefined : { year })}>
          <ListAltIcon />
        </Button>
        <Button label="app.compliance.open_targets" component={RouterLink} to={listOf("ComplianceTarget")}>
          <FlagIcon />
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: "60rem" }}>
        {translate("app.compliance.help")}
      </Typography>
      {error ? (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error}
        </Alert>
      ) : null}
      {summary === null && !error ? <LinearProgress /> : null}
      {summary ? (
        <>
          <SummaryCard summary={summary} />
          <Card>
            <CardContent>
              <Typography variant="h6" sx={{ mb: 1 }}>
                {translate("app.compliance.units_title", { year: summary.year, smart_count: summary.assessedUnits })}
              </Typography>
              <UnitsTable summary={summary} />
            </CardContent>
          </Card>
        </>
      ) : null}
    </Box>
  );
};
