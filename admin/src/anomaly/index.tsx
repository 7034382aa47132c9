import { useMemo } from "react";
import { Chip, Typography } from "@mui/material";
import {
  ArrayField,
  DataTable,
  DateInput,
  FilterButton,
  FunctionField,
  List,
  ReferenceField,
  SearchInput,
  SelectInput,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useGetMany,
  useListContext,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from "react-admin";
import {
  ANOMALY_RESOLUTION_COLORS,
  anomalyResolutionChoices,
  anomalySeverityChoices,
  anomalyStatusChoices,
} from "../common/choices";
import { EnumChipField, FieldRow, InstantField, LocalDateField, MoneyField } from "../common/fields";
import { todayInJakarta } from "../common/dates";
import { useCanReadUsers, useCanRunDetection } from "../common/permissions";
import { ReportDownloadButtons } from "../common/report-download";
import { MarketReferenceField, MarketReferenceInput } from "../common/references";
import { getSession } from "../providers/session";
import { AnomalyShowActions } from "./actions";
import { RunDetectionButton } from "./detection";
import { EvidenceField } from "./evidence";
import { AnomalyExportButton } from "./export";
import { CollectorInput, RuleField, RuleInput, SeverityChipField, StatusChipField, SummaryField, useSummaryOf } from "./fields";
import { ruleLabelKey } from "./rules";

/** The list leaves out the evidence and the history (the show page has them). */
const LIST_FIELDS = [
  "id", "rule", "severity", "status", "businessDate", "marketId", "collectorId", "stallId", "amountAtRisk", "summaryId", "summaryEn",
  "assigneeId", "resolution", "detectedAt",
  { collector: ["id", "displayName"] }, { assignee: ["id", "displayName"] },
];
/** Names of the people involved come with the finding: only administrators may read users themselves. */
const SHOW_FIELDS = [
  "id", "rule", "severity", "status", "businessDate", "marketId", "collectorId", "stallId", "amountAtRisk", "summaryId", "summaryEn",
  "evidence", "fingerprint", "detectedAt", "lastSeenAt", "assigneeId", "resolution", "resolutionNote", "resolvedAt",
  { collector: ["id", "displayName"] }, { assignee: ["id", "displayName"] }, { stall: ["id", "code"] },
  { history: ["id", "at", "userId", "action", "fromStatus", "toStatus", "note"] },
];

/**
 * A filter without an input: added from "Tambah filter", it applies its `defaultValue` (react-admin's
 * documented quick-filter pattern).
 */
const QuickFilter = ({ label }: { source: string; label: string; defaultValue: unknown }) => {
  const translate = useTranslate();
  return <Chip sx={{ mb: 1 }} label={translate(label)} />;
};

/**
 * Filters. `status` takes one value on the server (AnomalyFilter), so "open or acknowledged" cannot
 * be the default; the queue opens on the most recent business days first instead.
 */
const useFilters = () => {
  const me = getSession()?.user.id;
  return useMemo(
    () => [
      <SearchInput key="q" source="q" alwaysOn />,
      <RuleInput key="rule" source="rule" alwaysOn />,
      <SelectInput key="severity" source="severity" choices={anomalySeverityChoices} alwaysOn />,
      <SelectInput key="status" source="status" choices={anomalyStatusChoices} alwaysOn />,
      <MarketReferenceInput key="marketId" source="marketId" alwaysOn />,
      <DateInput key="from" source="businessDate_gte" alwaysOn />,
      <DateInput key="to" source="businessDate_lte" alwaysOn />,
      <CollectorInput key="collectorId" source="collectorId" />,
      <SelectInput key="resolution" source="resolution" choices={anomalyResolutionChoices} />,
      ...(me ? [<QuickFilter key="assigneeId" source="assigneeId" label="app.anomaly.assigned_to_me" defaultValue={String(me)} />] : []),
    ],
    [me],
  );
};

/** The register of the days the queue is filtered on (this month when it is not), as auditors file it. */
const RegisterDownload = () => {
  const { filterValues } = useListContext();
  const today = todayInJakarta();
  return (
    <ReportDownloadButtons
      report="anomaly-register"
      params={{
        from: (filterValues.businessDate_gte as string | undefined) || `${today.slice(0, 7)}-01`,
        to: (filterValues.businessDate_lte as string | undefined) || today,
        marketId: filterValues.marketId as string | undefined,
      }}
    />
  );
};

const AnomalyListActions = () => {
  const canRun = useCanRunDetection();
  return (
    <TopToolbar>
      <FilterButton />
      {canRun ? <RunDetectionButton /> : null}
      <AnomalyExportButton />
      <RegisterDownload />
    </TopToolbar>
  );
};

/** The summary in the list: the explanation in the UI language, kept to a readable width. */
const ListSummary = (_props: { source?: string }) => (
  <Typography component="span" variant="body2" sx={{ display: "block", maxWidth: "34rem" }}>
    <SummaryField />
  </Typography>
);

export const AnomalyList = () => {
  const filters = useFilters();
  return (
    <List
      filters={filters}
      actions={<AnomalyListActions />}
      // The toolbar stays when there is no finding yet: that is when "Jalankan deteksi" is needed.
      empty={false}
      sort={{ field: "businessDate", order: "DESC" }}
      queryOptions={{ meta: { sparseFields: LIST_FIELDS } }}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="businessDate">
          <LocalDateField source="businessDate" />
        </DataTable.Col>
        <DataTable.Col source="rule">
          <RuleField />
        </DataTable.Col>
        <DataTable.Col source="severity" disableSort>
          <SeverityChipField />
        </DataTable.Col>
        <DataTable.Col source="status">
          <StatusChipField source="status" />
        </DataTable.Col>
        <DataTable.Col source="marketId">
          <MarketReferenceField source="marketId" emptyText="-" />
        </DataTable.Col>
        <DataTable.Col source="collectorId" disableSort>
          <TextField source="collector.displayName" emptyText="-" />
        </DataTable.Col>
        <DataTable.Col source="amountAtRisk" align="right">
          <MoneyField source="amountAtRisk" />
        </DataTable.Col>
        <DataTable.Col source="summary" disableSort>
          <ListSummary />
        </DataTable.Col>
        <DataTable.Col source="assigneeId" disableSort>
          <TextField source="assignee.displayName" emptyText="-" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

const AnomalyTitle = () => {
  const record = useRecordContext<RaRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const rule = String(record.rule ?? "");
  return (
    <span>
      {translate("app.anomaly.title", { id: record.id, rule: translate(ruleLabelKey(rule), { _: rule }) })}
    </span>
  );
};

/**
 * Who did each step. Events carry a user id only and only administrators may read users, so the
 * names come from what the page knows (the signed-in user, the finding's assignee and collector);
 * administrators look the others up.
 */
const useActorNames = (record: RaRecord | undefined) => {
  const canReadUsers = useCanReadUsers();
  const me = getSession()?.user;
  const known = new Map<string, string>();
  if (me) known.set(String(me.id), me.displayName);
  for (const person of [record?.assignee, record?.collector] as Array<{ id: string; displayName: string } | null | undefined>) {
    if (person) known.set(String(person.id), person.displayName);
  }
  // The response parser drops null fields: a detection step has no `userId` at all.
  const history = (record?.history ?? []) as Array<{ userId?: string | null }>;
  const unknown = [...new Set(history.map((e) => e.userId).filter((id): id is string => id != null && !known.has(String(id))))];
  const { data: users } = useGetMany(
    "User",
    { ids: unknown, meta: { sparseFields: ["id", "displayName"] } },
    { enabled: canReadUsers && unknown.length > 0 },
  );
  for (const user of users ?? []) known.set(String(user.id), String(user.displayName));
  return known;
};

/** The finding's history, oldest first: when, who, what, the status change and the note. */
const HistoryField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<RaRecord>();
  const translate = useTranslate();
  const names = useActorNames(record);
  const status = (value: unknown) => (value ? translate(`app.enum.AnomalyStatus.${String(value)}`, { _: String(value) }) : "");
  return (
    <ArrayField source="history">
      <DataTable bulkActionButtons={false} data-testid="anomaly-history" sx={{ width: "auto" }}>
        <DataTable.Col disableSort source="at" label="app.anomaly.history_at">
          <InstantField source="at" />
        </DataTable.Col>
        <DataTable.Col disableSort source="userId" label="app.anomaly.history_by">
          <FunctionField
            render={(event: RaRecord) =>
              event.userId == null
                ? translate("app.anomaly.history_system")
                : (names.get(String(event.userId)) ?? translate("app.anomaly.history_user", { id: event.userId }))
            }
          />
        </DataTable.Col>
        <DataTable.Col disableSort source="action" label="app.anomaly.history_action">
          <FunctionField render={(event: RaRecord) => translate(`app.enum.AnomalyAction.${String(event.action)}`, { _: String(event.action) })} />
        </DataTable.Col>
        <DataTable.Col disableSort source="toStatus" label="app.anomaly.history_status">
          <FunctionField
            render={(event: RaRecord) =>
              event.fromStatus && event.fromStatus !== event.toStatus ? `${status(event.fromStatus)} → ${status(event.toStatus)}` : status(event.toStatus)
            }
          />
        </DataTable.Col>
        <DataTable.Col disableSort source="note" label="app.anomaly.history_note">
          <TextField source="note" emptyText="-" />
        </DataTable.Col>
      </DataTable>
    </ArrayField>
  );
};

/** The explanation in the UI language, as a paragraph. */
const ExplanationField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<RaRecord>();
  const summaryOf = useSummaryOf();
  return (
    <Typography variant="body1" data-testid="anomaly-explanation" sx={{ maxWidth: "60rem" }}>
      {summaryOf(record)}
    </Typography>
  );
};

export const AnomalyShow = () => (
  <Show title={<AnomalyTitle />} actions={<AnomalyShowActions />} queryOptions={{ meta: { sparseFields: SHOW_FIELDS } }}>
    <SimpleShowLayout>
      <FieldRow label={false}>
        <RuleField source="rule" />
        <SeverityChipField source="severity" />
        <StatusChipField source="status" />
        <LocalDateField source="businessDate" emptyText="-" />
        <MoneyField source="amountAtRisk" />
      </FieldRow>
      <ExplanationField source="summary" label="resources.Anomaly.fields.summary" />
      <FieldRow label={false}>
        <MarketReferenceField source="marketId" emptyText="-" />
        <TextField source="collector.displayName" label="resources.Anomaly.fields.collectorId" emptyText="-" />
        <ReferenceField source="stallId" reference="Stall" link="show" emptyText="-">
          <TextField source="code" />
        </ReferenceField>
        <TextField source="assignee.displayName" label="resources.Anomaly.fields.assigneeId" emptyText="-" />
      </FieldRow>
      <EvidenceField source="evidence" label="resources.Anomaly.fields.evidence" />
      <FieldRow label={false}>
        <EnumChipField source="resolution" enumName="AnomalyResolution" colors={ANOMALY_RESOLUTION_COLORS} emptyText="-" />
        <TextField source="resolutionNote" emptyText="-" />
        <InstantField source="resolvedAt" emptyText="-" />
      </FieldRow>
      <FieldRow label={false}>
        <InstantField source="detectedAt" />
        <InstantField source="lastSeenAt" />
        <TextField source="fingerprint" />
      </FieldRow>
      <HistoryField source="history" label="resources.Anomaly.fields.history" />
    </SimpleShowLayout>
  </Show>
);
