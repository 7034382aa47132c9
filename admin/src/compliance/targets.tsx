import {
  Create,
  CreateButton,
  DataTable,
  Edit,
  EditButton,
  List,
  NumberField,
  NumberInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  maxLength,
  maxValue,
  minLength,
  minValue,
  required,
  type RaRecord,
} from "react-admin";
import { FieldRow, InstantField } from "../common/fields";
import { useCanWriteCompliance } from "../common/permissions";
import { integer } from "../common/validators";
import { CategoryField, ScoreField, ScoreInput, ZoneField } from "./fields";
import { toScore } from "./score";

/**
 * The regency's yearly compliance target (e.g. above 90 for 2025) and the averages the Ombudsman
 * published; both feed complianceSummary. Administrators keep them, everyone else reads.
 */

const yearFilter = [<NumberInput key="year" source="year" alwaysOn step={1} />];

const ListActions = () => {
  const canWrite = useCanWriteCompliance();
  return <TopToolbar>{canWrite ? <CreateButton /> : null}</TopToolbar>;
};

const ShowActions = () => {
  const canWrite = useCanWriteCompliance();
  return <TopToolbar>{canWrite ? <EditButton /> : null}</TopToolbar>;
};

const yearInput = <NumberInput source="year" step={1} validate={[required(), integer, minValue(2000), maxValue(2100)]} />;

// --- targets -----------------------------------------------------------------------------------

export const ComplianceTargetList = () => {
  const canWrite = useCanWriteCompliance();
  return (
    <List filters={yearFilter} actions={<ListActions />} sort={{ field: "year", order: "DESC" }}>
      <DataTable rowClick="show" bulkActionButtons={canWrite ? undefined : false}>
        <DataTable.NumberCol source="year" options={{ useGrouping: false }} />
        <DataTable.Col source="target" align="right">
          <ScoreField source="target" />
        </DataTable.Col>
        <DataTable.Col source="basis" disableSort />
      </DataTable>
    </List>
  );
};

export const ComplianceTargetShow = () => (
  <Show actions={<ShowActions />}>
    <SimpleShowLayout>
      <FieldRow label={false}>
        <NumberField source="year" options={{ useGrouping: false }} />
        <ScoreField source="target" />
      </FieldRow>
      <TextField source="basis" emptyText="-" />
      <InstantField source="updatedAt" />
    </SimpleShowLayout>
  </Show>
);

const toTargetInput = (data: RaRecord) => ({
  year: data.year,
  target: toScore(data.target),
  basis: typeof data.basis === "string" && data.basis.trim() ? data.basis.trim() : null,
});

const TargetForm = () => (
  <SimpleForm>
    {yearInput}
    <ScoreInput source="target" validate={[required()]} />
    <TextInput source="basis" fullWidth validate={maxLength(300)} helperText="app.compliance.basis_help" />
  </SimpleForm>
);

export const ComplianceTargetEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={toTargetInput}>
    <TargetForm />
  </Edit>
);

export const ComplianceTargetCreate = () => (
  <Create redirect="show" transform={toTargetInput}>
    <TargetForm />
  </Create>
);

// --- published averages ------------------------------------------------------------------------

export const CompliancePublishedAverageList = () => {
  const canWrite = useCanWriteCompliance();
  return (
    <List filters={yearFilter} actions={<ListActions />} sort={{ field: "year", order: "DESC" }}>
      <DataTable rowClick="show" bulkActionButtons={canWrite ? undefined : false}>
        <DataTable.NumberCol source="year" options={{ useGrouping: false }} />
        <DataTable.Col source="average" align="right">
          <ScoreField source="average" />
        </DataTable.Col>
        <DataTable.Col source="category" disableSort>
          <CategoryField />
        </DataTable.Col>
        <DataTable.Col source="zone" disableSort>
          <ZoneField />
        </DataTable.Col>
        <DataTable.Col source="source" disableSort />
      </DataTable>
    </List>
  );
};

export const CompliancePublishedAverageShow = () => (
  <Show actions={<ShowActions />}>
    <SimpleShowLayout>
      <FieldRow label={false}>
        <NumberField source="year" options={{ useGrouping: false }} />
        <ScoreField source="average" />
        <CategoryField source="category" />
        <ZoneField source="zone" />
      </FieldRow>
      <TextField source="source" />
      <TextField source="note" emptyText="-" />
      <InstantField source="updatedAt" />
    </SimpleShowLayout>
  </Show>
);

const toPublishedInput = (data: RaRecord) => ({
  year: data.year,
  average: toScore(data.average),
  source: typeof data.source === "string" ? data.source.trim() : data.source,
  note: typeof data.note === "string" && data.note.trim() ? data.note.trim() : null,
});

const PublishedForm = () => (
  <SimpleForm>
    {yearInput}
    <ScoreInput source="average" validate={[required()]} />
    <TextInput source="source" fullWidth validate={[required(), minLength(3), maxLength(300)]} helperText="app.compliance.source_help" />
    <TextInput source="note" multiline fullWidth validate={maxLength(1000)} />
  </SimpleForm>
);

export const CompliancePublishedAverageEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={toPublishedInput}>
    <PublishedForm />
  </Edit>
);

export const CompliancePublishedAverageCreate = () => (
  <Create redirect="show" transform={toPublishedInput}>
    <PublishedForm />
  </Create>
);
