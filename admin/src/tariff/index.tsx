import {
  Create,
  DataTable,
  Edit,
  List,
  NumberInput,
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
import { marketClassChoices, stallKindChoices, tariffBasisChoices } from "../common/choices";
import { ValidityInputs } from "../common/dates";
import { LocalDateField, MoneyField } from "../common/fields";
import { useCanWrite } from "../common/permissions";
import { integer } from "../common/validators";

const filters = [
  <SelectInput key="stallKind" source="stallKind" choices={stallKindChoices} alwaysOn />,
  <SelectInput key="marketClass" source="marketClass" choices={marketClassChoices} alwaysOn />,
  <SelectInput key="basis" source="basis" choices={tariffBasisChoices} />,
];

export const TariffList = () => {
  const canWrite = useCanWrite();
  return (
    <List filters={filters} sort={{ field: "validFrom", order: "DESC" }}>
      <DataTable rowClick="show" bulkActionButtons={canWrite ? undefined : false}>
        <DataTable.Col source="stallKind">
          <SelectField source="stallKind" choices={stallKindChoices} />
        </DataTable.Col>
        <DataTable.Col source="marketClass">
          <SelectField source="marketClass" choices={marketClassChoices} />
        </DataTable.Col>
        <DataTable.Col source="basis">
          <SelectField source="basis" choices={tariffBasisChoices} />
        </DataTable.Col>
        <DataTable.Col source="amount" align="right">
          <MoneyField source="amount" />
        </DataTable.Col>
        <DataTable.Col source="validFrom">
          <LocalDateField source="validFrom" />
        </DataTable.Col>
        <DataTable.Col source="validTo">
          <LocalDateField source="validTo" />
        </DataTable.Col>
        <DataTable.Col source="legalBasis" disableSort />
      </DataTable>
    </List>
  );
};

export const TariffShow = () => (
  <Show>
    <SimpleShowLayout>
      <SelectField source="stallKind" choices={stallKindChoices} />
      <SelectField source="marketClass" choices={marketClassChoices} />
      <SelectField source="basis" choices={tariffBasisChoices} />
      <MoneyField source="amount" />
      <LocalDateField source="validFrom" />
      <LocalDateField source="validTo" />
      <TextField source="legalBasis" />
    </SimpleShowLayout>
  </Show>
);

const TariffForm = () => (
  <SimpleForm>
    <SelectInput source="stallKind" choices={stallKindChoices} validate={required()} />
    <SelectInput source="marketClass" choices={marketClassChoices} validate={required()} />
    <SelectInput source="basis" choices={tariffBasisChoices} validate={required()} />
    <NumberInput source="amount" step={1} min={0} validate={[required(), integer, minValue(0)]} />
    <ValidityInputs />
    <TextInput source="legalBasis" validate={[required(), maxLength(255)]} fullWidth />
  </SimpleForm>
);

export const TariffEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <TariffForm />
  </Edit>
);

export const TariffCreate = () => (
  <Create redirect="show">
    <TariffForm />
  </Create>
);
