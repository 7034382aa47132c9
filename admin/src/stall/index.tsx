import {
  Create,
  DataTable,
  Edit,
  List,
  NumberInput,
  SearchInput,
  SelectField,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  maxLength,
  minValue,
  required,
} from "react-admin";
import { stallKindChoices, stallStatusChoices } from "../common/choices";
import { DecimalField } from "../common/fields";
import { useCanWrite } from "../common/permissions";
import { MarketReferenceField, MarketReferenceInput } from "../common/references";
import { twoDecimals } from "../common/validators";

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <MarketReferenceInput key="marketId" source="marketId" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={stallKindChoices} />,
  <SelectInput key="status" source="status" choices={stallStatusChoices} />,
  <TextInput key="block" source="block" />,
];

export const StallList = () => {
  const canWrite = useCanWrite();
  return (
    <List filters={filters} sort={{ field: "code", order: "ASC" }}>
      <DataTable rowClick="show" bulkActionButtons={canWrite ? undefined : false}>
        <DataTable.Col source="marketId">
          <MarketReferenceField source="marketId" />
        </DataTable.Col>
        <DataTable.Col source="code" />
        <DataTable.Col source="block" />
        <DataTable.Col source="kind">
          <SelectField source="kind" choices={stallKindChoices} />
        </DataTable.Col>
        <DataTable.Col source="area" align="right">
          <DecimalField source="area" />
        </DataTable.Col>
        <DataTable.Col source="status">
          <SelectField source="status" choices={stallStatusChoices} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

export const StallShow = () => (
  <Show>
    <SimpleShowLayout>
      <MarketReferenceField source="marketId" />
      <TextField source="code" />
      <TextField source="block" />
      <SelectField source="kind" choices={stallKindChoices} />
      <DecimalField source="area" />
      <SelectField source="status" choices={stallStatusChoices} />
    </SimpleShowLayout>
  </Show>
);

const StallForm = () => (
  <SimpleForm>
    <MarketReferenceInput source="marketId" validate={required()} />
    <TextInput source="code" validate={[required(), maxLength(30)]} />
    <TextInput source="block" validate={maxLength(30)} />
    <SelectInput source="kind" choices={stallKindChoices} validate={required()} />
    <NumberInput source="area" step={0.01} min={0} validate={[required(), minValue(0), twoDecimals]} />
    <SelectInput source="status" choices={stallStatusChoices} validate={required()} />
  </SimpleForm>
);

export const StallEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <StallForm />
  </Edit>
);

export const StallCreate = () => (
  <Create redirect="show">
    <StallForm />
  </Create>
);
