import {
  BooleanField,
  BooleanInput,
  Create,
  FormDataConsumer,
  DataTable,
  Edit,
  List,
  NullableBooleanInput,
  PasswordInput,
  SearchInput,
  SelectField,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  maxLength,
  minLength,
  regex,
  required,
  useTranslate,
  type RaRecord,
} from "react-admin";
import { roleChoices } from "../common/choices";
import { AgencyReferenceField, AgencyReferenceInput } from "../common/references";

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} alwaysOn />,
  <NullableBooleanInput key="active" source="active" />,
];

export const UserList = () => (
  <List filters={filters} sort={{ field: "username", order: "ASC" }}>
    <DataTable rowClick="show">
      <DataTable.Col source="username" />
      <DataTable.Col source="displayName" />
      <DataTable.Col source="role">
        <SelectField source="role" choices={roleChoices} />
      </DataTable.Col>
      <DataTable.Col source="active" field={BooleanField} />
    </DataTable>
  </List>
);

export const UserShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="username" />
      <TextField source="displayName" />
      <SelectField source="role" choices={roleChoices} />
      <AgencyReferenceField source="agencyId" emptyText="-" />
      <BooleanField source="active" />
    </SimpleShowLayout>
  </Show>
);

const usernameRules = [required(), minLength(3), maxLength(64), regex(/^[a-z0-9._-]+$/)];
const passwordRules = [minLength(10), maxLength(200)];

const UserFields = ({ creating }: { creating: boolean }) => {
  const translate = useTranslate();
  return (
    <>
      <TextInput source="username" validate={usernameRules} />
      <TextInput source="displayName" validate={[required(), maxLength(120)]} />
      <SelectInput source="role" choices={roleChoices} validate={required()} />
      {/* An agency editor changes only their agency's services: without one they can change nothing. */}
      <FormDataConsumer>
        {({ formData }) => (formData.role === "AGENCY_EDITOR" ? <AgencyReferenceInput source="agencyId" validate={required()} /> : null)}
      </FormDataConsumer>
      <BooleanInput source="active" />
      <PasswordInput
        source="password"
        autoComplete="new-password"
        validate={creating ? [required(), ...passwordRules] : passwordRules}
        helperText={creating ? undefined : translate("app.field.password_keep")}
      />
    </>
  );
};

/** An empty password on edit means "unchanged": do not send it. */
const withoutEmptyPassword = (data: RaRecord) => {
  const { password, ...rest } = data as RaRecord & { password?: string };
  return password ? { ...rest, password } : rest;
};

export const UserEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={withoutEmptyPassword}>
    <SimpleForm>
      <UserFields creating={false} />
    </SimpleForm>
  </Edit>
);

export const UserCreate = () => (
  <Create redirect="show" transform={withoutEmptyPassword}>
    <SimpleForm defaultValues={{ active: true }}>
      <UserFields creating />
    </SimpleForm>
  </Create>
);
