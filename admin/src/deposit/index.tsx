import { useState } from "react";
import {
  Button,
  DataTable,
  DateTimeInput,
  FunctionField,
  List,
  ReferenceArrayField,
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
import { dailyReportStatusChoices, depositStatusChoices } from "../common/choices";
import { toInstant } from "../common/dates";
import { InstantField, LocalDateField, MoneyField } from "../common/fields";
import { formatRupiah } from "../common/format";
import { useCanVerifyDeposits } from "../common/permissions";
import { MarketReferenceField, MarketReferenceInput, UserReferenceInput } from "../common/references";
import { NoteDialog, useWorkflowAction } from "../common/workflow";
import type { WorkflowMethods } from "../providers/dataProvider";

const COLLECTORS = { role: "COLLECTOR" };

const filters = [
  <SelectInput key="status" source="status" choices={depositStatusChoices} alwaysOn />,
  <MarketReferenceInput key="marketId" source="marketId" alwaysOn />,
  <TextInput key="q" source="q" />,
  <UserReferenceInput key="collectorId" source="collectorId" filter={COLLECTORS} />,
  <DateTimeInput key="from" source="depositedAt_gte" parse={toInstant} />,
  <DateTimeInput key="to" source="depositedAt_lte" parse={toInstant} />,
];

const LIST_FIELDS = ["id", "depositedAt", "marketId", "collectorId", "amount", "reportsTotal", "stsNumber", "status", { collector: ["id", "displayName"] }];
/** Names of the people involved come with the deposit: only administrators may read users themselves. */
const SHOW_FIELDS = [
  "id", "clientId", "marketId", "collectorId", "amount", "reportsTotal", "depositedAt", "stsNumber", "bankReference", "status",
  "recordedAt", "recordedById", "verifiedById", "verifiedAt", "verificationNote",
  { collector: ["id", "displayName"] }, { verifiedBy: ["id", "displayName"] }, { reports: ["id"] },
];

/** The shortfall against the reports it covers, when there is one. */
const Shortfall = () => {
  const translate = useTranslate();
  return (
    <FunctionField
      source="reportsTotal"
      render={(record: RaRecord) => {
        const gap = Number(record.reportsTotal) - Number(record.amount);
        return gap > 0 ? translate("app.deposit.shortfall", { amount: formatRupiah(gap) }) : "";
      }}
    />
  );
};

export const DepositList = () => (
  <List filters={filters} sort={{ field: "depositedAt", order: "DESC" }} queryOptions={{ meta: { sparseFields: LIST_FIELDS } }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="depositedAt">
        <InstantField source="depositedAt" />
      </DataTable.Col>
      <DataTable.Col source="marketId">
        <MarketReferenceField source="marketId" />
      </DataTable.Col>
      <DataTable.Col source="collectorId" disableSort>
        <TextField source="collector.displayName" />
      </DataTable.Col>
      <DataTable.Col source="amount" align="right">
        <MoneyField source="amount" />
      </DataTable.Col>
      <DataTable.Col source="reportsTotal" align="right" disableSort>
        <MoneyField source="reportsTotal" />
      </DataTable.Col>
      <DataTable.Col source="stsNumber" />
      <DataTable.Col source="status">
        <SelectField source="status" choices={depositStatusChoices} />
      </DataTable.Col>
    </DataTable>
  </List>
);

/** The treasurer verifies a pending deposit, or rejects it with a note. */
const VerifyButtons = () => {
  const record = useRecordContext<RaRecord>();
  const dataProvider = useDataProvider() as unknown as WorkflowMethods;
  const translate = useTranslate();
  const { busy, run } = useWorkflowAction();
  const [decision, setDecision] = useState<"approve" | "reject" | null>(null);
  if (!record || record.status !== "PENDING") return null;
  const approve = decision === "approve";
  const confirm = async (note: string) => {
    const done = await run(
      () => dataProvider.verifyDeposit(String(record.id), approve, note || null),
      approve ? "app.deposit.verified" : "app.deposit.rejected",
    );
    if (done) setDecision(null);
  };
  return (
    <>
      <Button label="app.deposit.verify" variant="contained" onClick={() => setDecision("approve")} />
      <Button label="app.deposit.reject" color="error" onClick={() => setDecision("reject")} />
      <NoteDialog
        key={decision ?? "closed"}
        open={decision !== null}
        title={translate(approve ? "app.deposit.verify_title" : "app.deposit.reject_title", { id: record.id })}
        noteLabel="app.deposit.note"
        noteHelp={approve ? undefined : "app.deposit.note_required"}
        confirmLabel={approve ? "app.deposit.verify" : "app.deposit.reject"}
        confirmColor={approve ? "primary" : "error"}
        minLength={approve ? 0 : 3}
        busy={busy}
        onCancel={() => setDecision(null)}
        onConfirm={confirm}
      />
    </>
  );
};

const DepositActions = () => (useCanVerifyDeposits() ? <TopToolbar><VerifyButtons /></TopToolbar> : null);

export const DepositShow = () => (
  <Show actions={<DepositActions />} queryOptions={{ meta: { sparseFields: SHOW_FIELDS } }}>
    <SimpleShowLayout>
      <SelectField source="status" choices={depositStatusChoices} />
      <MarketReferenceField source="marketId" />
      <TextField source="collector.displayName" label="resources.Deposit.fields.collectorId" />
      <MoneyField source="amount" />
      <MoneyField source="reportsTotal" />
      <Shortfall />
      <InstantField source="depositedAt" />
      <TextField source="stsNumber" />
      <TextField source="bankReference" emptyText="-" />
      <InstantField source="recordedAt" />
      <TextField source="verifiedBy.displayName" label="resources.Deposit.fields.verifiedById" emptyText="-" />
      <InstantField source="verifiedAt" />
      <TextField source="verificationNote" emptyText="-" />
      <ReferenceArrayField source="reportsIds" reference="DailyReport">
        <DataTable bulkActionButtons={false} rowClick="show">
          <DataTable.Col source="businessDate">
            <LocalDateField source="businessDate" />
          </DataTable.Col>
          <DataTable.NumberCol source="receiptCount" />
          <DataTable.Col source="total" align="right">
            <MoneyField source="total" />
          </DataTable.Col>
          <DataTable.Col source="status">
            <SelectField source="status" choices={dailyReportStatusChoices} />
          </DataTable.Col>
        </DataTable>
      </ReferenceArrayField>
    </SimpleShowLayout>
  </Show>
);
