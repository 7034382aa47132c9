import { Box, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import {
  Create,
  CreateButton,
  DataTable,
  DateInput,
  DateTimeInput,
  Edit,
  FilterButton,
  FunctionField,
  Link,
  List,
  NullableBooleanInput,
  SearchInput,
  SelectArrayInput,
  SelectField,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  maxLength,
  minLength,
  required,
  useCreatePath,
  useLocaleState,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from "react-admin";
import { ANOMALY_SEVERITY_COLORS, ANOMALY_STATUS_COLORS } from "../common/choices";
import { todayInJakarta, toInstant } from "../common/dates";
import { PagedExportButton, nameOf, type SparseField } from "../common/export";
import { EnumChipField, FieldRow, InstantField, LocalDateField, MoneyField } from "../common/fields";
import { formatInstant } from "../common/format";
import { canAdministerComplaints, canReadAnomalies, useRole } from "../common/permissions";
import { AgencyReferenceInput, MarketReferenceField, MarketReferenceInput } from "../common/references";
import { ComplaintShowActions } from "./actions";
import {
  COMPLAINT_STATUS_COLORS,
  SLA_STEPS,
  SlaField,
  SlaRow,
  TagsField,
  complaintChannelChoices,
  complaintClassificationChoices,
  complaintStatusChoices,
  complaintTagChoices,
} from "./fields";

const LIST_FIELDS: SparseField[] = [
  "id", "trackingNumber", "subject", "category", "status", "agencyId", "marketId", "tags", "receivedAt", "overdue",
  "verificationSla", "followUpSla", "resolutionSla", "verifyDueDate", "followUpDueDate", "resolveDueDate",
  { agency: ["id", "shortName"] },
];
const EXPORT_FIELDS: SparseField[] = [
  ...LIST_FIELDS, "channel", "classification", "verifiedAt", "disposedAt", "firstFollowUpAt", "resolvedAt", { market: ["id", "name"] },
];
const SHOW_FIELDS: SparseField[] = [
  ...LIST_FIELDS, "text", "channel", "classification", "verifiedAt", "disposedAt", "firstFollowUpAt", "resolvedAt", "createdAt", "updatedAt",
  { followUps: ["id", "authorId", "authorName", "text", "createdAt", "statusFrom", "statusTo"] },
  { relatedAnomalies: ["id", "rule", "severity", "status", "businessDate", "amountAtRisk"] },
];
const FORM_FIELDS = ["id", "trackingNumber", "channel", "classification", "category", "subject", "text", "receivedAt", "marketId", "tags", "status"];

/** A Jakarta calendar day in the filter, an instant in the query: the start or the end of that day. */
const dayStart = (day: string | null) => (day ? new Date(`${day}T00:00:00+07:00`).toISOString() : null);
const dayEnd = (day: string | null) => (day ? new Date(`${day}T23:59:59.999+07:00`).toISOString() : null);
const dayOf = (instant: unknown) => (typeof instant === "string" && instant ? todayInJakarta(new Date(instant)) : "");

const useFilters = () => {
  const role = useRole();
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="status" source="status" choices={complaintStatusChoices} alwaysOn />,
    ...(role === "AGENCY_EDITOR" ? [] : [<AgencyReferenceInput key="agencyId" source="agencyId" alwaysOn />]),
    <SelectInput key="tag" source="tag" choices={complaintTagChoices} alwaysOn />,
    <NullableBooleanInput key="overdue" source="overdue" alwaysOn />,
    <DateInput key="from" source="receivedAt_gte" alwaysOn format={dayOf} parse={dayStart} />,
    <DateInput key="to" source="receivedAt_lte" alwaysOn format={dayOf} parse={dayEnd} />,
    ...(role === "AGENCY_EDITOR" ? [] : [<MarketReferenceInput key="marketId" source="marketId" />]),
  ];
};

const EXPORT_COLUMNS = [
  "id", "trackingNumber", "receivedAt", "channel", "classification", "category", "subject", "tags", "market", "agency", "status",
  "verificationSla", "verifyDueDate", "followUpSla", "followUpDueDate", "resolutionSla", "resolveDueDate", "verifiedAt", "disposedAt",
  "firstFollowUpAt", "resolvedAt",
] as const;

const exportRow = (r: RaRecord) => ({
  id: r.id,
  trackingNumber: r.trackingNumber,
  receivedAt: r.receivedAt,
  channel: r.channel,
  classification: r.classification,
  category: r.category,
  subject: r.subject,
  tags: r.tags,
  market: nameOf(r.market, "name"),
  agency: nameOf(r.agency, "shortName"),
  status: r.status,
  verificationSla: r.verificationSla,
  verifyDueDate: r.verifyDueDate,
  followUpSla: r.followUpSla,
  followUpDueDate: r.followUpDueDate,
  resolutionSla: r.resolutionSla,
  resolveDueDate: r.resolveDueDate,
  verifiedAt: r.verifiedAt,
  disposedAt: r.disposedAt,
  firstFollowUpAt: r.firstFollowUpAt,
  resolvedAt: r.resolvedAt,
});

const ComplaintListActions = () => {
  const role = useRole();
  return (
    <TopToolbar>
      <FilterButton />
      {canAdministerComplaints(role) ? <CreateButton /> : null}
      <PagedExportButton fields={EXPORT_FIELDS} columns={EXPORT_COLUMNS} row={exportRow} fileName="app.complaint.export_file" />
    </TopToolbar>
  );
};

export const ComplaintList = () => {
  const filters = useFilters();
  return (
    <List
      filters={filters}
      actions={<ComplaintListActions />}
      sort={{ field: "receivedAt", order: "DESC" }}
      perPage={25}
      queryOptions={{ meta: { sparseFields: LIST_FIELDS } }}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="trackingNumber" />
        <DataTable.Col source="receivedAt">
          <InstantField source="receivedAt" />
        </DataTable.Col>
        <DataTable.Col source="subject" disableSort>
          <FunctionField
            render={(r: RaRecord) => (
              <Stack spacing={0.5} sx={{ maxWidth: "24rem" }}>
                <span>{String(r.subject ?? "")}</span>
                {(r.tags as string[] | undefined)?.length ? <TagsField /> : null}
              </Stack>
            )}
          />
        </DataTable.Col>
        <DataTable.Col source="agencyId">
          <TextField source="agency.shortName" emptyText="-" />
        </DataTable.Col>
        <DataTable.Col source="status">
          <EnumChipField source="status" enumName="ComplaintStatus" colors={COMPLAINT_STATUS_COLORS} />
        </DataTable.Col>
        {SLA_STEPS.map((step) => (
          <DataTable.Col key={step.sla} source={step.sla} disableSort>
            <SlaField step={step} />
          </DataTable.Col>
        ))}
      </DataTable>
    </List>
  );
};

const ComplaintTitle = () => {
  const record = useRecordContext<RaRecord>();
  const translate = useTranslate();
  return record ? <span>{translate("app.complaint.title", { trackingNumber: record.trackingNumber })}</span> : null;
};

interface FollowUp {
  id: string;
  authorName: string;
  text: string;
  createdAt: string;
  statusFrom?: string | null;
  statusTo?: string | null;
}

/** The follow-up entries, oldest first: when, who, the status change it carried, what was done. */
const Timeline = (_props: { label?: string }) => {
  const record = useRecordContext<RaRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const entries = (record?.followUps ?? []) as FollowUp[];
  if (entries.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="complaint-timeline">
        {translate("app.complaint.no_follow_ups")}
      </Typography>
    );
  }
  const status = (s: string) => translate(`app.enum.ComplaintStatus.${s}`, { _: s });
  return (
    <Stack spacing={1.5} data-testid="complaint-timeline" sx={{ borderLeft: 2, borderColor: "divider", pl: 2, maxWidth: "60rem" }}>
      {entries.map((e) => (
        <Box key={e.id} data-testid="follow-up" data-status={e.statusTo ?? ""}>
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: "center", flexWrap: "wrap" }}>
            <Typography variant="subtitle2">{formatInstant(e.createdAt, locale)}</Typography>
            <Typography variant="body2" color="text.secondary">
              {translate("app.complaint.by", { name: e.authorName })}
            </Typography>
            {e.statusTo ? (
              <Chip
                size="small"
                variant="outlined"
                color={COMPLAINT_STATUS_COLORS[e.statusTo] ?? "default"}
                label={e.statusFrom ? `${status(e.statusFrom)} → ${status(e.statusTo)}` : status(e.statusTo)}
              />
            ) : null}
          </Stack>
          <Typography variant="body2" sx={{ whiteSpace: "pre-wrap" }}>
            {e.text}
          </Typography>
        </Box>
      ))}
    </Stack>
  );
};

