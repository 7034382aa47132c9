import {
  AutocompleteInput,
  Create,
  DataTable,
  Edit,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  maxLength,
  required,
} from "react-admin";
import { ValidityInputs } from "../common/dates";
import { LocalDateField } from "../common/fields";
import { useCanWrite } from "../common/permissions";

const StallRef = () => (
  <ReferenceField source="stallId" reference="Stall" link="show">
    <TextField source="code" />
  </ReferenceField>
);
const TraderRef = () => (
  <ReferenceField source="traderId" reference="Trader" link="show">
    <TextField source="name" />
  </ReferenceField>
);

const StallInput = ({ alwaysOn }: { source: string; alwaysOn?: boolean }) => (
  <ReferenceInput source="stallId" reference="Stall" sort={{ field: "code", order: "ASC" }} alwaysOn={alwaysOn}>
    <AutocompleteInput optionText="code" validate={alwaysOn ? undefined : required()} />
  </ReferenceInput>
);
const TraderInput = ({ alwaysOn }: { source: string; alwaysOn?: boolean }) => (
  <ReferenceInput source="traderId" reference="Trader" sort={{ field: "name", order: "ASC" }} alwaysOn={alwaysOn}>
    <AutocompleteInput optionText="name" validate={alwaysOn ? undefined : required()} />
  </ReferenceInput>
);

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <StallInput key="stallId" source="stallId" />,
  <TraderInput key="traderId" source="traderId" />,
];

export const StallPermitList = () => {
  const canWrite = useCanWrite();
  return (
    <List filters={filters} sort={{ field: "validFrom", order: "DESC" }}>
      <DataTable rowClick="show" bulkActionButtons={canWrite ? undefined : false}>
        <DataTable.Col source="shptNumber" />
        <DataTable.Col source="stallId">
          <StallRef />
        </DataTable.Col>
        <DataTable.Col source="traderId">
          <TraderRef />
        </DataTable.Col>
        <DataTable.Col source="validFrom">
          <LocalDateField source="validFrom" />
        </DataTable.Col>
        <DataTable.Col source="validTo">
          <LocalDateField source="validTo" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

export const StallPermitShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="shptNumber" />
      <StallRef />
      <TraderRef />
      <LocalDateField source="validFrom" />
      <LocalDateField source="validTo" />
    </SimpleShowLayout>
  </Show>
);

const StallPermitForm = () => (
  <SimpleForm>
    <TextInput source="shptNumber" validate={[required(), maxLength(40)]} />
    <StallInput source="stallId" />
    <TraderInput source="traderId" />
    <ValidityInputs />
  </SimpleForm>
);

export const StallPermitEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <StallPermitForm />
  </Edit>
);

export const StallPermitCreate = () => (
  <Create redirect="show">
    <StallPermitForm />
  </Create>
);
