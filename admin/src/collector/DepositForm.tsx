import { useEffect, useMemo, useState, type FormEvent, type InputHTMLAttributes } from "react";
import { Alert, Box, Button, Checkbox, FormControlLabel, FormGroup, Stack, TextField, Typography } from "@mui/material";
import { useLocaleState, useNotify, useTranslate } from "react-admin";
import { formatLocalDate, formatRupiah } from "../common/format";
import { ReportDownloadButtons } from "../common/report-download";
import type { CollectionSheet } from "./collector-api";
import { newClientId } from "./client-id";
import { putOutbox, type OutboxEntry } from "./device-store";
import { flushOutbox, outboxChanged } from "./outbox";
import { useSuggestedValue } from "./suggested-value";

interface Props {
  userId: string;
  marketName: string;
  sheet: CollectionSheet;
  outbox: readonly OutboxEntry[];
}

/** `datetime-local` wants the device's local wall time, without a zone. */
const localDateTimeInput = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/**
 * The collector hands the cash of one or more accepted reports to the treasurer (or pays it in at
 * the bank) and records the STS: all the reports' money by default, less if less was handed over.
 */
export const DepositForm = ({ userId, marketName, sheet, outbox }: Props) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  // Reports already in a deposit waiting on this device are not offered twice.
  const queued = useMemo(
    () => new Set(outbox.flatMap((e) => (e.kind === "deposit" && e.status === "pending" ? e.input.reportIds : []))),
    [outbox],
  );
  const reports = sheet.undepositedReports.filter((r) => !queued.has(r.id));
  const unsentReports = outbox.some((e) => e.kind === "report" && e.status === "pending" && e.marketId === sheet.marketId);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [sts, setSts] = useState("");
  const [bankReference, setBankReference] = useState("");
  const [depositedAt, setDepositedAt] = useState(() => localDateTimeInput(new Date()));
  const [errors, setErrors] = useState<{ reports?: string; amount?: string; sts?: string }>({});

  const reportIds = reports.map((r) => r.id).join(",");
  useEffect(() => setChosen(new Set(reportIds ? reportIds.split(",") : [])), [reportIds]);
  const selectedTotal = reports.filter((r) => chosen.has(r.id)).reduce((sum, r) => sum + r.total, 0);
  // All of the chosen reports' money unless the collector says less was handed over.
  const amountField = useSuggestedValue(selectedTotal > 0 ? String(selectedTotal) : "");
  const amountText = amountField.value;
  const amount = /^\d{1,12}$/.test(amountText.trim()) ? Number(amountText.trim()) : 0;

  const record = async (event: FormEvent) => {
    event.preventDefault();
    const problems: typeof errors = {};
    if (chosen.size === 0) problems.reports = translate("app.collector.deposit_choose");
    if (!(amount > 0)) problems.amount = translate("app.collector.amount_invalid");
    else if (amount > selectedTotal) problems.amount = translate("app.collector.deposit_amount_too_high", { total: formatRupiah(selectedTotal) });
    const stsNumber = sts.trim();
    if (stsNumber.length < 3 || stsNumber.length > 60) problems.sts = translate("app.collector.deposit_sts_invalid");
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const clientId = newClientId();
    await putOutbox({
      kind: "deposit",
      clientId,
      userId,
      marketId: sheet.marketId,
      marketName,
      total: amount,
      input: {
        clientId,
        reportIds: reports.filter((r) => chosen.has(r.id)).map((r) => r.id),
        amount,
        depositedAt: new Date(depositedAt).toISOString(),
        stsNumber,
        bankReference: bankReference.trim() || null,
      },
      status: "pending",
      createdAt: new Date().toISOString(),
      attempts: 0,
      serverId: null,
      answeredAt: null,
      refusal: null,
    });
    setSts("");
    setBankReference("");
    amountField.reset();
    outboxChanged();
    notify("app.collector.deposit_queued", { type: "info" });
    void flushOutbox(userId);
  };

  return (
    <Box component="form" onSubmit={(e) => void record(e)} data-testid="collector-deposit" sx={{ display: "grid", gap: 1.5 }}>
      <Typography variant="subtitle1">{translate("app.collector.deposit_title")}</Typography>
      <Stack direction="row" spacing={1} sx={{ alignItems: "center", flexWrap: "wrap", rowGap: 1 }}>
        <Typography variant="body2" color="text.secondary">
          {translate("app.reports.collector-recap")} {formatLocalDate(sheet.businessDate, locale)}
        </Typography>
        <ReportDownloadButtons report="collector-recap" params={{ marketId: sheet.marketId, date: sheet.businessDate }} />
      </Stack>
      {unsentReports ? <Alert severity="info">{translate("app.collector.deposit_waiting_reports")}</Alert> : null}
      {reports.length === 0 ? (
        <Typography color="text.secondary">{translate("app.collector.deposit_none")}</Typography>
      ) : (
        <>
          <FormGroup>
            {reports.map((r) => (
              <FormControlLabel
                key={r.id}
                control={
                  <Checkbox
                    slotProps={{ input: { "data-report-id": r.id } as InputHTMLAttributes<HTMLInputElement> }}
                    checked={chosen.has(r.id)}
                    onChange={(e) => {
                      const next = new Set(chosen);
                      if (e.target.checked) next.add(r.id);
                      else next.delete(r.id);
                      setChosen(next);
                    }}
                  />
                }
                label={translate("app.collector.deposit_report", {
                  date: formatLocalDate(r.businessDate, locale),
                  total: formatRupiah(r.total),
                  smart_count: r.receiptCount,
                })}
              />
            ))}
          </FormGroup>
          {errors.reports ? <Alert severity="error">{errors.reports}</Alert> : null}
          <Typography>{translate("app.collector.deposit_selected", { total: formatRupiah(selectedTotal) })}</Typography>
          <TextField
            label={translate("app.collector.deposit_amount")}
            value={amountText}
            onChange={(e) => amountField.set(e.target.value)}
            error={Boolean(errors.amount)}
            helperText={
              errors.amount ??
              (amount > 0 && amount < selectedTotal ? translate("app.collector.deposit_short", { amount: formatRupiah(selectedTotal - amount) }) : undefined)
            }
            slotProps={{ htmlInput: { inputMode: "numeric", "data-testid": "deposit-amount" } }}
          />
          <TextField
            label={translate("app.collector.deposit_sts")}
            value={sts}
            onChange={(e) => setSts(e.target.value)}
            error={Boolean(errors.sts)}
            helperText={errors.sts}
            slotProps={{ htmlInput: { "data-testid": "deposit-sts" } }}
          />
          <TextField
            label={translate("app.collector.deposit_bank_reference")}
            value={bankReference}
            onChange={(e) => setBankReference(e.target.value)}
          />
          <TextField
            type="datetime-local"
            label={translate("app.market_monitor.deposited_at")}
            value={depositedAt}
            onChange={(e) => setDepositedAt(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <Button type="submit" variant="contained" size="large" data-testid="deposit-submit">
            {translate("app.collector.deposit_submit")}
          </Button>
        </>
      )}
    </Box>
  );
};
