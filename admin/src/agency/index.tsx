import {
  BooleanField,
  BooleanInput,
  CreateButton,
  Create,
  DataTable,
  Edit,
  EditButton,
  FilterButton,
  List,
  NullableBooleanInput,
  Pagination,
  ReferenceManyField,
  SearchInput,
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
  regex,
  required,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from "react-admin";
import { Typography } from "@mui/material";
import { agencyKindChoices } from "../common/choices";
import { PagedExportButton, nameOf, type SparseField } from "../common/export";
import { FieldRow } from "../common/fields";
import { useCanWriteAgencies } from "../common/permissions";
import { AgencyReferenceField, AgencyReferenceInput } from "../common/references";
import { CompletenessBar } from "../public-service/standard";

/** What the list and the export ask for: the parent's names come with each row. */
const LIST_FIELDS: SparseField[] = ["id", "code", "name", "shortName", "kind", "parentId", "active", { parent: ["id", "code", "shortName"] }];
const FORM_FIELDS = ["id", "code", "name", "shortName", "kind", "parentId", "active"];

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={agencyKindChoices} alwaysOn />,
  <NullableBooleanInput key="active" source="active" alwaysOn />,
];

const EXPORT_COLUMNS = ["id", "code", "shortName", "name", "kind", "parentCode", "active"] as const;

const AgencyListActions = () => {
  const canWrite = useCanWriteAgencies();
  return (
    <TopToolbar>
      <FilterButton />
      {canWrite ? <CreateButton /> : null}
      <PagedExportButton
        fields={LIST_FIELDS}
        columns={EXPORT_COLUMNS}
        fileName="app.agency.export_file"
        row={(r: RaRecord) => ({
          id: r.id,
          code: r.code,
          shortName: r.shortName,
          name: r.name,
          kind: r.kind,
          parentCode: nameOf(r.parent, "code"),
          active: r.active,
        })}
      />
    </TopToolbar>
  );
};

export const AgencyList = () => {
  const canWrite = useCanWriteAgencies();
  return (
    <List
      filters={filters}
      actions={<AgencyListActions />}
      sort={{ field: "name", order: "ASC" }}
      perPage={25}
      queryOptions={{ meta: { sparseFields: LIST_FIELDS } }}
    >
      <DataTable rowClick="show" bulkActionButtons={canWrite ? undefined : false}>
        <DataTable.Col source="code" />
        <DataTable.Col source="shortName" />
        <DataTable.Col source="name" />
        <DataTable.Col source="kind">
          <SelectField source="kind" choices={agencyKindChoices} />
        </DataTable.Col>
        <DataTable.Col source="parentId" disableSort>
          <TextField source="parent.shortName" emptyText="-" />
        </DataTable.Col>
        <DataTable.Col source="active" field={BooleanField} />
      </DataTable>
    </List>
  );
};

const AgencyTitle = () => {
  const record = useRecordContext<RaRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return <span>{`${translate("resources.Agency.name")}: ${String(record.name ?? "")}`}</span>;
};

const AgencyShowActions = () => {
  const canWrite = useCanWriteAgencies();
  return <TopToolbar>{canWrite ? <EditButton /> : null}</TopToolbar>;
};

const SERVICE_FIELDS = ["id", "name", "category", "atMpp", "active", "completeness"];

const EmptyServices = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary">
      {translate("app.agency.no_services")}
    </Typography>
  );
};

/** The agency's services with how complete their standards are. */
const AgencyServices = (_props: { label?: string }) => (
  <ReferenceManyField
    reference="PublicService"
    target="agencyId"
    sort={{ field: "name", order: "ASC" }}
    perPage={25}
    pagination={<Pagination rowsPerPageOptions={[25]} />}
    queryOptions={{ meta: { sparseFields: SERVICE_FIELDS } }}
    empty={<EmptyServices />}
  >
    <DataTable bulkActionButtons={false} rowClick="show" data-testid="agency-services">
      <DataTable.Col source="name" resource="PublicService" disableSort />
      <DataTable.Col source="category" resource="PublicService" disableSort />
      <DataTable.Col source="atMpp" resource="PublicService" field={BooleanField} disableSort />
      <DataTable.Col source="completeness" resource="PublicService" disableSort>
        <ServiceCompleteness />
      </DataTable.Col>
      <DataTable.Col source="active" resource="PublicService" field={BooleanField} disableSort />
    </DataTable>
  </ReferenceManyField>
);

const ServiceCompleteness = () => {
  const record = useRecordContext<RaRecord>();
  return record ? <CompletenessBar filled={Number(record.completeness ?? 0)} /> : null;
};

export const AgencyShow = () => (
  <Show title={<AgencyTitle />} actions={<AgencyShowActions />}>
    <SimpleShowLayout>
      <FieldRow label={false}>
        <TextField source="code" />
        <TextField source="shortName" />
        <SelectField source="kind" choices={agencyKindChoices} />
        <BooleanField source="active" />
      </FieldRow>
      <TextField source="name" />
      <AgencyReferenceField source="parentId" emptyText="-" />
      <AgencyServices label="app.agency.services" />
    </SimpleShowLayout>
  </Show>
);

/** Only the arguments of createAgency / updateAgency (the record also carries `parent`). */
const toAgencyInput = (data: RaRecord) => ({
  code: typeof data.code === "string" ? data.code.trim().toUpperCase() : data.code,
  name: data.name,
  shortName: data.shortName,
  kind: data.kind,
  parentId: data.parentId || null,
  active: data.active ?? true,
});

const AgencyForm = ({ defaultValues }: { defaultValues?: Record<string, unknown> }) => (
  <SimpleForm defaultValues={defaultValues}>
    <TextInput
      source="code"
      validate={[required(), regex(/^[A-Za-z0-9._-]{2,30}$/, "app.agency.code_invalid")]}
      helperText="app.agency.code_help"
    />
    <TextInput source="name" validate={[required(), minLength(3), maxLength(200)]} fullWidth />
    <TextInput source="shortName" validate={[required(), minLength(2), maxLength(60)]} />
    <SelectInput source="kind" choices={agencyKindChoices} validate={required()} />
    {/* The server refuses an agency as its own parent (shown on the field). */}
    <AgencyReferenceInput source="parentId" helperText="app.agency.parent_help" />
    <BooleanInput source="active" />
  </SimpleForm>
);

export const AgencyEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={toAgencyInput} queryOptions={{ meta: { sparseFields: FORM_FIELDS } }}>
    <AgencyForm />
  </Edit>
);

export const AgencyCreate = () => (
  <Create redirect="show" transform={toAgencyInput}>
    <AgencyForm defaultValues={{ active: true, kind: "DINAS" }} />
  </Create>
);
