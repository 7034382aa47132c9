import { useEffect, useState } from "react";
import { Alert, Box, Card, CardContent, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import { Link, Title, useCreatePath, useLocaleState, useTranslate } from "react-admin";
import { formatDecimal } from "../common/format";
import { fetchStandardCompleteness, type AgencyCompleteness } from "./api";

/** Lowest first, so the agencies with the most to do head the list; ties by name. */
const byPercent = (a: AgencyCompleteness, b: AgencyCompleteness) =>
  a.percent - b.percent || a.agency.shortName.localeCompare(b.agency.shortName, "id");

const barColor = (percent: number) => (percent >= 100 ? "success" : percent >= 50 ? "warning" : "error");

/**
 * "Kelengkapan standar": per agency, how many of the 14 components its active services' published
 * standards fill, as standardCompleteness reports it (agencies with no active service are not listed).
 */
export const StandardCompletenessPage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const createPath = useCreatePath();
  const [rows, setRows] = useState<AgencyCompleteness[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    fetchStandardCompleteness()
      .then((result) => current && setRows([...result].sort(byPercent)))
      .catch((e: unknown) => current && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      current = false;
    };
  }, []);

  const servicesOf = (agencyId: string) =>
    `${createPath({ resource: "PublicService", type: "list" })}?filter=${encodeURIComponent(JSON.stringify({ agencyId }))}`;

  return (
    <Box sx={{ mt: 2 }} data-testid="standard-completeness">
      <Title title="app.completeness.title" />
      <Card>
        <CardContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: "60rem" }}>
            {translate("app.completeness.help")}
          </Typography>
          {error ? <Alert severity="error">{error}</Alert> : null}
          {rows === null && !error ? <LinearProgress /> : null}
          {rows && rows.length === 0 ? <Alert severity="info">{translate("app.completeness.empty")}</Alert> : null}
          {rows && rows.length > 0 ? (
            <Table size="small" sx={{ maxWidth: "70rem" }}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate("app.completeness.agency")}</TableCell>
                  <TableCell align="right">{translate("app.completeness.services")}</TableCell>
                  <TableCell align="right">{translate("app.completeness.published")}</TableCell>
                  <TableCell align="right">{translate("app.completeness.components")}</TableCell>
                  <TableCell sx={{ minWidth: "14rem" }}>{translate("app.completeness.percent")}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((r) => (
                  <TableRow key={r.agencyId} data-testid={`completeness-${r.agency.code}`}>
                    <TableCell component="th" scope="row">
                      <Link to={servicesOf(r.agencyId)}>{r.agency.shortName}</Link>
                      <Typography variant="body2" color="text.secondary">
                        {r.agency.name}
                      </Typography>
                    </TableCell>
                    <TableCell align="right">{r.services}</TableCell>
                    <TableCell align="right">{r.publishedServices}</TableCell>
                    <TableCell align="right">{`${r.filledComponents}/${r.possibleComponents}`}</TableCell>
                    <TableCell>
                      <Stack direction="row" spacing={1} sx={{ alignItems: "center" }}>
                        <LinearProgress
                          variant="determinate"
                          value={Math.min(100, r.percent)}
                          color={barColor(r.percent)}
                          sx={{ flex: "1 1 8rem", height: 8, borderRadius: 4 }}
                        />
                        <Typography component="span" variant="body2" sx={{ minWidth: "3.5em", textAlign: "right" }} data-testid="percent">
                          {`${formatDecimal(r.percent, locale, 1)} %`}
                        </Typography>
                      </Stack>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : null}
        </CardContent>
      </Card>
    </Box>
  );
};
