import { useEffect, useMemo, useState } from "react";
import EditNoteIcon from "@mui/icons-material/EditNote";
import InsightsIcon from "@mui/icons-material/Insights";
import { Box, Chip, Divider, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import {
  BooleanField,
  BooleanInput,
  Button,
  Create,
  CreateButton,
  DataTable,
  Edit,
  EditButton,
  FilterButton,
  List,
  Loading,
  NullableBooleanInput,
  SearchInput,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  UrlField,
  maxLength,
  minLength,
  regex,
  required,
  useCreatePath,
  useGetList,
  useLocaleState,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from "react-admin";
import { Link } from "react-router-dom";
import { PagedExportButton, nameOf, type SparseField } from "../common/export";
import { FieldRow } from "../common/fields";
import { formatInstant, formatLocalDate } from "../common/format";
import { useCanWriteServices, useRole } from "../common/permissions";
import { AgencyReferenceField, AgencyReferenceInput } from "../common/references";
import { fetchMyAgencyId, STANDARD_FIELDS, type Standard } from "./api";
import { DELIVERY_FIELDS, DeliveryModesField, EditDeliveryModesButton } from "../innovation/delivery-modes";
import { CompletenessBar, StandardSection } from "./standard";

export { StandardEditor } from "./editor";
export { StandardCompletenessPage } from "./completeness";

const VERSION_FIELDS = ["id", "version", "filledComponents", "decreeNumber", "decreeDate", "publishedAt"];
const LIST_FIELDS: SparseField[] = [
  "id", "name", "agencyId", "category", "atOffice", "atMpp", "active", "completeness",
  { standard: VERSION_FIELDS }, { draft: ["id", "version", "filledComponents"] },
];
const EXPORT_FIELDS: SparseField[] = [
  "id", "name", "agencyId", "category", "description", "atOffice", "atMpp", "onlineUrl", "active", "completeness",
  { agency: ["id", "code", "name"] }, { standard: VERSION_FIELDS }, { draft: ["id", "version"] },
];
const SHOW_FIELDS: SparseField[] = [
  "id", "name", "agencyId", "category", "description", "atOffice", "atMpp", "onlineUrl", "active", "completeness",
  { agency: ["id", "code", "name", "shortName"] },
  { standard: [...STANDARD_FIELDS] }, { draft: [...STANDARD_FIELDS] },
  { standards: ["id", "version", "filledComponents", "decreeNumber", "decreeDate", "createdAt", "publishedAt", "supersededAt"] },
  { deliveryModes: [...DELIVERY_FIELDS] },
];
const FORM_FIELDS = ["id", "name", "agencyId", "category", "description", "atOffice", "atMpp", "onlineUrl", "active"];

/** Categories in use, for the filter (the server compares the category exactly). */
const CategoryInput = (props: { source: string; alwaysOn?: boolean }) => {
  const { data } = useGetList("PublicService", {
    pagination: { page: 1, perPage: 500 },
    sort: { field: "category", order: "ASC" },
    meta: { sparseFields: ["id", "category"] },
  });
  const choices = useMemo(
    () => [...new Set((data ?? []).map((s) => String(s.category)))].sort((a, b) => a.localeCompare(b, "id")).map((c) => ({ id: c, name: c })),
    [data],
  );
  return <SelectInput {...props} choices={choices} translateChoice={false} />;
};

const useFilters = () => {
  const role = useRole();
  return useMemo(
    () => [
      <SearchInput key="q" source="q" alwaysOn />,
      // An agency editor's list holds their agency's services only.
      ...(role === "AGENCY_EDITOR" ? [] : [<AgencyReferenceInput key="agencyId" source="agencyId" alwaysOn />]),
      <CategoryInput key="category" source="category" alwaysOn />,
      <NullableBooleanInput key="atMpp" source="atMpp" alwaysOn />,
      <NullableBooleanInput key="active" source="active" />,
    ],
    [role],
  );
};

const EXPORT_COLUMNS = [
  "id", "agencyCode", "agency", "name", "category", "atOffice", "atMpp", "onlineUrl", "active", "completeness", "standardVersion",
  "decreeNumber", "decreeDate", "draftVersion",
] as const;

const exportRow = (r: RaRecord) => {
  const standard = (r.standard ?? null) as Partial<Standard> | null;
  return {
    id: r.id,
    agencyCode: nameOf(r.agency, "code"),
    agency: nameOf(r.agency, "name"),
    name: r.name,
    category: r.category,
    atOffice: r.atOffice,
    atMpp: r.atMpp,
    onlineUrl: r.onlineUrl,
    active: r.active,
    completeness: r.completeness,
    standardVersion: standard?.version,
    decreeNumber: standard?.decreeNumber,
    decreeDate: standard?.decreeDate,
    draftVersion: nameOf(r.draft, "version"),
  };
};

/** To the per-agency completeness view. */
const CompletenessLink = () => {
  const createPath = useCreatePath();
  return (
    <Button label="app.completeness.open" component={Link} to={createPath({ resource: "StandardCompleteness", type: "list" })}>
      <InsightsIcon />
    </Button>
  );
};

const ServiceListActions = () => {
  const canWrite = useCanWriteServices();
  return (
    <TopToolbar>
      <FilterButton />
      {canWrite ? <CreateButton /> : null}
      <CompletenessLink />
      <PagedExportButton fields={EXPORT_FIELDS} columns={EXPORT_COLUMNS} row={exportRow} fileName="app.public_service.export_file" />
    </TopToolbar>
  );
};

/** "n/14" with a bar, from the version in force. */
const CompletenessColumn = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<RaRecord>();
  return record ? <CompletenessBar filled={Number(record.completeness ?? 0)} /> : null;
};

/** "Versi 2" in force, and a chip when a draft is being prepared. */
const VersionColumn = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<RaRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const standard = record.standard as { version: number } | undefined;
  const draft = record.draft as { version: number } | undefined;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: "center" }}>
      <Typography component="span" variant="body2">
        {standard ? translate("app.standard.version", { version: standard.version }) : translate("app.standard.none_short")}
      </Typography>
      {draft ? <Chip size="small" color="info" variant="outlined" label={translate("app.standard.draft_chip", { version: draft.version })} /> : null}
    </Stack>
  );
};

