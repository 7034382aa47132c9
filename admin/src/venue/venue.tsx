import { Typography } from "@mui/material";
import {
  BooleanField,
  BooleanInput,
  Create,
  CreateButton,
  DataTable,
  Edit,
  EditButton,
  FilterButton,
  List,
  NullableBooleanInput,
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
  required,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from "react-admin";
import { PagedExportButton, nameOf, type SparseField } from "../common/export";
import { EnumChipField, FieldRow, LocalDateField } from "../common/fields";
import { useCanWriteVenues } from "../common/permissions";
import { AgencyReferenceField, AgencyReferenceInput } from "../common/references";
import { CountField, FACILITY_CONDITION_COLORS, MonthField, ServicesField, SyntheticField, facilityKindChoices, venueKindChoices } from "./fields";

const LIST_FIELDS: SparseField[] = ["id", "name", "kind", "address", "agencyId", "openingHours", "active", { agency: ["id", "shortName", "name"] }];
const FORM_FIELDS = ["id", "name", "kind", "address", "agencyId", "openingHours", "active"];
export const COUNTER_FIELDS: SparseField[] = [
  "id", "venueId", "agencyId", "counterNumber", "serviceIds", "activeFrom", "activeTo",
  { agency: ["id", "shortName", "name"] }, { venue: ["id", "name"] }, { services: ["id", "name"] },
];
const FACILITY_FIELDS = ["id", "venueId", "kind", "condition", "note", "lastInspected"];
const VISIT_FIELDS = ["id", "venueId", "month", "visitors", "synthetic", "note"];

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={venueKindChoices} alwaysOn />,
  <NullableBooleanInput key="active" source="active" alwaysOn />,
];

const EXPORT_COLUMNS = ["id", "name", "kind", "address", "agency", "openingHours", "active"] as const;

const VenueListActions = () => {
  const canWrite = useCanWriteVenues();
  return (
    <TopToolbar>
      <FilterButton />
      {canWrite ? <CreateButton /> : null}
      <PagedExportButton
        fields={LIST_FIELDS}
        columns={EXPORT_COLUMNS}
        fileName="app.venue.export_venues"
        row={(r: RaRecord) => ({
          id: r.id, name: r.name, kind: r.kind, address: r.address, agency: nameOf(r.agency, "shortName"), openingHours: r.openingHours, active: r.active,
        })}
      />
    </TopToolbar>
  );
};

