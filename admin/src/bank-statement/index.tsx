import type { MouseEvent } from "react";
import BalanceIcon from "@mui/icons-material/Balance";
import SyncIcon from "@mui/icons-material/Sync";
import UploadFileIcon from "@mui/icons-material/UploadFile";
import { Box, LinearProgress, ToggleButton, ToggleButtonGroup, Typography } from "@mui/material";
import {
  AutocompleteInput,
  Button,
  CreateButton,
  DataTable,
  DateInput,
  DateTimeInput,
  ExportButton,
  FilterButton,
  FunctionField,
  Link,
  List,
  NumberField,
  Pagination,
  ReferenceField,
  ReferenceInput,
  ReferenceManyField,
  SearchInput,
  SelectInput,
  Show,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  useCreatePath,
  useDataProvider,
  useListContext,
  useLocaleState,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from "react-admin";
import {
  BANK_STATEMENT_STATUS_COLORS,
  STATEMENT_MATCH_COLORS,
  STATEMENT_MATCH_STATUSES,
  bankStatementStatusChoices,
  paymentChannelChoices,
  statementMatchStatusChoices,
} from "../common/choices";
import { toInstant } from "../common/dates";
import { EnumChipField, FieldRow, InstantField, LocalDateField, MoneyField } from "../common/fields";
import { formatLocalDate, formatRupiah } from "../common/format";
import { useCanImportStatements } from "../common/permissions";
import { useWorkflowAction } from "../common/workflow";
import type { StatementSummary, WorkflowMethods } from "../providers/dataProvider";

/** How often a statement that is still being imported is read again. */
const IMPORT_POLL_MS = 1500;

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={bankStatementStatusChoices} alwaysOn />,
  <TextInput key="accountNo" source="accountNo" />,
  <DateTimeInput key="from" source="importedAt_gte" parse={toInstant} />,
  <DateTimeInput key="to" source="importedAt_lte" parse={toInstant} />,
];

const FIELDS = [
  "id", "accountNo", "fileName", "fileDigest", "status", "lineCount", "linesImported", "creditTotal", "debitTotal", "firstValueDate",
  "lastValueDate", "matchedCount", "matchedAmount", "unmatchedCount", "unmatchedAmount", "importedById", "importedAt", "completedAt",
  { importedBy: ["id", "displayName"] },
];

const isImporting = (record: RaRecord | undefined) => record?.status === "IMPORTING";

/** The part of react-query's Query that a refetchInterval function reads. */
interface PolledQuery {
  state: { data?: unknown };
}

/** Poll a list while any of its statements is still being imported. */
const listRefetch = (query: PolledQuery) =>
  (query.state.data as { data?: RaRecord[] } | undefined)?.data?.some(isImporting) ? IMPORT_POLL_MS : false;
/** Poll a statement's page while it is being imported. */
const showRefetch = (query: PolledQuery) => (isImporting(query.state.data as RaRecord | undefined) ? IMPORT_POLL_MS : false);

/** While IMPORTING: a bar and "linesImported / lineCount"; afterwards the line count. */
export const ImportProgressField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<RaRecord>();
  if (!record) return null;
  const total = Number(record.lineCount) || 0;
  const done = Number(record.linesImported) || 0;
  if (!isImporting(record)) return <span>{total}</span>;
  return (
    <Box sx={{ minWidth: 120 }} data-testid="import-progress">
      <LinearProgress variant="determinate" value={total > 0 ? Math.min(100, (100 * done) / total) : 0} />
      <Typography variant="caption">{`${done} / ${total}`}</Typography>
    </Box>
  );
};

/** "3 · Rp 450.000": a count of lines and their credit total. */
const CountAmountField = ({ count, amount }: { count: string; amount: string; label?: string; source?: string }) => (
  <FunctionField
    source={count}
    textAlign="right"
    render={(record: RaRecord) => `${Number(record[count] ?? 0)} · ${formatRupiah(record[amount] ?? 0)}`}
  />
);

const ValueDatesField = (_props: { label?: string; source?: string }) => {
  const [locale] = useLocaleState();
  return (
    <FunctionField
      source="firstValueDate"
      render={(record: RaRecord) =>
        record.firstValueDate === record.lastValueDate
          ? formatLocalDate(record.firstValueDate, locale)
          : `${formatLocalDate(record.firstValueDate, locale)} – ${formatLocalDate(record.lastValueDate, locale)}`
      }
    />
  );
};

const BankStatementListActions = () => {
  const canImport = useCanImportStatements();
  return (
    <TopToolbar>
      <FilterButton />
      {canImport ? <CreateButton label="app.statement.import" icon={<UploadFileIcon />} /> : null}
      <Button label="app.reconciliation.menu" component={Link} to="/reconciliation">
        <BalanceIcon />
      </Button>
      <ExportButton />
    </TopToolbar>
  );
};