export const PublicServiceList = () => {
  const canWrite = useCanWriteServices();
  const filters = useFilters();
  return (
    <List
      filters={filters}
      actions={<ServiceListActions />}
      sort={{ field: "name", order: "ASC" }}
      perPage={25}
      queryOptions={{ meta: { sparseFields: LIST_FIELDS } }}
    >
      <DataTable rowClick="show" bulkActionButtons={canWrite ? undefined : false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="agencyId">
          <AgencyReferenceField source="agencyId" />
        </DataTable.Col>
        <DataTable.Col source="category" />
        <DataTable.Col source="atMpp" field={BooleanField} />
        <DataTable.Col source="completeness" disableSort>
          <CompletenessColumn />
        </DataTable.Col>
        <DataTable.Col source="standard" disableSort>
          <VersionColumn />
        </DataTable.Col>
        <DataTable.Col source="active" field={BooleanField} />
      </DataTable>
    </List>
  );
};

const ServiceTitle = () => {
  const record = useRecordContext<RaRecord>();
  return record ? <span>{String(record.name ?? "")}</span> : null;
};

/** To the standard editor: the draft, or a new draft from the version in force. */
export const EditStandardButton = () => {
  const record = useRecordContext<RaRecord>();
  if (!record) return null;
  return (
    <Button label="app.standard.edit" variant="contained" component={Link} to={`/PublicService/${encodeURIComponent(String(record.id))}/standard`}>
      <EditNoteIcon />
    </Button>
  );
};

const ServiceShowActions = () => {
  const canWrite = useCanWriteServices();
  if (!canWrite) return <TopToolbar />;
  return (
    <TopToolbar>
      <EditButton />
      <EditStandardButton />
      <EditDeliveryModesButton />
    </TopToolbar>
  );
};

const asStandard = (value: unknown): Standard | null => {
  if (!value || typeof value !== "object") return null;
  const s = value as Partial<Standard>;
  return {
    ...(s as Standard),
    requirements: s.requirements ?? [],
    procedure: s.procedure ?? [],
  };
};

/** The version in force, the draft if any: each with its 14 components. */
const StandardsField = (_props: { label?: string | false }) => {
  const record = useRecordContext<RaRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  const standard = asStandard(record.standard);
  const draft = asStandard(record.draft);
  return (
    <Box sx={{ mt: 1 }}>
      <Divider sx={{ mb: 2 }} />
      {standard ? (
        <StandardSection
          standard={standard}
          testId="standard-in-force"
          title={translate("app.standard.in_force_title", { version: standard.version })}
        />
      ) : (
        <Box data-testid="standard-in-force" sx={{ mb: 3 }}>
          <Typography variant="h6">{translate("app.standard.in_force")}</Typography>
          <Typography variant="body2" sx={{ color: "warning.dark" }}>
            {translate("app.standard.none_in_force")}
          </Typography>
        </Box>
      )}
      {draft ? (
        <StandardSection
          standard={draft}
          testId="standard-draft"
          title={translate("app.standard.draft_title", { version: draft.version })}
          subtitle={translate("app.standard.draft_help", { at: formatInstant(draft.createdAt, locale) })}
        />
      ) : null}
    </Box>
  );
};

type VersionRow = Pick<Standard, "id" | "version" | "filledComponents" | "decreeNumber" | "decreeDate" | "createdAt" | "publishedAt" | "supersededAt">;

const versionStatus = (v: Partial<VersionRow>) => (!v.publishedAt ? "DRAFT" : v.supersededAt ? "SUPERSEDED" : "IN_FORCE");
const STATUS_COLORS = { DRAFT: "info", IN_FORCE: "success", SUPERSEDED: "default" } as const;

/** Every version, newest first: when it was published and when a later one took its place. */
const HistoryField = (_props: { label?: string }) => {
  const record = useRecordContext<RaRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const versions = (record?.standards ?? []) as Array<Partial<VersionRow>>;
  if (versions.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate("app.standard.no_versions")}
      </Typography>
    );
  }
  return (
    <Table size="small" data-testid="standard-history" sx={{ width: "auto" }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate("app.standard.version_column")}</TableCell>
          <TableCell>{translate("app.standard.status_column")}</TableCell>
          <TableCell>{translate("app.standard.fields.decreeNumber")}</TableCell>
          <TableCell>{translate("app.standard.fields.decreeDate")}</TableCell>
          <TableCell>{translate("app.standard.filled_column")}</TableCell>
          <TableCell>{translate("app.standard.published_column")}</TableCell>
          <TableCell>{translate("app.standard.superseded_column")}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {versions.map((v) => {
          const status = versionStatus(v);
          return (
            <TableRow key={String(v.id)} data-testid={`history-version-${v.version}`} data-status={status}>
              <TableCell>{v.version}</TableCell>
              <TableCell>
                <Chip size="small" color={STATUS_COLORS[status]} label={translate(`app.standard.status.${status}`)} />
              </TableCell>
              <TableCell>{v.decreeNumber ?? "-"}</TableCell>
              <TableCell>{v.decreeDate ? formatLocalDate(v.decreeDate, locale) : "-"}</TableCell>
              <TableCell>{`${v.filledComponents ?? 0}/14`}</TableCell>
              <TableCell>{v.publishedAt ? formatInstant(v.publishedAt, locale) : "-"}</TableCell>
              <TableCell>{v.supersededAt ? formatInstant(v.supersededAt, locale) : "-"}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};

export const PublicServiceShow = () => (
  <Show title={<ServiceTitle />} actions={<ServiceShowActions />} queryOptions={{ meta: { sparseFields: SHOW_FIELDS } }}>
    <SimpleShowLayout>
      <FieldRow label={false}>
        <TextField source="name" />
        <AgencyReferenceField source="agencyId" />
        <TextField source="category" />
        <BooleanField source="active" />
      </FieldRow>
      <TextField source="description" emptyText="-" />
      <FieldRow label={false}>
        <BooleanField source="atOffice" />
        <BooleanField source="atMpp" />
        <UrlField source="onlineUrl" emptyText="-" target="_blank" rel="noopener" />
        <CompletenessColumn source="completeness" />
      </FieldRow>
      <DeliveryModesField label={false} />
      <StandardsField label={false} />
      <HistoryField label="resources.PublicService.fields.standards" />
    </SimpleShowLayout>
  </Show>
);

/** Only the arguments of createPublicService / updatePublicService. */
const toServiceInput = (data: RaRecord) => ({
  agencyId: data.agencyId,
  name: data.name,
  category: data.category,
  description: data.description || null,
  atOffice: data.atOffice ?? true,
  atMpp: data.atMpp ?? false,
  onlineUrl: data.onlineUrl || null,
  active: data.active ?? true,
});

/** The agency an agency editor works for (the only one they may choose); null for other roles. */
function useEditorAgency(): { loading: boolean; agencyId: string | null } {
  const role = useRole();
  const isEditor = role === "AGENCY_EDITOR";
  const [state, setState] = useState<{ loading: boolean; agencyId: string | null }>({ loading: isEditor, agencyId: null });
  useEffect(() => {
    if (!isEditor) {
      setState({ loading: false, agencyId: null });
      return;
    }
    let current = true;
    fetchMyAgencyId()
      .then((agencyId) => current && setState({ loading: false, agencyId }))
      .catch(() => current && setState({ loading: false, agencyId: null }));
    return () => {
      current = false;
    };
  }, [isEditor]);
  return state;
}

const ServiceForm = ({ defaultValues, editorAgencyId }: { defaultValues?: Record<string, unknown>; editorAgencyId: string | null }) => (
  <SimpleForm defaultValues={defaultValues}>
    <AgencyReferenceInput
      source="agencyId"
      validate={required()}
      filter={editorAgencyId ? { ids: [editorAgencyId] } : { active: true }}
    />
    <TextInput source="name" validate={[required(), minLength(3), maxLength(200)]} fullWidth />
    <TextInput source="category" validate={[required(), minLength(2), maxLength(80)]} helperText="app.public_service.category_help" />
    <TextInput source="description" multiline fullWidth validate={maxLength(2000)} />
    <BooleanInput source="atOffice" />
    <BooleanInput source="atMpp" />
    <TextInput
      source="onlineUrl"
      fullWidth
      validate={[maxLength(300), regex(/^https?:\/\/\S+$/, "app.public_service.url_invalid")]}
      helperText="app.public_service.url_help"
    />
    <BooleanInput source="active" />
  </SimpleForm>
);

export const PublicServiceEdit = () => {
  const { loading, agencyId } = useEditorAgency();
  if (loading) return <Loading />;
  return (
    <Edit mutationMode="pessimistic" redirect="show" transform={toServiceInput} queryOptions={{ meta: { sparseFields: FORM_FIELDS } }}>
      <ServiceForm editorAgencyId={agencyId} />
    </Edit>
  );
};

export const PublicServiceCreate = () => {
  const { loading, agencyId } = useEditorAgency();
  if (loading) return <Loading />;
  return (
    <Create redirect="show" transform={toServiceInput}>
      <ServiceForm editorAgencyId={agencyId} defaultValues={{ agencyId: agencyId ?? undefined, atOffice: true, atMpp: false, active: true }} />
    </Create>
  );
};
