import { Chip, Stack } from "@mui/material";
import {
  AutocompleteArrayInput,
  BooleanField,
  BooleanInput,
  Create,
  CreateButton,
  DataTable,
  DateInput,
  Edit,
  EditButton,
  FilterButton,
  FunctionField,
  List,
  NullableBooleanInput,
  ReferenceArrayInput,
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
  useRecordContext,
  type RaRecord,
} from "react-admin";
import { PagedExportButton, nameOf, type SparseField } from "../common/export";
import type { ChipColor } from "../common/choices";
import { EnumChipField, LocalDateField } from "../common/fields";
import { useMyAgency } from "../common/my-agency";
import { canReadMarketData, useCanWriteServices, useRole } from "../common/permissions";
import { AgencyReferenceInput } from "../common/references";
import "./register";

export const INNOVATION_STATUSES = ["PILOT", "ACTIVE", "RETIRED"] as const;
const statusChoices = INNOVATION_STATUSES.map((s) => ({ id: s, name: `app.enum.InnovationStatus.${s}` }));
const STATUS_COLOURS: Record<string, ChipColor> = { PILOT: "info", ACTIVE: "success", RETIRED: "default" };

const LIST_FIELDS: SparseField[] = [
  "id", "agencyId", "name", "shortName", "status", "launchedOn", "published", "publicUrl",
  { agency: ["id", "shortName"] }, { services: ["id", "name"] }, { markets: ["id", "name"] },
];
const SHOW_FIELDS: SparseField[] = [...LIST_FIELDS, "description", "serviceIds", "marketIds"];
const FORM_FIELDS = ["id", "agencyId", "name", "shortName", "description", "launchedOn", "status", "publicUrl", "published", "serviceIds", "marketIds"];

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <AgencyReferenceInput key="agencyId" source="agencyId" alwaysOn />,
  <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />,
  <NullableBooleanInput key="published" source="published" />,
];

const EXPORT_COLUMNS = ["id", "agency", "name", "shortName", "status", "launchedOn", "published", "services", "markets", "publicUrl"] as const;
const names = (items: unknown) => (Array.isArray(items) ? items.map((i) => nameOf(i, "name")).join("; ") : "");

const StatusChip = (_props: { label?: string }) => <EnumChipField source="status" enumName="InnovationStatus" colors={STATUS_COLOURS} />;

/** Names of a list of related records (services, markets) as chips, read from the record itself. */
const NameChips = ({ source }: { source: "services" | "markets"; label?: string }) => (
  <FunctionField
    source={source}
    render={(r: RaRecord) => {
      const items = Array.isArray(r[source]) ? (r[source] as Array<{ id: string; name: string }>) : [];
      if (items.length === 0) return "-";
      return (
        <Stack direction="row" sx={{ flexWrap: "wrap", gap: 0.5 }}>
          {items.map((i) => <Chip key={i.id} size="small" variant="outlined" label={i.name} />)}
        </Stack>
      );
    }}
  />
);

const InnovationListActions = () => (
  <TopToolbar>
    <FilterButton />
    {useCanWriteServices() ? <CreateButton /> : null}
    <PagedExportButton
      fields={LIST_FIELDS}
      columns={EXPORT_COLUMNS}
      fileName="app.innovation.export_file"
      row={(r: RaRecord) => ({
        id: r.id, agency: nameOf(r.agency, "shortName"), name: r.name, shortName: r.shortName, status: r.status, launchedOn: r.launchedOn,
        published: r.published, services: names(r.services), markets: names(r.markets), publicUrl: r.publicUrl,
      })}
    />
  </TopToolbar>
);

