import { lazy, Suspense } from "react";
import { LinearProgress } from "@mui/material";
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
  TabbedShowLayout,
  TextField,
  TextInput,
  maxLength,
  required,
} from "react-admin";
import { marketClassChoices, marketStatusChoices } from "../common/choices";
import { DecimalField } from "../common/fields";
import { useCanWrite } from "../common/permissions";
import { UserReferenceField, UserReferenceInput } from "../common/references";
import { latitude, longitude } from "../common/validators";

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <TextInput key="district" source="district" />,
  <SelectInput key="marketClass" source="marketClass" choices={marketClassChoices} />,
  <SelectInput key="status" source="status" choices={marketStatusChoices} />,
];

export const MarketList = () => {
  const canWrite = useCanWrite();
  return (
    <List filters={filters} sort={{ field: "name", order: "ASC" }}>
      <DataTable rowClick="show" bulkActionButtons={canWrite ? undefined : false}>
        <DataTable.Col source="code" />
        <DataTable.Col source="name" />
        <DataTable.Col source="district" />
        <DataTable.Col source="marketClass">
          <SelectField source="marketClass" choices={marketClassChoices} />
        </DataTable.Col>
        <DataTable.Col source="status">
          <SelectField source="status" choices={marketStatusChoices} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

// Its figures, charts and tables load with the tab, in their own chunk.
const MarketMonitor = lazy(() => import("./MarketMonitor"));

/** Monitoring first: that is what officers open a market for; its master data is the second tab. */
export const MarketShow = () => (
  <Show>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="app.market_monitor.tab">
        <Suspense fallback={<LinearProgress />}>
          <MarketMonitor />
        </Suspense>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.market_monitor.details_tab" path="details">
        <TextField source="code" />
        <TextField source="name" />
        <TextField source="district" />
        <TextField source="address" />
        <SelectField source="marketClass" choices={marketClassChoices} />
        <TextField source="uptdName" />
        <UserReferenceField source="headUserId" />
        <SelectField source="status" choices={marketStatusChoices} />
        <DecimalField source="latitude" digits={6} />
        <DecimalField source="longitude" digits={6} />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);

const MarketForm = () => (
  <SimpleForm>
    <TextInput source="code" validate={[required(), maxLength(20)]} />
    <TextInput source="name" validate={[required(), maxLength(120)]} />
    <TextInput source="district" validate={[required(), maxLength(80)]} />
    <TextInput source="address" multiline validate={[required(), maxLength(255)]} />
    <SelectInput source="marketClass" choices={marketClassChoices} validate={required()} />
    <TextInput source="uptdName" validate={[required(), maxLength(120)]} />
    <UserReferenceInput source="headUserId" filter={{ role: "MARKET_HEAD" }} />
    <SelectInput source="status" choices={marketStatusChoices} validate={required()} />
    <NumberInput source="latitude" step={0.000001} validate={latitude} />
    <NumberInput source="longitude" step={0.000001} validate={longitude} />
  </SimpleForm>
);

export const MarketEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <MarketForm />
  </Edit>
);

export const MarketCreate = () => (
  <Create redirect="show">
    <MarketForm />
  </Create>
);
