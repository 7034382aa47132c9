import {
  DataTable,
  DateInput,
  List,
  NumberField,
  Pagination,
  ReferenceField,
  ReferenceManyField,
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
import { dailyReportStatusChoices } from "../common/choices";
import { InstantField, LocalDateField, MoneyField } from "../common/fields";
import { useCanRejectReports } from "../common/permissions";
import { ReportDownloadButtons } from "../common/report-download";
import { MarketReferenceField, MarketReferenceInput, UserReferenceInput } from "../common/references";
import { NoteActionButton } from "../common/workflow";
import type { WorkflowMethods } from "../providers/dataProvider";

const COLLECTORS = { role: "COLLECTOR" };

const filters = [
  <MarketReferenceInput key="marketId" source="marketId" alwaysOn />,
  <DateInput key="from" source="businessDate_gte" alwaysOn />,
  <DateInput key="to" source="businessDate_lte" alwaysOn />,
  <SelectInput key="status" source="status" choices={dailyReportStatusChoices} />,
  <UserReferenceInput key="collectorId" source="collectorId" filter={COLLECTORS} />,
];

/** The list never needs each report's receipts (thousands of rows); only the show page does. */
const LIST_FIELDS = ["id", "businessDate", "marketId", "collectorId", "receiptCount", "total", "status", "submittedAt", { collector: ["id", "displayName"] }];
/** Names of the people involved come with the report: only administrators may read users themselves. */
const SHOW_FIELDS = [
  "id", "clientId", "businessDate", "marketId", "collectorId", "submittedById", "status", "receiptCount", "total", "note", "submittedAt",
  "rejectedAt", "rejectedById", "rejectionReason",
  { collector: ["id", "displayName"] }, { submittedBy: ["id", "displayName"] }, { rejectedBy: ["id", "displayName"] }, { deposit: ["id", "stsNumber"] },
];

export const DailyReportList = () => (
  <List
    filters={filters}
    sort={{ field: "businessDate", order: "DESC" }}
    queryOptions={{ meta: { sparseFields: LIST_FIELDS } }}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="businessDate">
        <LocalDateField source="businessDate" />
      </DataTable.Col>
      <DataTable.Col source="marketId">
        <MarketReferenceField source="marketId" />
      </DataTable.Col>
      <DataTable.Col source="collectorId">
        <TextField source="collector.displayName" />
      </DataTable.Col>
      <DataTable.NumberCol source="receiptCount" />
      <DataTable.Col source="total" align="right">
        <MoneyField source="total" />
      </DataTable.Col>
      <DataTable.Col source="status">
        <SelectField source="status" choices={dailyReportStatusChoices} />
      </DataTable.Col>
      <DataTable.Col source="submittedAt">
        <InstantField source="submittedAt" />
      </DataTable.Col>
    </DataTable>
  </List>
);

/** Market heads and officers reject a report with a reason; it stops counting and stays visible. */
const RejectReportButton = () => {
  const record = useRecordContext<RaRecord>();
  const dataProvider = useDataProvider() as unknown as WorkflowMethods;
  const translate = useTranslate();
  if (!record || record.status !== "SUBMITTED") return null;
  return (
    <NoteActionButton
      label="app.report.reject"
      action={(reason) => dataProvider.rejectDailyReport(String(record.id), reason)}
      successMessage="app.report.rejected"
      title={translate("app.report.reject_title", { id: record.id })}
      help={translate("app.report.reject_help")}
      noteLabel="app.report.reason"
      confirmLabel="app.report.reject"
      confirmColor="error"
      minLength={3}
    />
  );
};

/** The collector's daily recap of the report's market and day, as the market head files it with the deposit. */
const RecapDownload = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <ReportDownloadButtons
      report="collector-recap"
      params={{ marketId: String(record.marketId), date: String(record.businessDate), collectorId: String(record.collectorId) }}
    />
  );
};

const DailyReportActions = () => (
  <TopToolbar>
    <RecapDownload />
    {useCanRejectReports() ? <RejectReportButton /> : null}
  </TopToolbar>
);

export const DailyReportShow = () => (
  <Show actions={<DailyReportActions />} queryOptions={{ meta: { sparseFields: SHOW_FIELDS } }}>
    <SimpleShowLayout>
      <LocalDateField source="businessDate" />
      <MarketReferenceField source="marketId" />
      <TextField source="collector.displayName" label="resources.DailyReport.fields.collectorId" />
      <SelectField source="status" choices={dailyReportStatusChoices} />
      <NumberField source="receiptCount" />
      <MoneyField source="total" />
      <TextField source="note" emptyText="-" />
      <InstantField source="submittedAt" />
      <TextField source="submittedBy.displayName" label="resources.DailyReport.fields.submittedById" />
      <ReferenceField source="deposit.id" reference="Deposit" link="show" emptyText="-">
        <TextField source="stsNumber" />
      </ReferenceField>
      <TextField source="rejectionReason" emptyText="-" />
      <TextField source="rejectedBy.displayName" label="resources.DailyReport.fields.rejectedById" emptyText="-" />
      <InstantField source="rejectedAt" />
      <ReferenceManyField
        label="app.report.receipts"
        reference="Receipt"
        target="reportId"
        sort={{ field: "id", order: "ASC" }}
        perPage={50}
        pagination={<Pagination rowsPerPageOptions={[50, 100, 200]} />}
      >
        <DataTable bulkActionButtons={false}>
          <DataTable.Col source="ticketNo" disableSort />
          <DataTable.Col source="stallId" disableSort>
            <ReferenceField source="stallId" reference="Stall" link="show">
              <TextField source="code" />
            </ReferenceField>
          </DataTable.Col>
          <DataTable.Col source="amount" align="right" disableSort>
            <MoneyField source="amount" />
          </DataTable.Col>
          <DataTable.Col source="collectedAt" disableSort>
            <InstantField source="collectedAt" />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);

const receiptFilters = [
  <TextInput key="q" source="series" alwaysOn />,
  <MarketReferenceInput key="marketId" source="marketId" alwaysOn />,
  <DateInput key="from" source="businessDate_gte" alwaysOn />,
  <DateInput key="to" source="businessDate_lte" alwaysOn />,
];

export const ReceiptList = () => (
  <List filters={receiptFilters} sort={{ field: "businessDate", order: "DESC" }} queryOptions={{ meta: { sparseFields: ["id", "ticketNo", "businessDate", "marketId", "stallId", "amount", "reportId"] } }}>
    <DataTable bulkActionButtons={false}>
      <DataTable.Col source="businessDate">
        <LocalDateField source="businessDate" />
      </DataTable.Col>
      <DataTable.Col source="ticketNo" disableSort />
      <DataTable.Col source="marketId">
        <MarketReferenceField source="marketId" />
      </DataTable.Col>
      <DataTable.Col source="stallId">
        <ReferenceField source="stallId" reference="Stall" link="show">
          <TextField source="code" />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="amount" align="right">
        <MoneyField source="amount" />
      </DataTable.Col>
      <DataTable.Col source="reportId">
        <ReferenceField source="reportId" reference="DailyReport" link="show">
          <TextField source="id" />
        </ReferenceField>
      </DataTable.Col>
    </DataTable>
  </List>
);