/** The regency's innovations (LAPERA, Sitepak, Botram, ...) with what they change. */
export const InnovationList = () => (
  <List filters={filters} actions={<InnovationListActions />} sort={{ field: "name", order: "ASC" }} queryOptions={{ meta: { sparseFields: LIST_FIELDS } }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="shortName">
        <TextField source="shortName" emptyText="-" />
      </DataTable.Col>
      <DataTable.Col source="name" />
      <DataTable.Col source="agencyId">
        <TextField source="agency.shortName" />
      </DataTable.Col>
      <DataTable.Col source="status">
        <StatusChip />
      </DataTable.Col>
      <DataTable.Col source="launchedOn">
        <LocalDateField source="launchedOn" emptyText="-" />
      </DataTable.Col>
      <DataTable.Col source="published" field={BooleanField} />
      <DataTable.Col source="serviceIds" disableSort>
        <NameChips source="services" />
      </DataTable.Col>
    </DataTable>
  </List>
);

/** Only administrators, and an agency's editor for the agency's own innovations, see the edit button. */
const InnovationShowActions = () => {
  const record = useRecordContext<RaRecord>();
  const canWrite = useCanWriteServices();
  const { isEditor, agencyId } = useMyAgency();
  const own = !isEditor || (record !== undefined && String(record.agencyId) === agencyId);
  return <TopToolbar>{canWrite && own ? <EditButton /> : null}</TopToolbar>;
};

export const InnovationShow = () => (
  <Show actions={<InnovationShowActions />} queryOptions={{ meta: { sparseFields: SHOW_FIELDS } }}>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="shortName" emptyText="-" />
      <TextField source="agency.shortName" label="resources.Innovation.fields.agencyId" />
      <StatusChip label="resources.Innovation.fields.status" />
      <LocalDateField source="launchedOn" emptyText="-" />
      <TextField source="description" sx={{ whiteSpace: "pre-wrap" }} />
      <UrlField source="publicUrl" emptyText="-" target="_blank" rel="noreferrer" />
      <BooleanField source="published" />
      <NameChips source="services" label="resources.Innovation.fields.serviceIds" />
      <NameChips source="markets" label="resources.Innovation.fields.marketIds" />
    </SimpleShowLayout>
  </Show>
);

const toInnovationInput = (data: RaRecord) => ({
  agencyId: data.agencyId,
  name: data.name,
  shortName: data.shortName || null,
  description: data.description,
  launchedOn: data.launchedOn || null,
  status: data.status,
  publicUrl: data.publicUrl || null,
  published: data.published ?? false,
  serviceIds: Array.isArray(data.serviceIds) ? data.serviceIds : [],
  marketIds: Array.isArray(data.marketIds) ? data.marketIds : [],
});

const InnovationForm = ({ defaultValues }: { defaultValues?: Record<string, unknown> }) => {
  const { isEditor, agencyId } = useMyAgency();
  // Agency editors have no market data to choose from; administrators set the markets covered.
  const marketsEditable = canReadMarketData(useRole());
  return (
    <SimpleForm defaultValues={{ ...defaultValues, ...(isEditor && agencyId ? { agencyId } : {}) }}>
      <AgencyReferenceInput source="agencyId" validate={required()} helperText={isEditor ? "app.innovation.editor_own_only" : undefined} />
      <TextInput source="name" validate={[required(), minLength(3), maxLength(160)]} fullWidth />
      <TextInput source="shortName" validate={maxLength(40)} />
      <TextInput source="description" multiline minRows={3} validate={[required(), minLength(10), maxLength(2000)]} fullWidth />
      <DateInput source="launchedOn" helperText="app.innovation.launched_help" />
      <SelectInput source="status" choices={statusChoices} validate={required()} />
      <TextInput source="publicUrl" validate={[maxLength(255), regex(/^https?:\/\/\S+$/, "app.innovation.url_invalid")]} fullWidth />
      <BooleanInput source="published" helperText="app.innovation.published_help" />
      <ReferenceArrayInput source="serviceIds" reference="PublicService" sort={{ field: "name", order: "ASC" }} perPage={200}>
        <AutocompleteArrayInput optionText="name" helperText="app.innovation.services_help" fullWidth />
      </ReferenceArrayInput>
      {marketsEditable ? (
        <ReferenceArrayInput source="marketIds" reference="Market" sort={{ field: "name", order: "ASC" }} perPage={100}>
          <AutocompleteArrayInput optionText="name" helperText="app.innovation.markets_help" fullWidth />
        </ReferenceArrayInput>
      ) : null}
    </SimpleForm>
  );
};

export const InnovationEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={toInnovationInput} queryOptions={{ meta: { sparseFields: FORM_FIELDS } }}>
    <InnovationForm />
  </Edit>
);

export const InnovationCreate = () => (
  <Create redirect="show" transform={toInnovationInput}>
    <InnovationForm defaultValues={{ status: "PILOT", published: false }} />
  </Create>
);
