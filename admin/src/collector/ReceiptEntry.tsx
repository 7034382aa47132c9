import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  IconButton,
  InputAdornment,
  List,
  ListItem,
  ListItemText,
  TextField,
  Typography,
  createFilterOptions,
} from "@mui/material";
import DeleteIcon from "@mui/icons-material/Delete";
import SendIcon from "@mui/icons-material/Send";
import { useNotify, useTranslate } from "react-admin";
import { todayInJakarta } from "../common/dates";
import { formatRupiah } from "../common/format";
import type { CollectionSheet, SheetStall } from "./collector-api";
import { newClientId } from "./client-id";
import { dayKey, deviceStore, moveDraftToOutbox, type Draft, type DraftReceipt, type OutboxEntry } from "./device-store";
import { flushOutbox, outboxChanged } from "./outbox";
import { useSuggestedValue } from "./suggested-value";
import { bookOf, formatTicket, nextTicket, type UsedTicket } from "./tickets";

interface Props {
  userId: string;
  marketName: string;
  sheet: CollectionSheet;
  outbox: readonly OutboxEntry[];
}

const STALL_OPTIONS_SHOWN = 50;
const filterStalls = createFilterOptions<SheetStall>({
  stringify: (s) => `${s.code} ${s.block ?? ""} ${s.traderName ?? ""}`,
  limit: STALL_OPTIONS_SHOWN,
});

/**
 * The day's receipts at one market, typed one karcis at a time: find the stall by its code, the
 * ticket number comes from the book and the amount from the tariff, both editable. Every change is
 * kept on the device at once; sending moves the report to the outbox.
 */