export const BankStatementList = () => (
  <List
    filters={filters}
    actions={<BankStatementListActions />}
    // The toolbar (import, reconciliation report) stays when no statement was imported yet.
    empty={false}
    sort={{ field: "importedAt", order: "DESC" }}
    queryOptions={{ meta: { sparseFields: FIELDS }, refetchInterval: listRefetch }}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="importedAt">
        <InstantField source="importedAt" />
      </DataTable.Col>
      <DataTable.Col source="fileName" />
      <DataTable.Col source="accountNo" disableSort />
      <DataTable.Col source="firstValueDate" label="app.statement.value_dates">
        <ValueDatesField />
      </DataTable.Col>
      <DataTable.Col source="status">
        <EnumChipField source="status" enumName="BankStatementStatus" colors={BANK_STATEMENT_STATUS_COLORS} />
      </DataTable.Col>
      <DataTable.Col source="lineCount" align="right" disableSort>
        <ImportProgressField />
      </DataTable.Col>
      <DataTable.Col source="creditTotal" align="right" disableSort>
        <MoneyField source="creditTotal" />
      </DataTable.Col>
      <DataTable.Col source="matchedCount" align="right" disableSort>
        <CountAmountField count="matchedCount" amount="matchedAmount" />
      </DataTable.Col>
      <DataTable.Col source="unmatchedCount" align="right" disableSort>
        <CountAmountField count="unmatchedCount" amount="unmatchedAmount" />
      </DataTable.Col>
      <DataTable.Col source="importedById" disableSort>
        <TextField source="importedBy.displayName" />
      </DataTable.Col>
    </DataTable>
  </List>
);

/** Tries the unmatched credit lines again, e.g. after late payment notifications arrived. */
const ReconcileButton = () => {
  const record = useRecordContext<RaRecord>();
  const dataProvider = useDataProvider() as unknown as WorkflowMethods;
  const { busy, run } = useWorkflowAction();
  if (!record || record.status !== "COMPLETED") return null;
  const reconcile = () =>
    run(
      () => dataProvider.reconcileBankStatement(String(record.id)),
      "app.statement.reconciled",
      (s: StatementSummary) => ({
        matched: s.matchedCount,
        unmatched: s.unmatchedCount,
        newly: s.matchedCount - Number(record.matchedCount ?? 0),
      }),
    );
  return <Button label="app.statement.reconcile" variant="contained" disabled={busy} onClick={reconcile}>
      <SyncIcon />
    </Button>;
};

const BankStatementActions = () => (useCanImportStatements() ? <TopToolbar><ReconcileButton /></TopToolbar> : null);

const LINE_FIELDS = [
  "id", "lineNo", "valueDate", "description", "reference", "credit", "debit", "balance", "matchStatus", "paymentId", "depositId",
  "statementId", { payment: ["id", "externalRef", "channel"] }, { deposit: ["id", "stsNumber"] },
];

const stopPropagation = (event: MouseEvent) => event.stopPropagation();

/** What a credit line was reconciled with: a link to the payment or the deposit. */
const MatchedWithField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<RaRecord>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  if (!record) return null;
  const payment = record.payment as { id: string; externalRef: string; channel: string } | undefined;
  const deposit = record.deposit as { id: string; stsNumber: string } | undefined;
  if (payment?.id) {
    const channel = paymentChannelChoices.find((c) => c.id === payment.channel);
    return (
      <Link to={createPath({ resource: "Payment", id: payment.id, type: "show" })} onClick={stopPropagation}>
        {`${channel ? translate(channel.name) : payment.channel} ${payment.externalRef}`}
      </Link>
    );
  }
  if (deposit?.id) {
    return (
      <Link to={createPath({ resource: "Deposit", id: deposit.id, type: "show" })} onClick={stopPropagation}>
        {translate("app.statement.deposit", { sts: deposit.stsNumber })}
      </Link>
    );
  }
  return <span>-</span>;
};

