import { Box, Button, Chip, List, ListItem, ListItemText, Stack, Typography } from "@mui/material";
import { Confirm, useLocaleState, useTranslate } from "react-admin";
import { useState } from "react";
import { formatLocalDate, formatRupiah } from "../common/format";
import { newClientId } from "./client-id";
import { dayKey, deleteOutbox, deviceStore, moveOutboxToDraft, type OutboxEntry, type OutboxReport } from "./device-store";
import { outboxChanged } from "./outbox";

const REFUSAL_MESSAGES: Record<string, string> = {
  FORBIDDEN: "app.collector.refused_forbidden",
  CONFLICT: "app.collector.refused_conflict",
  BAD_USER_INPUT: "app.collector.refused_input",
};

const STATUS_COLOURS = { pending: "warning", accepted: "success", refused: "error" } as const;

/**
 * Everything the collector sent from this device, newest first: waiting, accepted (with the
 * server's number) or refused (with why, to correct it or throw it away). Nothing leaves the
 * device unless it was accepted or the collector discards it.
 */
export const OutboxList = ({ entries, onSendNow }: { entries: readonly OutboxEntry[]; onSendNow: () => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [discarding, setDiscarding] = useState<OutboxEntry | null>(null);
  const pending = entries.some((e) => e.status === "pending");

  const fix = async (entry: OutboxReport) => {
    // A draft being filled for the same day keeps its clientId and gets the refused receipts too.
    const key = dayKey(entry.userId, entry.marketId, entry.businessDate);
    const current = await (await deviceStore()).get("drafts", key);
    await moveOutboxToDraft(entry, {
      key,
      userId: entry.userId,
      marketId: entry.marketId,
      businessDate: entry.businessDate,
      clientId: current?.clientId ?? newClientId(),
      receipts: [...entry.receipts, ...(current?.receipts ?? [])],
    });
    outboxChanged();
  };

  const discard = async () => {
    if (discarding) await deleteOutbox(discarding.clientId);
    setDiscarding(null);
    outboxChanged();
  };

  if (entries.length === 0) return <Typography color="text.secondary">{translate("app.collector.outbox_empty")}</Typography>;
  return (
    <Box data-testid="collector-outbox">
      {pending ? (
        <Button variant="outlined" onClick={onSendNow} sx={{ mb: 1 }}>
          {translate("app.collector.send_now")}
        </Button>
      ) : null}
      <List dense>
        {[...entries].reverse().map((entry) => (
          <ListItem
            key={entry.clientId}
            divider
            data-testid="collector-outbox-entry"
            data-kind={entry.kind}
            data-status={entry.status}
            data-client-id={entry.clientId}
            data-server-id={entry.serverId ?? ""}
          >
            <ListItemText
              primary={
                entry.kind === "report"
                  ? translate("app.collector.report_line", {
                      date: formatLocalDate(entry.businessDate, locale),
                      smart_count: entry.receiptCount,
                      total: formatRupiah(entry.total),
                    })
                  : translate("app.collector.deposit_line", { sts: entry.input.stsNumber, total: formatRupiah(entry.input.amount) })
              }
              secondary={
                <>
                  {entry.marketName}
                  {entry.refusal ? (
                    <>
                      <br />
                      {translate(REFUSAL_MESSAGES[entry.refusal.code] ?? "app.collector.refused_input")}{" "}
                      {translate("app.collector.refused_detail", { message: entry.refusal.message })}
                      {Object.entries(entry.refusal.fields).map(([field, problem]) => (
                        <span key={field}>
                          <br />
                          {field}: {problem}
                        </span>
                      ))}
                    </>
                  ) : null}
                </>
              }
            />
            <Stack spacing={0.5} sx={{ ml: 1, alignItems: "flex-end" }}>
              <Chip
                size="small"
                color={STATUS_COLOURS[entry.status]}
                label={
                  entry.status === "accepted"
                    ? translate("app.collector.status_accepted", { id: entry.serverId ?? "" })
                    : translate(`app.collector.status_${entry.status}`)
                }
              />
              {entry.status === "refused" ? (
                <Stack direction="row" spacing={0.5}>
                  {entry.kind === "report" ? (
                    <Button size="small" onClick={() => void fix(entry)}>
                      {translate("app.collector.fix_refused")}
                    </Button>
                  ) : null}
                  <Button size="small" color="error" onClick={() => setDiscarding(entry)}>
                    {translate("app.collector.discard")}
                  </Button>
                </Stack>
              ) : null}
            </Stack>
          </ListItem>
        ))}
      </List>
      <Confirm
        isOpen={discarding !== null}
        title="app.collector.discard"
        content="app.collector.discard_confirm"
        onConfirm={() => void discard()}
        onClose={() => setDiscarding(null)}
      />
    </Box>
  );
};