interface RelatedAnomaly {
  id: string;
  rule: string;
  severity: string;
  status: string;
  businessDate: string | null;
  amountAtRisk: number | null;
}

/** For a PUNGLI complaint about a market: that market's findings, linked to the anomaly queue. */
const RelatedAnomalies = (_props: { label?: string }) => {
  const record = useRecordContext<RaRecord>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const role = useRole();
  const anomalies = (record?.relatedAnomalies ?? []) as RelatedAnomaly[];
  if (anomalies.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate("app.complaint.no_related")}
      </Typography>
    );
  }
  const linked = canReadAnomalies(role);
  return (
    <Table size="small" sx={{ width: "auto" }} data-testid="related-anomalies">
      <TableHead>
        <TableRow>
          <TableCell>{translate("resources.Anomaly.fields.rule")}</TableCell>
          <TableCell>{translate("resources.Anomaly.fields.businessDate")}</TableCell>
          <TableCell>{translate("resources.Anomaly.fields.severity")}</TableCell>
          <TableCell>{translate("resources.Anomaly.fields.status")}</TableCell>
          <TableCell align="right">{translate("resources.Anomaly.fields.amountAtRisk")}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {anomalies.map((a) => {
          const label = translate(`app.enum.AnomalyRule.${a.rule}`, { _: a.rule });
          return (
            <TableRow key={a.id}>
              <TableCell>{linked ? <Link to={createPath({ resource: "Anomaly", type: "show", id: a.id })}>{label}</Link> : label}</TableCell>
              <TableCell>
                <LocalDateField source="businessDate" record={a} emptyText="-" />
              </TableCell>
              <TableCell>
                <EnumChipField source="severity" record={a} enumName="AnomalySeverity" colors={ANOMALY_SEVERITY_COLORS} />
              </TableCell>
              <TableCell>
                <EnumChipField source="status" record={a} enumName="AnomalyStatus" colors={ANOMALY_STATUS_COLORS} />
              </TableCell>
              <TableCell align="right">
                <MoneyField source="amountAtRisk" record={a} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};

/** Shown only for a PUNGLI complaint about a market (the API lists nothing for the others). */
const RelatedSection = (_props: { label: false }) => {
  const record = useRecordContext<RaRecord>();
  const translate = useTranslate();
  if (!record || !(record.tags as string[] | undefined)?.includes("PUNGLI") || !record.marketId) return null;
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 0.5 }}>
        {translate("app.complaint.related_anomalies")}
      </Typography>
      <RelatedAnomalies />
    </Box>
  );
};

export const ComplaintShow = () => (
  <Show title={<ComplaintTitle />} actions={<ComplaintShowActions />} queryOptions={{ meta: { sparseFields: SHOW_FIELDS } }}>
    <SimpleShowLayout>
      <FieldRow label={false}>
        <TextField source="trackingNumber" />
        <EnumChipField source="status" enumName="ComplaintStatus" colors={COMPLAINT_STATUS_COLORS} />
        <TextField source="agency.shortName" label="resources.Complaint.fields.agencyId" emptyText="-" />
        <InstantField source="receivedAt" />
      </FieldRow>
      <FieldRow label={false}>
        <SelectField source="channel" choices={complaintChannelChoices} />
        <SelectField source="classification" choices={complaintClassificationChoices} />
        <TextField source="category" />
        <MarketReferenceField source="marketId" emptyText="-" />
        <TagsField source="tags" />
      </FieldRow>
      <TextField source="subject" />
      <TextField source="text" sx={{ whiteSpace: "pre-wrap", display: "block", maxWidth: "60rem" }} />
      <SlaRow label="app.complaint.service_levels" />
      <FieldRow label={false}>
        <InstantField source="verifiedAt" emptyText="-" />
        <InstantField source="disposedAt" emptyText="-" />
        <InstantField source="firstFollowUpAt" emptyText="-" />
        <InstantField source="resolvedAt" emptyText="-" />
      </FieldRow>
      <Timeline label="app.complaint.timeline" />
      <RelatedSection label={false} />
    </SimpleShowLayout>
  </Show>
);

/** DateTimeInput works in minutes: an unchanged minute keeps the stored instant (seconds included). */
const toComplaintInput = (data: RaRecord, options?: { previousData?: RaRecord }) => {
  const previous = options?.previousData?.receivedAt as string | undefined;
  const typed = toInstant(data.receivedAt as string | null);
  const sameMinute = previous && typed && Math.floor(Date.parse(previous) / 60_000) === Math.floor(Date.parse(typed) / 60_000);
  return {
    trackingNumber: typeof data.trackingNumber === "string" ? data.trackingNumber.trim() : data.trackingNumber,
    channel: data.channel,
    classification: data.classification,
    category: data.category,
    subject: data.subject,
    text: data.text,
    receivedAt: sameMinute ? previous : typed,
    marketId: data.marketId || null,
    tags: Array.isArray(data.tags) ? data.tags : [],
  };
};

const ComplaintForm = ({ defaultValues }: { defaultValues?: Record<string, unknown> }) => (
  <SimpleForm defaultValues={defaultValues}>
    <TextInput source="trackingNumber" validate={[required(), minLength(3), maxLength(60)]} helperText="app.complaint.tracking_help" />
    <DateTimeInput source="receivedAt" validate={required()} helperText="app.complaint.received_help" />
    <SelectInput source="channel" choices={complaintChannelChoices} validate={required()} />
    <SelectInput source="classification" choices={complaintClassificationChoices} validate={required()} />
    <TextInput source="category" validate={[required(), minLength(2), maxLength(80)]} helperText="app.complaint.category_help" />
    <TextInput source="subject" validate={[required(), minLength(3), maxLength(200)]} fullWidth />
    <TextInput source="text" validate={[required(), maxLength(4000)]} multiline minRows={4} fullWidth />
    <MarketReferenceInput source="marketId" />
    <SelectArrayInput source="tags" choices={complaintTagChoices} />
  </SimpleForm>
);

export const ComplaintEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={toComplaintInput} queryOptions={{ meta: { sparseFields: FORM_FIELDS } }}>
    <ComplaintForm />
  </Edit>
);

export const ComplaintCreate = () => (
  <Create redirect="show" transform={toComplaintInput}>
    <ComplaintForm defaultValues={{ channel: "WEBSITE", classification: "PENGADUAN", tags: [] }} />
  </Create>
);
