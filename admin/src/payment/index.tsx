import { Box } from "@mui/material";
import UndoIcon from "@mui/icons-material/Undo";
import {
  DataTable,
  DateInput,
  DateTimeInput,
  FunctionField,
  List,
  ReferenceField,
  SearchInput,
  SelectField,
  SelectInput,
  Show,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  useDataProvider,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from "react-admin";
import { paymentChannelChoices, paymentMatchStatusChoices, paymentSourceChoices } from "../common/choices";
import { toInstant } from "../common/dates";
import { FieldRow, InstantField, LocalDateField, MoneyField } from "../common/fields";
import { useCanKeepPayments } from "../common/permissions";
import { MarketReferenceField, MarketReferenceInput } from "../common/references";
import { NoteActionButton } from "../common/workflow";
import type { WorkflowMethods } from "../providers/dataProvider";
import { PaymentStateField } from "./fields";

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="channel" source="channel" choices={paymentChannelChoices} alwaysOn />,
  <SelectInput key="matchStatus" source="matchStatus" choices={paymentMatchStatusChoices} alwaysOn />,
  <MarketReferenceInput key="marketId" source="marketId" alwaysOn />,
  <DateTimeInput key="from" source="paidAt_gte" parse={toInstant} />,
  <DateTimeInput key="to" source="paidAt_lte" parse={toInstant} />,
  <DateInput key="revenueFrom" source="revenueDate_gte" />,
  <DateInput key="revenueTo" source="revenueDate_lte" />,
  <TextInput key="paymentCode" source="paymentCode" />,
  <SelectInput key="source" source="source" choices={paymentSourceChoices} />,
];

/** The raw notification can be large: the list leaves it out. */
const LIST_FIELDS = [
  "id", "paidAt", "channel", "externalRef", "paymentCode", "payerName", "amount", "marketId", "billId", "matchStatus", "source",
  "reversed", "reversedAt",
];
/** Names of the people involved come with the payment: only administrators may read users themselves. */
const SHOW_FIELDS = [
  "id", "channel", "externalRef", "paymentCode", "amount", "paidAt", "payerName", "issuer", "rawNotification", "billId", "marketId",
  "matchStatus", "revenueDate", "source", "recordedAt", "recordedById", "reversed", "reversedAt", "reversedById", "reversalReason",
  { recordedBy: ["id", "displayName"] }, { reversedBy: ["id", "displayName"] },
];

/** Reversed payments stay listed, dimmed: they no longer pay anything. */
const rowSx = (record: RaRecord) => (record.reversed ? { opacity: 0.6 } : {});

export const PaymentList = () => (
  <List filters={filters} sort={{ field: "paidAt", order: "DESC" }} queryOptions={{ meta: { sparseFields: LIST_FIELDS } }}>
    <DataTable rowClick="show" bulkActionButtons={false} rowSx={rowSx}>
      <DataTable.Col source="paidAt">
        <InstantField source="paidAt" />
      </DataTable.Col>
      <DataTable.Col source="channel">
        <SelectField source="channel" choices={paymentChannelChoices} />
      </DataTable.Col>
      <DataTable.Col source="externalRef" />
      <DataTable.Col source="paymentCode" />
      <DataTable.Col source="payerName" disableSort />
      <DataTable.Col source="amount" align="right">
        <MoneyField source="amount" />
      </DataTable.Col>
      <DataTable.Col source="marketId">
        <MarketReferenceField source="marketId" emptyText="-" />
      </DataTable.Col>
      <DataTable.Col source="matchStatus">
        <PaymentStateField />
      </DataTable.Col>
      <DataTable.Col source="source" disableSort>
        <SelectField source="source" choices={paymentSourceChoices} />
      </DataTable.Col>
    </DataTable>
  </List>
);

/** Batal bayar: Bapenda reverses a payment with a reason; it stays recorded, marked reversed. */
const ReversePaymentButton = () => {
  const record = useRecordContext<RaRecord>();
  const dataProvider = useDataProvider() as unknown as WorkflowMethods;
  const translate = useTranslate();
  if (!record || record.reversed) return null;
  return (
    <NoteActionButton
      label="app.payment.reverse"
      icon={<UndoIcon />}
      action={(reason) => dataProvider.reversePayment(String(record.id), reason)}
      successMessage="app.payment.reversed"
      title={translate("app.payment.reverse_title", { ref: record.externalRef })}
      help={translate(record.matchStatus === "MATCHED" ? "app.payment.reverse_help_matched" : "app.payment.reverse_help")}
      noteLabel="app.payment.reason"
      confirmLabel="app.payment.reverse"
      confirmColor="error"
      minLength={3}
    />
  );
};

const PaymentActions = () => (useCanKeepPayments() ? <TopToolbar><ReversePaymentButton /></TopToolbar> : null);

/** The notification exactly as the channel sent it, indented. */
const RawNotificationField = (_props: { label?: string }) => (
  <FunctionField
    source="rawNotification"
    render={(record: RaRecord) =>
      record.rawNotification == null ? (
        "-"
      ) : (
        <Box
          component="pre"
          data-testid="raw-notification"
          sx={{ m: 0, p: 1, bgcolor: "action.hover", borderRadius: 1, fontSize: "0.8rem", overflowX: "auto", maxWidth: "60rem" }}
        >
          {JSON.stringify(record.rawNotification, null, 2)}
        </Box>
      )
    }
  />
);

export const PaymentShow = () => (
  <Show actions={<PaymentActions />} queryOptions={{ meta: { sparseFields: SHOW_FIELDS } }}>
    <SimpleShowLayout>
      <PaymentStateField source="matchStatus" />
      <FieldRow label={false}>
        <SelectField source="channel" choices={paymentChannelChoices} />
        <TextField source="externalRef" />
        <TextField source="paymentCode" />
        <MoneyField source="amount" />
        <InstantField source="paidAt" />
      </FieldRow>
      <FieldRow label={false}>
        <TextField source="payerName" emptyText="-" />
        <TextField source="issuer" emptyText="-" />
      </FieldRow>
      <FieldRow label={false}>
        <ReferenceField source="billId" reference="Bill" link="show" emptyText="-">
          <TextField source="billNumber" />
        </ReferenceField>
        <MarketReferenceField source="marketId" emptyText="-" />
        <LocalDateField source="revenueDate" emptyText="-" />
      </FieldRow>
      <FieldRow label={false}>
        <SelectField source="source" choices={paymentSourceChoices} />
        <InstantField source="recordedAt" />
        <TextField source="recordedBy.displayName" label="resources.Payment.fields.recordedById" emptyText="-" />
      </FieldRow>
      <FieldRow label={false}>
        <InstantField source="reversedAt" emptyText="-" />
        <TextField source="reversedBy.displayName" label="resources.Payment.fields.reversedById" emptyText="-" />
        <TextField source="reversalReason" emptyText="-" />
      </FieldRow>
      <RawNotificationField label="resources.Payment.fields.rawNotification" />
    </SimpleShowLayout>
  </Show>
);
