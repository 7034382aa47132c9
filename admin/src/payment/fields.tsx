import { Chip, Stack } from "@mui/material";
import { useRecordContext, useTranslate, type RaRecord } from "react-admin";
import { PAYMENT_MATCH_COLORS } from "../common/choices";

/**
 * How a payment met its bill, as a coloured chip, followed by a "reversed" (batal bayar) chip when
 * the payment was reversed: a reversed payment no longer pays anything whatever it matched.
 */
export const PaymentStateField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<RaRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const status = String(record.matchStatus ?? "");
  const reversed = record.reversed === true || Boolean(record.reversedAt);
  return (
    <Stack direction="row" spacing={0.5} sx={{ flexWrap: "wrap" }}>
      {status ? (
        <Chip
          size="small"
          color={PAYMENT_MATCH_COLORS[status] ?? "default"}
          variant={reversed ? "outlined" : "filled"}
          label={translate(`app.enum.PaymentMatchStatus.${status}`, { _: status })}
          data-value={status}
        />
      ) : null}
      {reversed ? (
        <Chip size="small" color="error" label={translate("app.payment.reversed_marker")} data-testid="payment-reversed" />
      ) : null}
    </Stack>
  );
};