export const ServiceVenueList = () => {
  const canWrite = useCanWriteVenues();
  return (
    <List filters={filters} actions={<VenueListActions />} sort={{ field: "name", order: "ASC" }} queryOptions={{ meta: { sparseFields: LIST_FIELDS } }}>
      <DataTable rowClick="show" bulkActionButtons={canWrite ? undefined : false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="kind">
          <SelectField source="kind" choices={venueKindChoices} />
        </DataTable.Col>
        <DataTable.Col source="address" disableSort />
        <DataTable.Col source="agencyId">
          <TextField source="agency.shortName" emptyText="-" />
        </DataTable.Col>
        <DataTable.Col source="openingHours" disableSort>
          <TextField source="openingHours" emptyText="-" />
        </DataTable.Col>
        <DataTable.Col source="active" field={BooleanField} />
      </DataTable>
    </List>
  );
};

const VenueTitle = () => {
  const record = useRecordContext<RaRecord>();
  return record ? <span>{String(record.name ?? "")}</span> : null;
};

const VenueShowActions = () => {
  const canWrite = useCanWriteVenues();
  return <TopToolbar>{canWrite ? <EditButton /> : null}</TopToolbar>;
};

const Empty = ({ message }: { message: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary">
      {translate(message)}
    </Typography>
  );
};

/** The venue's counters in number order: agency, services offered, period. */
const VenueCounters = (_props: { label?: string }) => (
  <ReferenceManyField
    reference="VenueCounter"
    target="venueId"
    sort={{ field: "counterNumber", order: "ASC" }}
    perPage={200}
    pagination={false}
    queryOptions={{ meta: { sparseFields: COUNTER_FIELDS } }}
    empty={<Empty message="app.venue.no_counters" />}
  >
    <DataTable bulkActionButtons={false} rowClick="show" data-testid="venue-counters" sx={{ width: "auto" }}>
      <DataTable.NumberCol source="counterNumber" resource="VenueCounter" disableSort />
      <DataTable.Col source="agencyId" resource="VenueCounter" disableSort>
        <TextField source="agency.shortName" />
      </DataTable.Col>
      <DataTable.Col source="services" resource="VenueCounter" disableSort>
        <ServicesField />
      </DataTable.Col>
      <DataTable.Col source="activeFrom" resource="VenueCounter" disableSort>
        <LocalDateField source="activeFrom" />
      </DataTable.Col>
      <DataTable.Col source="activeTo" resource="VenueCounter" disableSort>
        <LocalDateField source="activeTo" emptyText="-" />
      </DataTable.Col>
    </DataTable>
  </ReferenceManyField>
);

const VenueFacilities = (_props: { label?: string }) => (
  <ReferenceManyField
    reference="Facility"
    target="venueId"
    sort={{ field: "kind", order: "ASC" }}
    perPage={200}
    pagination={false}
    queryOptions={{ meta: { sparseFields: FACILITY_FIELDS } }}
    empty={<Empty message="app.venue.no_facilities" />}
  >
    <DataTable bulkActionButtons={false} rowClick={false} data-testid="venue-facilities" sx={{ width: "auto" }}>
      <DataTable.Col source="kind" resource="Facility" disableSort>
        <SelectField source="kind" choices={facilityKindChoices} />
      </DataTable.Col>
      <DataTable.Col source="condition" resource="Facility" disableSort>
        <EnumChipField source="condition" enumName="FacilityCondition" colors={FACILITY_CONDITION_COLORS} />
      </DataTable.Col>
      <DataTable.Col source="lastInspected" resource="Facility" disableSort>
        <LocalDateField source="lastInspected" emptyText="-" />
      </DataTable.Col>
      <DataTable.Col source="note" resource="Facility" disableSort>
        <TextField source="note" emptyText="-" />
      </DataTable.Col>
    </DataTable>
  </ReferenceManyField>
);

/** Visitors per month, latest first (two years at most). */
const VenueVisitsTable = (_props: { label?: string }) => (
  <ReferenceManyField
    reference="VenueVisits"
    target="venueId"
    sort={{ field: "month", order: "DESC" }}
    perPage={24}
    pagination={false}
    queryOptions={{ meta: { sparseFields: VISIT_FIELDS } }}
    empty={<Empty message="app.venue.no_visits" />}
  >
    <DataTable bulkActionButtons={false} rowClick={false} data-testid="venue-visits" sx={{ width: "auto" }}>
      <DataTable.Col source="month" resource="VenueVisits" disableSort>
        <MonthField source="month" />
      </DataTable.Col>
      <DataTable.Col source="visitors" resource="VenueVisits" disableSort align="right">
        <CountField source="visitors" />
      </DataTable.Col>
      <DataTable.Col source="synthetic" resource="VenueVisits" disableSort>
        <SyntheticField />
      </DataTable.Col>
      <DataTable.Col source="note" resource="VenueVisits" disableSort>
        <TextField source="note" emptyText="-" />
      </DataTable.Col>
    </DataTable>
  </ReferenceManyField>
);

export const ServiceVenueShow = () => (
  <Show title={<VenueTitle />} actions={<VenueShowActions />} queryOptions={{ meta: { sparseFields: FORM_FIELDS } }}>
    <SimpleShowLayout>
      <FieldRow label={false}>
        <TextField source="name" />
        <SelectField source="kind" choices={venueKindChoices} />
        <BooleanField source="active" />
      </FieldRow>
      <TextField source="address" />
      <FieldRow label={false}>
        <AgencyReferenceField source="agencyId" emptyText="-" />
        <TextField source="openingHours" emptyText="-" />
      </FieldRow>
      <VenueCounters label="app.venue.counters" />
      <VenueFacilities label="app.venue.facilities" />
      <VenueVisitsTable label="app.venue.visits" />
    </SimpleShowLayout>
  </Show>
);

/** Only the arguments of createServiceVenue / updateServiceVenue. */
const toVenueInput = (data: RaRecord) => ({
  name: data.name,
  kind: data.kind,
  address: data.address,
  agencyId: data.agencyId || null,
  openingHours: data.openingHours || null,
  active: data.active ?? true,
});

const VenueForm = ({ defaultValues }: { defaultValues?: Record<string, unknown> }) => (
  <SimpleForm defaultValues={defaultValues}>
    <TextInput source="name" validate={[required(), minLength(3), maxLength(200)]} fullWidth />
    <SelectInput source="kind" choices={venueKindChoices} validate={required()} />
    <TextInput source="address" validate={[required(), maxLength(300)]} fullWidth multiline />
    <AgencyReferenceInput source="agencyId" helperText="app.venue.agency_help" />
    <TextInput source="openingHours" validate={maxLength(200)} helperText="app.venue.opening_hours_help" fullWidth />
    <BooleanInput source="active" />
  </SimpleForm>
);

export const ServiceVenueEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={toVenueInput} queryOptions={{ meta: { sparseFields: FORM_FIELDS } }}>
    <VenueForm />
  </Edit>
);

export const ServiceVenueCreate = () => (
  <Create redirect="show" transform={toVenueInput}>
    <VenueForm defaultValues={{ active: true, kind: "GERAI" }} />
  </Create>
);