export const ReceiptEntry = ({ userId, marketName, sheet, outbox }: Props) => {
  const translate = useTranslate();
  const notify = useNotify();
  const key = dayKey(userId, sheet.marketId, sheet.businessDate);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [stall, setStall] = useState<SheetStall | null>(null);
  const [stallText, setStallText] = useState("");
  const [amountText, setAmountText] = useState("");
  const [errors, setErrors] = useState<{ stall?: string; ticket?: string; amount?: string }>({});
  const stallInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      const stored = await (await deviceStore()).get("drafts", key);
      if (live) {
        setDraft(stored ?? { key, userId, marketId: sheet.marketId, businessDate: sheet.businessDate, clientId: newClientId(), receipts: [] });
      }
    })();
    return () => {
      live = false;
    };
  }, [key, userId, sheet.marketId, sheet.businessDate]);

  const used = useMemo<UsedTicket[]>(() => {
    const fromOutbox = outbox.flatMap((e) => (e.kind === "report" && e.status !== "refused" && e.marketId === sheet.marketId ? e.receipts : []));
    return [...(draft?.receipts ?? []), ...fromOutbox];
  }, [draft, outbox, sheet.marketId]);
  const next = useMemo(() => nextTicket(sheet.books, used), [sheet.books, used]);

  // The ticket field follows the book until the collector types a number of their own.
  const ticket = useSuggestedValue(next ? String(next.number) : "");
  const ticketText = ticket.value;

  const series = next?.book.series ?? sheet.books[0]?.series ?? "";

  const save = async (changed: Draft) => {
    setDraft(changed);
    await (await deviceStore()).put("drafts", changed);
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    const problems: typeof errors = {};
    if (!stall) problems.stall = translate("app.collector.stall_required");
    const number = /^\d{1,9}$/.test(ticketText.trim()) ? Number(ticketText.trim()) : NaN;
    const book = Number.isNaN(number) ? null : bookOf(sheet.books, series, number);
    if (!book) problems.ticket = translate("app.collector.ticket_not_in_book");
    else if (draft.receipts.some((r) => r.series === book.series && r.number === number)) problems.ticket = translate("app.collector.ticket_in_draft");
    const amount = /^\d{1,12}$/.test(amountText.trim()) ? Number(amountText.trim()) : 0;
    if (!(amount > 0)) problems.amount = translate("app.collector.amount_invalid");
    setErrors(problems);
    if (!stall || !book || Object.keys(problems).length > 0) return;
    const today = todayInJakarta();
    const receipt: DraftReceipt = {
      stallId: stall.stallId,
      stallCode: stall.code,
      series: book.series,
      number,
      amount,
      // The server wants the instant on the business date: a late report of an earlier day has none.
      collectedAt: sheet.businessDate === today ? new Date().toISOString() : null,
    };
    await save({ ...draft, receipts: [...draft.receipts, receipt] });
    setStall(null);
    setStallText("");
    setAmountText("");
    ticket.reset();
    stallInput.current?.focus();
  };

  const remove = (index: number) => {
    if (draft) void save({ ...draft, receipts: draft.receipts.filter((_, i) => i !== index) });
  };

  const submit = async () => {
    if (!draft || draft.receipts.length === 0) return;
    const total = draft.receipts.reduce((sum, r) => sum + r.amount, 0);
    await moveDraftToOutbox(key, {
      kind: "report",
      clientId: draft.clientId,
      userId,
      marketId: sheet.marketId,
      marketName,
      businessDate: sheet.businessDate,
      total,
      receiptCount: draft.receipts.length,
      receipts: draft.receipts,
      input: {
        clientId: draft.clientId,
        marketId: sheet.marketId,
        businessDate: sheet.businessDate,
        receipts: draft.receipts.map((r) => ({
          stallId: r.stallId,
          ticketNo: formatTicket(r.series, r.number),
          amount: r.amount,
          collectedAt: r.collectedAt,
        })),
      },
      status: "pending",
      createdAt: new Date().toISOString(),
      attempts: 0,
      serverId: null,
      answeredAt: null,
      refusal: null,
    });
    setDraft({ key, userId, marketId: sheet.marketId, businessDate: sheet.businessDate, clientId: newClientId(), receipts: [] });
    outboxChanged();
    notify("app.collector.queued", { type: "info" });
    void flushOutbox(userId);
  };

  const receipts = draft?.receipts ?? [];
  const total = receipts.reduce((sum, r) => sum + r.amount, 0);

  return (
    <Box data-testid="collector-receipts">
      {next ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="collector-book">
          {translate("app.collector.next_ticket", { series: next.book.series, remaining: next.book.lastNumber - next.number + 1 })}
        </Typography>
      ) : (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {translate("app.collector.no_book")}
        </Alert>
      )}
      <Box component="form" onSubmit={(e) => void add(e)} sx={{ display: "flex", flexWrap: "wrap", gap: 1, alignItems: "flex-start" }}>
        <Autocomplete
          sx={{ flex: "1 1 12rem" }}
          options={sheet.stalls}
          value={stall}
          inputValue={stallText}
          onInputChange={(_, value) => setStallText(value)}
          onChange={(_, value) => {
            setStall(value);
            if (value) setAmountText(String(value.amount ?? next?.book.faceValue ?? ""));
          }}
          filterOptions={filterStalls}
          getOptionLabel={(s) => s.code}
          isOptionEqualToValue={(a, b) => a.stallId === b.stallId}
          autoHighlight
          renderOption={(props, s) => (
            <li {...props} key={s.stallId}>
              <strong>{s.code}</strong>&nbsp;
              <Typography component="span" variant="body2" color="text.secondary">
                {s.traderName ?? translate("app.collector.vacant")}
                {s.amount !== null ? ` · ${formatRupiah(s.amount)}` : ""}
              </Typography>
            </li>
          )}
          renderInput={(params) => (
            <TextField
              {...params}
              inputRef={stallInput}
              label={translate("app.collector.stall")}
              error={Boolean(errors.stall)}
              helperText={errors.stall}
              slotProps={{
                ...params.slotProps,
                htmlInput: { ...params.slotProps.htmlInput, "data-testid": "collector-stall", autoCapitalize: "characters" },
              }}
            />
          )}
        />
        <TextField
          sx={{ flex: "1 1 9rem" }}
          label={translate("app.collector.ticket")}
          value={ticketText}
          onChange={(e) => ticket.set(e.target.value)}
          error={Boolean(errors.ticket)}
          helperText={errors.ticket}
          slotProps={{
            input: { startAdornment: <InputAdornment position="start">{series}</InputAdornment> },
            htmlInput: { inputMode: "numeric", "data-testid": "collector-ticket" },
          }}
        />
        <TextField
          sx={{ flex: "1 1 8rem" }}
          label={translate("app.collector.amount")}
          value={amountText}
          onChange={(e) => setAmountText(e.target.value)}
          error={Boolean(errors.amount)}
          helperText={errors.amount}
          slotProps={{ htmlInput: { inputMode: "numeric", "data-testid": "collector-amount" } }}
        />
        <Button type="submit" variant="contained" sx={{ minHeight: 56, flex: "1 1 8rem" }} disabled={!draft} data-testid="collector-add">
          {translate("app.collector.add")}
        </Button>
      </Box>

      <Typography variant="subtitle1" sx={{ mt: 2 }}>
        {translate("app.collector.draft_title")}
      </Typography>
      <Typography variant="h6" data-testid="collector-running-total" data-total={total}>
        {translate("app.collector.running_total", { total: formatRupiah(total), smart_count: receipts.length })}
      </Typography>
      {receipts.length === 0 ? (
        <Typography color="text.secondary">{translate("app.collector.draft_empty")}</Typography>
      ) : (
        <List dense data-testid="collector-draft">
          {receipts
            .map((r, index) => ({ r, index }))
            .reverse()
            .map(({ r, index }) => {
              const ticket = formatTicket(r.series, r.number);
              return (
                <ListItem
                  key={`${r.series}-${r.number}`}
                  divider
                  secondaryAction={
                    <IconButton edge="end" aria-label={translate("app.collector.remove", { ticket })} onClick={() => remove(index)}>
                      <DeleteIcon />
                    </IconButton>
                  }
                >
                  <ListItemText primary={`${ticket} · ${r.stallCode}`} secondary={formatRupiah(r.amount)} />
                </ListItem>
              );
            })}
        </List>
      )}
      <Button
        variant="contained"
        color="primary"
        size="large"
        fullWidth
        sx={{ mt: 2 }}
        startIcon={<SendIcon />}
        disabled={receipts.length === 0}
        onClick={() => void submit()}
        data-testid="collector-submit"
      >
        {translate("app.collector.submit")}
      </Button>
    </Box>
  );
};
