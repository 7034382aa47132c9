import {
  Create,
  CreateButton,
  DataTable,
  DateInput,
  Edit,
  FilterButton,
  List,
  SearchInput,
  SelectField,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  TopToolbar,
  maxLength,
  required,
  type RaRecord,
} from "react-admin";
import { PagedExportButton, nameOf, type SparseField } from "../common/export";
import { EnumChipField, LocalDateField } from "../common/fields";
import { useCanWriteVenues } from "../common/permissions";
import { FACILITY_CONDITION_COLORS, VenueReferenceInput, facilityConditionChoices, facilityKindChoices } from "./fields";

const LIST_FIELDS: SparseField[] = ["id", "venueId", "kind", "condition", "note", "lastInspected", { venue: ["id", "name"] }];
const FORM_FIELDS = ["id", "venueId", "kind", "condition", "note", "lastInspected"];

const filters = [
  <VenueReferenceInput key="venueId" source="venueId" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={facilityKindChoices} alwaysOn />,
  <SelectInput key="condition" source="condition" choices={facilityConditionChoices} alwaysOn />,
  <SearchInput key="q" source="q" />,
];

const EXPORT_COLUMNS = ["id", "venue", "kind", "condition", "lastInspected", "note"] as const;

const FacilityListActions = () => {
  const canWrite = useCanWriteVenues();
  return (
    <TopToolbar>
      <FilterButton />
      {canWrite ? <CreateButton /> : null}
      <PagedExportButton
        fields={LIST_FIELDS}
        columns={EXPORT_COLUMNS}
        fileName="app.venue.export_facilities"
        row={(r: RaRecord) => ({ id: r.id, venue: nameOf(r.venue, "name"), kind: r.kind, condition: r.condition, lastInspected: r.lastInspected, note: r.note })}
      />
    </TopToolbar>
  );
};

/** Facilities with their condition as a chip: good green, needs repair amber, missing red. */
export const FacilityList = () => {
  const canWrite = useCanWriteVenues();
  return (
    <List filters={filters} actions={<FacilityListActions />} sort={{ field: "venueId", order: "ASC" }} queryOptions={{ meta: { sparseFields: LIST_FIELDS } }}>
      <DataTable rowClick={canWrite ? "edit" : false} bulkActionButtons={canWrite ? undefined : false}>
        <DataTable.Col source="venueId">
          <TextField source="venue.name" />
        </DataTable.Col>
        <DataTable.Col source="kind">
          <SelectField source="kind" choices={facilityKindChoices} />
        </DataTable.Col>
        <DataTable.Col source="condition">
          <EnumChipField source="condition" enumName="FacilityCondition" colors={FACILITY_CONDITION_COLORS} />
        </DataTable.Col>
        <DataTable.Col source="lastInspected">
          <LocalDateField source="lastInspected" emptyText="-" />
        </DataTable.Col>
        <DataTable.Col source="note" disableSort>
          <TextField source="note" emptyText="-" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

const toFacilityInput = (data: RaRecord) => ({
  venueId: data.venueId,
  kind: data.kind,
  condition: data.condition,
  note: data.note || null,
  lastInspected: data.lastInspected || null,
});

const FacilityForm = ({ defaultValues }: { defaultValues?: Record<string, unknown> }) => (
  <SimpleForm defaultValues={defaultValues}>
    <VenueReferenceInput source="venueId" validate={required()} />
    <SelectInput source="kind" choices={facilityKindChoices} validate={required()} />
    <SelectInput source="condition" choices={facilityConditionChoices} validate={required()} />
    <DateInput source="lastInspected" />
    <TextInput source="note" multiline fullWidth validate={maxLength(500)} />
  </SimpleForm>
);

export const FacilityEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={toFacilityInput} queryOptions={{ meta: { sparseFields: FORM_FIELDS } }}>
    <FacilityForm />
  </Edit>
);

export const FacilityCreate = () => (
  <Create redirect="list" transform={toFacilityInput}>
    <FacilityForm defaultValues={{ condition: "GOOD" }} />
  </Create>
);
