import { useEffect, useState } from "react";
import {
  Alert,
  Box,
  Card,
  CardContent,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from "@mui/material";
import { Title, useDataProvider, useTranslate } from "react-admin";
import { todayInJakarta } from "../common/dates";
import { formatRupiah } from "../common/format";
import type { ReconciliationReport, ReconciliationSide, WorkflowMethods } from "../providers/dataProvider";

const SIDES = ["statementLines", "payments", "deposits"] as const;
type SideName = (typeof SIDES)[number];

/**
 * Reconciliation at a glance: the treasury account's credit lines against the online payments and
 * the verified deposits of a period (Asia/Jakarta days), each side matched or not (yet).
 */
export const ReconciliationReportPage = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider() as unknown as WorkflowMethods;
  const today = todayInJakarta();
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  const [report, setReport] = useState<ReconciliationReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const validRange = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;

  useEffect(() => {
    if (!validRange) return;
    let current = true;
    setLoading(true);
    dataProvider
      .reconciliationReport(from, to)
      .then((r) => {
        if (!current) return;
        setReport(r);
        setError(null);
      })
      .catch((e: unknown) => current && setError(e instanceof Error ? e.message : String(e)))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [dataProvider, from, to, validRange]);

  const row = (name: SideName, side: ReconciliationSide) => (
    <TableRow key={name} data-testid={`reconciliation-${name}`}>
      <TableCell component="th" scope="row">
        {translate(`app.reconciliation.${name}`)}
      </TableCell>
      <TableCell align="right">{side.matchedCount}</TableCell>
      <TableCell align="right">{formatRupiah(side.matchedAmount)}</TableCell>
      <TableCell align="right">{side.unmatchedCount}</TableCell>
      <TableCell align="right" sx={side.unmatchedCount > 0 ? { color: "error.main", fontWeight: 500 } : undefined}>
        {formatRupiah(side.unmatchedAmount)}
      </TableCell>
    </TableRow>
  );

  return (
    <Box sx={{ mt: 2 }} data-testid="reconciliation-report">
      <Title title="app.reconciliation.title" />
      <Card>
        <CardContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: "60rem" }}>
            {translate("app.reconciliation.help")}
          </Typography>
          <Stack direction="row" spacing={2} sx={{ mb: 2 }}>
            <TextField
              type="date"
              label={translate("app.reconciliation.from")}
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              size="small"
              slotProps={{ inputLabel: { shrink: true } }}
            />
            <TextField
              type="date"
              label={translate("app.reconciliation.to")}
              value={to}
              onChange={(e) => setTo(e.target.value)}
              size="small"
              error={!validRange}
              helperText={validRange ? undefined : translate("app.validation.date_order")}
              slotProps={{ inputLabel: { shrink: true } }}
            />
          </Stack>
          {loading ? <LinearProgress /> : null}
          {error ? <Alert severity="error">{error}</Alert> : null}
          {report ? (
            <Table size="small" sx={{ maxWidth: "60rem" }}>
              <TableHead>
                <TableRow>
                  <TableCell />
                  <TableCell align="right">{translate("app.reconciliation.matched_count")}</TableCell>
                  <TableCell align="right">{translate("app.reconciliation.matched_amount")}</TableCell>
                  <TableCell align="right">{translate("app.reconciliation.unmatched_count")}</TableCell>
                  <TableCell align="right">{translate("app.reconciliation.unmatched_amount")}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>{SIDES.map((name) => row(name, report[name]))}</TableBody>
            </Table>
          ) : null}
        </CardContent>
      </Card>
    </Box>
  );
};