/** Tabs over the statement's lines by match status, with the statement's own counts. */
const MatchStatusFilter = () => {
  const statement = useRecordContext<RaRecord>();
  const { filterValues, setFilters } = useListContext();
  const translate = useTranslate();
  const current = (filterValues.matchStatus as string | undefined) ?? "ALL";
  const counts: Record<string, unknown> = { MATCHED: statement?.matchedCount, UNMATCHED: statement?.unmatchedCount };
  return (
    <ToggleButtonGroup
      exclusive
      size="small"
      value={current}
      onChange={(_event, value: string | null) => {
        if (value === null) return;
        const { matchStatus: _, ...rest } = filterValues;
        setFilters(value === "ALL" ? rest : { ...rest, matchStatus: value }, {}, false);
      }}
      sx={{ mb: 1 }}
    >
      <ToggleButton value="ALL">{translate("app.statement.all_lines")}</ToggleButton>
      {STATEMENT_MATCH_STATUSES.map((status) => (
        <ToggleButton key={status} value={status} data-testid={`lines-${status}`}>
          {translate(`app.enum.StatementMatchStatus.${status}`)}
          {counts[status] !== undefined ? ` (${Number(counts[status])})` : ""}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
};

export const BankStatementShow = () => (
  <Show actions={<BankStatementActions />} queryOptions={{ meta: { sparseFields: FIELDS }, refetchInterval: showRefetch }}>
    <SimpleShowLayout>
      <TextField source="fileName" />
      <TextField source="accountNo" />
      <EnumChipField source="status" enumName="BankStatementStatus" colors={BANK_STATEMENT_STATUS_COLORS} />
      <ImportProgressField source="lineCount" />
      <ValueDatesField label="app.statement.value_dates" />
      <FieldRow label={false}>
        <MoneyField source="creditTotal" />
        <MoneyField source="debitTotal" />
      </FieldRow>
      <FieldRow label={false}>
        <NumberField source="matchedCount" />
        <MoneyField source="matchedAmount" />
        <NumberField source="unmatchedCount" />
        <MoneyField source="unmatchedAmount" />
      </FieldRow>
      <FieldRow label={false}>
        <TextField source="importedBy.displayName" label="resources.BankStatement.fields.importedById" />
        <InstantField source="importedAt" />
        <InstantField source="completedAt" emptyText="-" />
      </FieldRow>
      <TextField source="fileDigest" sx={{ fontFamily: "monospace", fontSize: "0.75rem" }} />
      <ReferenceManyField
        label="app.statement.lines"
        reference="StatementLine"
        target="statementId"
        sort={{ field: "lineNo", order: "ASC" }}
        perPage={50}
        pagination={<Pagination rowsPerPageOptions={[50, 100, 200]} />}
        queryOptions={{ meta: { sparseFields: LINE_FIELDS } }}
      >
        <MatchStatusFilter />
        <LineTable />
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);

const LineTable = ({ withStatement = false }: { withStatement?: boolean }) => (
  <DataTable bulkActionButtons={false} rowClick={false}>
    {withStatement ? (
      <DataTable.Col source="statementId" disableSort>
        <ReferenceField source="statementId" reference="BankStatement" link="show">
          <TextField source="fileName" />
        </ReferenceField>
      </DataTable.Col>
    ) : null}
    <DataTable.NumberCol source="lineNo" options={{ useGrouping: false }} />
    <DataTable.Col source="valueDate">
      <LocalDateField source="valueDate" />
    </DataTable.Col>
    <DataTable.Col source="description" disableSort />
    <DataTable.Col source="reference" />
    <DataTable.Col source="credit" align="right">
      <MoneyField source="credit" />
    </DataTable.Col>
    <DataTable.Col source="debit" align="right">
      <MoneyField source="debit" />
    </DataTable.Col>
    <DataTable.Col source="balance" align="right" disableSort>
      <MoneyField source="balance" />
    </DataTable.Col>
    <DataTable.Col source="matchStatus">
      <EnumChipField source="matchStatus" enumName="StatementMatchStatus" colors={STATEMENT_MATCH_COLORS} />
    </DataTable.Col>
    <DataTable.Col source="paymentId" label="app.statement.matched_with" disableSort>
      <MatchedWithField />
    </DataTable.Col>
  </DataTable>
);

const lineFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="matchStatus" source="matchStatus" choices={statementMatchStatusChoices} alwaysOn />,
  <ReferenceInput key="statementId" source="statementId" reference="BankStatement" sort={{ field: "importedAt", order: "DESC" }} alwaysOn>
    <AutocompleteInput optionText="fileName" sx={{ minWidth: 280 }} />
  </ReferenceInput>,
  <DateInput key="from" source="valueDate_gte" />,
  <DateInput key="to" source="valueDate_lte" />,
  <TextInput key="reference" source="reference" />,
];

/** Every statement's lines, e.g. all unmatched credits of a month across files. */
export const StatementLineList = () => (
  <List filters={lineFilters} sort={{ field: "valueDate", order: "DESC" }} queryOptions={{ meta: { sparseFields: LINE_FIELDS } }}>
    <LineTable withStatement />
  </List>
);

export { BankStatementImport } from "./import";
