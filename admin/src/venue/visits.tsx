import {
  BooleanInput,
  Create,
  CreateButton,
  DataTable,
  Edit,
  FilterButton,
  List,
  NullableBooleanInput,
  NumberInput,
  SimpleForm,
  TextField,
  TextInput,
  TopToolbar,
  maxLength,
  minValue,
  regex,
  required,
  type RaRecord,
} from "react-admin";
import { PagedExportButton, nameOf, type SparseField } from "../common/export";
import { useCanWriteVenues } from "../common/permissions";
import { integer } from "../common/validators";
import { CountField, MonthField, SyntheticField, VenueReferenceInput } from "./fields";

const LIST_FIELDS: SparseField[] = ["id", "venueId", "month", "visitors", "synthetic", "note", { venue: ["id", "name"] }];
const FORM_FIELDS = ["id", "venueId", "month", "visitors", "synthetic", "note"];
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const filters = [
  <VenueReferenceInput key="venueId" source="venueId" alwaysOn />,
  <TextInput key="month_gte" source="month_gte" type="month" alwaysOn />,
  <TextInput key="month_lte" source="month_lte" type="month" alwaysOn />,
  <NullableBooleanInput key="synthetic" source="synthetic" />,
];

const EXPORT_COLUMNS = ["id", "venue", "month", "visitors", "synthetic", "note"] as const;

const VisitsListActions = () => {
  const canWrite = useCanWriteVenues();
  return (
    <TopToolbar>
      <FilterButton />
      {canWrite ? <CreateButton /> : null}
      <PagedExportButton
        fields={LIST_FIELDS}
        columns={EXPORT_COLUMNS}
        fileName="app.venue.export_visits"
        row={(r: RaRecord) => ({ id: r.id, venue: nameOf(r.venue, "name"), month: r.month, visitors: r.visitors, synthetic: r.synthetic, note: r.note })}
      />
    </TopToolbar>
  );
};

export const VenueVisitsList = () => {
  const canWrite = useCanWriteVenues();
  return (
    <List filters={filters} actions={<VisitsListActions />} sort={{ field: "month", order: "DESC" }} queryOptions={{ meta: { sparseFields: LIST_FIELDS } }}>
      <DataTable rowClick={canWrite ? "edit" : false} bulkActionButtons={canWrite ? undefined : false}>
        <DataTable.Col source="venueId">
          <TextField source="venue.name" />
        </DataTable.Col>
        <DataTable.Col source="month">
          <MonthField source="month" />
        </DataTable.Col>
        <DataTable.Col source="visitors" align="right">
          <CountField source="visitors" />
        </DataTable.Col>
        <DataTable.Col source="synthetic">
          <SyntheticField />
        </DataTable.Col>
        <DataTable.Col source="note" disableSort>
          <TextField source="note" emptyText="-" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

const toVisitsInput = (data: RaRecord) => ({
  venueId: data.venueId,
  month: data.month,
  visitors: data.visitors,
  synthetic: data.synthetic ?? false,
  note: data.note || null,
});

const VisitsForm = ({ defaultValues }: { defaultValues?: Record<string, unknown> }) => (
  <SimpleForm defaultValues={defaultValues}>
    <VenueReferenceInput source="venueId" validate={required()} />
    <TextInput source="month" type="month" validate={[required(), regex(MONTH, "app.venue.month_help")]} helperText="app.venue.month_help" />
    <NumberInput source="visitors" step={1} validate={[required(), integer, minValue(0)]} />
    <BooleanInput source="synthetic" />
    <TextInput source="note" multiline fullWidth validate={maxLength(500)} />
  </SimpleForm>
);

export const VenueVisitsEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={toVisitsInput} queryOptions={{ meta: { sparseFields: FORM_FIELDS } }}>
    <VisitsForm />
  </Edit>
);

export const VenueVisitsCreate = () => (
  <Create redirect="list" transform={toVisitsInput}>
    <VisitsForm defaultValues={{ synthetic: false }} />
  </Create>
);
