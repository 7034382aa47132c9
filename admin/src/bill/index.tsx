import { useState } from "react";
import PostAddIcon from "@mui/icons-material/PostAdd";
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField as MuiTextField } from "@mui/material";
import {
  Button,
  DataTable,
  DateInput,
  ExportButton,
  FilterButton,
  List,
  NumberField,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  SearchInput,
  SelectField,
  SelectInput,
  Show,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  useDataProvider,
  useListContext,
  useNotify,
  useRefresh,
  useTranslate,
} from "react-admin";
import { BILL_STATUS_COLORS, billStatusChoices, paymentChannelChoices } from "../common/choices";
import { currentMonthInJakarta } from "../common/dates";
import { EnumChipField, FieldRow, InstantField, LocalDateField, MoneyField } from "../common/fields";
import { formatRupiah } from "../common/format";
import { useCanIssueBills } from "../common/permissions";
import { MarketReferenceField, MarketReferenceInput } from "../common/references";
import { PaymentStateField } from "../payment/fields";
import type { WorkflowMethods } from "../providers/dataProvider";

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A month `YYYY-MM`: the browser's month picker where it has one, plain text otherwise. */
const monthInputProps = { type: "month", slotProps: { inputLabel: { shrink: true } } } as const;

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <MarketReferenceInput key="marketId" source="marketId" alwaysOn />,
  <TextInput key="period" source="period" alwaysOn {...monthInputProps} />,
  <SelectInput key="status" source="status" choices={billStatusChoices} alwaysOn />,
  <DateInput key="dueFrom" source="dueDate_gte" />,
  <DateInput key="dueTo" source="dueDate_lte" />,
];

/** Names come with the bill, so a page of bills is one request. */
const LIST_FIELDS = [
  "id", "billNumber", "paymentCode", "period", "marketId", "stallId", "traderId", "principal", "penalty", "amountDue", "dueDate",
  "status", "monthsLate", { stall: ["id", "code"] }, { trader: ["id", "name"] },
];
const SHOW_FIELDS = [
  "id", "billNumber", "paymentCode", "period", "marketId", "stallId", "traderId", "permitId", "principal", "penalty", "amountDue",
  "monthsLate", "dueDate", "status", "issuedAt", "paidAt", { stall: ["id", "code"] }, { trader: ["id", "name", "npwrd"] },
  { permit: ["id", "shptNumber"] },
];
const PAYMENT_FIELDS = ["id", "channel", "externalRef", "amount", "paidAt", "matchStatus", "reversed", "reversedAt", "payerName"];

/**
 * Terbitkan SKRD: asks for the month (the current one by default; the server allows up to next
 * month) and reports what was created and what already existed. The list then shows that month.
 */
const GenerateBillsButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider() as unknown as WorkflowMethods;
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const [open, setOpen] = useState(false);
  const [period, setPeriod] = useState(currentMonthInJakarta);
  const [busy, setBusy] = useState(false);
  const valid = PERIOD.test(period);
  const confirm = async () => {
    setBusy(true);
    try {
      const run = await dataProvider.generateBills(period);
      notify("app.bill.generated", {
        type: "info",
        messageArgs: {
          period: run.period,
          created: run.created,
          existing: run.existing,
          principal: formatRupiah(run.createdPrincipal),
        },
      });
      setOpen(false);
      setFilters({ ...filterValues, period: run.period }, { ...displayedFilters, period: true });
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: "error" });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button label="app.bill.generate" onClick={() => setOpen(true)}>
        <PostAddIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <DialogTitle>{translate("app.bill.generate_title")}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate("app.bill.generate_help")}</DialogContentText>
          <MuiTextField
            label={translate("app.bill.period")}
            type="month"
            fullWidth
            autoFocus
            margin="dense"
            value={period}
            onChange={(event) => setPeriod(event.target.value)}
            error={!valid}
            helperText={translate("app.bill.period_help")}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { "data-testid": "bill-period" } }}
          />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
          <Button label="app.bill.generate" variant="contained" disabled={busy || !valid} onClick={confirm} />
        </DialogActions>
      </Dialog>
    </>
  );
};

