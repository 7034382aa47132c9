import { useEffect, useState } from "react";
import { Alert, Box, Chip, LinearProgress, MenuItem, Stack, Tab, Tabs, TextField, Typography } from "@mui/material";
import CloudDoneIcon from "@mui/icons-material/CloudDone";
import CloudOffIcon from "@mui/icons-material/CloudOff";
import { Title, useLocaleState, useTranslate } from "react-admin";
import { todayInJakarta } from "../common/dates";
import { formatInstant, formatRupiah } from "../common/format";
import { getSession } from "../providers/session";
import { DepositForm } from "./DepositForm";
import { OutboxList } from "./OutboxList";
import { ReceiptEntry } from "./ReceiptEntry";
import { useOutbox } from "./outbox";
import { useAssignedMarkets, useCollectionSheet } from "./use-device-data";

type TabName = "receipts" | "outbox" | "deposit";

/**
 * Collector mode, for a phone in a market with bad signal: the day's receipts of one assigned
 * market, what was sent and how the server answered, and the deposit of accepted reports. Works
 * from what is kept on the device when there is no connection, and sends when it comes back.
 */
const CollectorPage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const user = getSession()?.user;
  const userId = user?.id ?? "";
  const markets = useAssignedMarkets(userId, user?.marketIds ?? []);
  const [marketId, setMarketId] = useState<string | null>(null);
  const [businessDate, setBusinessDate] = useState(() => todayInJakarta());
  const [tab, setTab] = useState<TabName>("receipts");
  const { entries, connection, flush } = useOutbox(userId || undefined);
  const sheet = useCollectionSheet(userId, marketId, businessDate);

  useEffect(() => {
    if (marketId === null && markets && markets.length > 0) setMarketId(markets[0]!.id);
  }, [markets, marketId]);

  // An accepted report or deposit changes the book's next number and what is left to deposit.
  const accepted = entries.filter((e) => e.status === "accepted").length;
  const { reload } = sheet;
  useEffect(() => {
    if (accepted > 0) void reload();
  }, [accepted, reload]);

  const pending = entries.filter((e) => e.status === "pending").length;
  const marketName = markets?.find((m) => m.id === marketId)?.name ?? "";

  return (
    <Box sx={{ maxWidth: "48rem", p: { xs: 1, sm: 2 } }} data-testid="collector-page">
      <Title title={translate("app.collector.title")} />
      <Stack direction="row" spacing={1} sx={{ mb: 1, flexWrap: "wrap", rowGap: 1 }} data-testid="collector-connection" data-connection={connection}>
        <Chip
          icon={connection === "online" ? <CloudDoneIcon /> : <CloudOffIcon />}
          color={connection === "online" ? "success" : "warning"}
          label={translate(`app.collector.${connection === "signed-out" ? "signed_out" : connection}`)}
        />
        {pending > 0 ? (
          <Chip color="warning" variant="outlined" label={translate("app.collector.pending_count", { smart_count: pending })} data-testid="collector-pending" />
        ) : null}
      </Stack>
      {markets === null ? <LinearProgress /> : null}
      {markets !== null && markets.length === 0 ? <Alert severity="info">{translate("app.collector.no_markets")}</Alert> : null}
      {markets && markets.length > 0 ? (
        <Stack direction="row" spacing={1} sx={{ my: 1 }}>
          <TextField
            select
            label={translate("app.collector.market")}
            value={marketId ?? ""}
            onChange={(e) => setMarketId(e.target.value)}
            sx={{ flex: 2 }}
            slotProps={{ htmlInput: { "data-testid": "collector-market" } }}
          >
            {markets.map((m) => (
              <MenuItem key={m.id} value={m.id}>
                {m.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            type="date"
            label={translate("app.collector.business_date")}
            value={businessDate}
            onChange={(e) => e.target.value && setBusinessDate(e.target.value)}
            sx={{ flex: 1, minWidth: "9.5rem" }}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: todayInJakarta(), "data-testid": "collector-date" } }}
          />
        </Stack>
      ) : null}
      {sheet.loading ? <LinearProgress /> : null}
      {sheet.error ? <Alert severity="error">{translate("app.collector.sheet_failed", { message: sheet.error })}</Alert> : null}
      {marketId && !sheet.loading && !sheet.sheet && !sheet.error ? <Alert severity="warning">{translate("app.collector.sheet_unavailable")}</Alert> : null}
      {sheet.sheet && sheet.cached && sheet.fetchedAt ? (
        <Typography variant="body2" color="text.secondary">
          {translate("app.collector.sheet_cached", { time: formatInstant(sheet.fetchedAt, locale) })}
        </Typography>
      ) : null}
      {sheet.sheet ? (
        <Typography variant="body2" data-testid="collector-reported">
          {translate("app.collector.reported", { total: formatRupiah(sheet.sheet.reportedTotal), smart_count: sheet.sheet.reportedReceipts })}
        </Typography>
      ) : null}
      <Tabs value={tab} onChange={(_, value: TabName) => setTab(value)} variant="fullWidth" sx={{ my: 1 }}>
        <Tab value="receipts" label={translate("app.collector.tab_receipts")} data-testid="collector-tab-receipts" />
        <Tab value="outbox" label={translate("app.collector.tab_outbox")} data-testid="collector-tab-outbox" />
        <Tab value="deposit" label={translate("app.collector.tab_deposit")} data-testid="collector-tab-deposit" />
      </Tabs>
      {tab === "receipts" && sheet.sheet ? <ReceiptEntry userId={userId} marketName={marketName} sheet={sheet.sheet} outbox={entries} /> : null}
      {tab === "outbox" ? <OutboxList entries={entries} onSendNow={() => void flush()} /> : null}
      {tab === "deposit" && sheet.sheet ? <DepositForm userId={userId} marketName={marketName} sheet={sheet.sheet} outbox={entries} /> : null}
    </Box>
  );
};

export default CollectorPage;
