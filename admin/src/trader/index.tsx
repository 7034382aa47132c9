import {
  BooleanField,
  BooleanInput,
  Create,
  DataTable,
  Edit,
  List,
  NullableBooleanInput,
  SearchInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  maxLength,
  regex,
  required,
} from "react-admin";
import { useCanWrite } from "../common/permissions";

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <TextInput key="npwrd" source="npwrd" />,
  <NullableBooleanInput key="active" source="active" />,
];

export const TraderList = () => {
  const canWrite = useCanWrite();
  return (
    <List filters={filters} sort={{ field: "name", order: "ASC" }}>
      <DataTable rowClick="show" bulkActionButtons={canWrite ? undefined : false}>
        <DataTable.Col source="npwrd" />
        <DataTable.Col source="name" />
        <DataTable.Col source="phone" disableSort />
        <DataTable.Col source="commodity" />
        <DataTable.Col source="active" field={BooleanField} />
      </DataTable>
    </List>
  );
};

export const TraderShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="npwrd" />
      <TextField source="name" />
      <TextField source="phone" />
      <TextField source="commodity" />
      <BooleanField source="active" />
    </SimpleShowLayout>
  </Show>
);

const TraderForm = ({ defaultValues }: { defaultValues?: Record<string, unknown> }) => (
  <SimpleForm defaultValues={defaultValues}>
    <TextInput source="npwrd" validate={[required(), maxLength(32)]} />
    <TextInput source="name" validate={[required(), maxLength(120)]} />
    <TextInput source="phone" validate={[maxLength(20), regex(/^\+?[0-9 -]*$/)]} />
    <TextInput source="commodity" validate={maxLength(80)} />
    <BooleanInput source="active" />
  </SimpleForm>
);

export const TraderEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <TraderForm />
  </Edit>
);

export const TraderCreate = () => (
  <Create redirect="show">
    <TraderForm defaultValues={{ active: true }} />
  </Create>
);
