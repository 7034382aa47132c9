import {
  Create,
  DataTable,
  DateTimeInput,
  Edit,
  List,
  NumberField,
  NumberInput,
  SearchInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  maxLength,
  regex,
  minValue,
  required,
  type Validator,
} from "react-admin";
import { toInstant } from "../common/dates";
import { InstantField, MoneyField } from "../common/fields";
import { useCanWrite } from "../common/permissions";
import {
  MarketReferenceField,
  MarketReferenceInput,
  UserReferenceField,
  UserReferenceInput,
} from "../common/references";
import { integer } from "../common/validators";

const COLLECTORS = { role: "COLLECTOR" };

const lastNotBeforeFirst: Validator = (value: unknown, all: Record<string, unknown>) =>
  value != null && all.firstNumber != null && Number(value) < Number(all.firstNumber)
    ? { message: "ra.validation.minValue", args: { min: all.firstNumber } }
    : undefined;


const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <MarketReferenceInput key="marketId" source="marketId" alwaysOn />,
  <UserReferenceInput key="collectorId" source="collectorId" filter={COLLECTORS} />,
  <TextInput key="series" source="series" />,
];

export const TicketBookList = () => {
  const canWrite = useCanWrite();
  return (
    <List filters={filters} sort={{ field: "issuedAt", order: "DESC" }}>
      <DataTable rowClick="show" bulkActionButtons={canWrite ? undefined : false}>
        <DataTable.Col source="series" />
        <DataTable.NumberCol source="firstNumber" options={{ useGrouping: false }} />
        <DataTable.NumberCol source="lastNumber" options={{ useGrouping: false }} disableSort />
        <DataTable.Col source="faceValue" align="right" disableSort>
          <MoneyField source="faceValue" />
        </DataTable.Col>
        <DataTable.Col source="marketId">
          <MarketReferenceField source="marketId" />
        </DataTable.Col>
        <DataTable.Col source="collectorId">
          <UserReferenceField source="collectorId" />
        </DataTable.Col>
        <DataTable.Col source="issuedAt">
          <InstantField source="issuedAt" />
        </DataTable.Col>
        <DataTable.Col source="returnedAt">
          <InstantField source="returnedAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

export const TicketBookShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="series" />
      <NumberField source="firstNumber" options={{ useGrouping: false }} />
      <NumberField source="lastNumber" options={{ useGrouping: false }} />
      <MoneyField source="faceValue" />
      <MarketReferenceField source="marketId" />
      <UserReferenceField source="collectorId" />
      <InstantField source="issuedAt" />
      <InstantField source="returnedAt" />
    </SimpleShowLayout>
  </Show>
);

const TicketBookForm = () => (
  <SimpleForm>
    <TextInput source="series" validate={[required(), maxLength(20), regex(/^[A-Z0-9-]+$/)]} />
    <NumberInput source="firstNumber" step={1} validate={[required(), integer, minValue(1)]} />
    <NumberInput source="lastNumber" step={1} validate={[required(), integer, lastNotBeforeFirst]} />
    <NumberInput source="faceValue" step={500} validate={[required(), integer, minValue(0)]} />
    <MarketReferenceInput source="marketId" validate={required()} />
    <UserReferenceInput source="collectorId" filter={COLLECTORS} validate={required()} />
    <DateTimeInput source="issuedAt" parse={toInstant} validate={required()} />
    <DateTimeInput source="returnedAt" parse={toInstant} />
  </SimpleForm>
);

export const TicketBookEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <TicketBookForm />
  </Edit>
);

export const TicketBookCreate = () => (
  <Create redirect="show">
    <TicketBookForm />
  </Create>
);