const BillListActions = () => {
  const canIssue = useCanIssueBills();
  return (
    <TopToolbar>
      <FilterButton />
      {canIssue ? <GenerateBillsButton /> : null}
      <ExportButton />
    </TopToolbar>
  );
};

export const BillList = () => (
  <List
    filters={filters}
    actions={<BillListActions />}
    // The toolbar stays when there is no bill yet: that is when "Terbitkan SKRD" is needed.
    empty={false}
    sort={{ field: "period", order: "DESC" }}
    queryOptions={{ meta: { sparseFields: LIST_FIELDS } }}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="period" />
      <DataTable.Col source="billNumber" />
      <DataTable.Col source="paymentCode" disableSort />
      <DataTable.Col source="marketId">
        <MarketReferenceField source="marketId" />
      </DataTable.Col>
      <DataTable.Col source="stallId" disableSort>
        <TextField source="stall.code" />
      </DataTable.Col>
      <DataTable.Col source="traderId" disableSort>
        <TextField source="trader.name" />
      </DataTable.Col>
      <DataTable.Col source="principal" align="right">
        <MoneyField source="principal" />
      </DataTable.Col>
      <DataTable.Col source="penalty" align="right" disableSort>
        <MoneyField source="penalty" />
      </DataTable.Col>
      <DataTable.Col source="amountDue" align="right" disableSort>
        <MoneyField source="amountDue" />
      </DataTable.Col>
      <DataTable.Col source="dueDate">
        <LocalDateField source="dueDate" />
      </DataTable.Col>
      <DataTable.Col source="status">
        <EnumChipField source="status" enumName="BillStatus" colors={BILL_STATUS_COLORS} />
      </DataTable.Col>
    </DataTable>
  </List>
);

export const BillShow = () => (
  <Show queryOptions={{ meta: { sparseFields: SHOW_FIELDS } }}>
    <SimpleShowLayout>
      <FieldRow label={false}>
        <TextField source="billNumber" />
        <TextField source="paymentCode" />
        <TextField source="period" />
        <EnumChipField source="status" enumName="BillStatus" colors={BILL_STATUS_COLORS} />
      </FieldRow>
      <FieldRow label={false}>
        <MarketReferenceField source="marketId" />
        <ReferenceField source="stallId" reference="Stall" link="show">
          <TextField source="code" />
        </ReferenceField>
        <ReferenceField source="traderId" reference="Trader" link="show">
          <TextField source="name" />
        </ReferenceField>
        <ReferenceField source="permitId" reference="StallPermit" link="show">
          <TextField source="shptNumber" />
        </ReferenceField>
      </FieldRow>
      <FieldRow label={false}>
        <MoneyField source="principal" />
        <NumberField source="monthsLate" />
        <MoneyField source="penalty" />
        <MoneyField source="amountDue" />
      </FieldRow>
      <FieldRow label={false}>
        <LocalDateField source="dueDate" />
        <InstantField source="issuedAt" />
        <InstantField source="paidAt" emptyText="-" />
      </FieldRow>
      <ReferenceManyField
        label="app.bill.payments"
        reference="Payment"
        target="billId"
        sort={{ field: "paidAt", order: "DESC" }}
        perPage={25}
        pagination={<Pagination rowsPerPageOptions={[25]} />}
        queryOptions={{ meta: { sparseFields: PAYMENT_FIELDS } }}
        empty={<EmptyPayments />}
      >
        <DataTable bulkActionButtons={false} rowClick="show">
          <DataTable.Col source="paidAt" disableSort>
            <InstantField source="paidAt" />
          </DataTable.Col>
          <DataTable.Col source="channel" disableSort>
            <SelectField source="channel" choices={paymentChannelChoices} />
          </DataTable.Col>
          <DataTable.Col source="externalRef" disableSort />
          <DataTable.Col source="amount" align="right" disableSort>
            <MoneyField source="amount" />
          </DataTable.Col>
          <DataTable.Col source="matchStatus" disableSort>
            <PaymentStateField />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);

const EmptyPayments = () => {
  const translate = useTranslate();
  return <span>{translate("app.bill.no_payments")}</span>;
};
