import { Create, DataTable, Edit, List, Show, SimpleForm, SimpleShowLayout, required } from "react-admin";
import { ValidityInputs } from "../common/dates";
import { LocalDateField } from "../common/fields";
import { useCanWrite } from "../common/permissions";
import {
  MarketReferenceField,
  MarketReferenceInput,
  UserReferenceField,
  UserReferenceInput,
} from "../common/references";

const COLLECTORS = { role: "COLLECTOR" };

const filters = [
  <MarketReferenceInput key="marketId" source="marketId" alwaysOn />,
  <UserReferenceInput key="collectorId" source="collectorId" filter={COLLECTORS} />,
];

export const CollectorAssignmentList = () => {
  const canWrite = useCanWrite();
  return (
    <List filters={filters} sort={{ field: "validFrom", order: "DESC" }}>
      <DataTable rowClick="show" bulkActionButtons={canWrite ? undefined : false}>
        <DataTable.Col source="collectorId">
          <UserReferenceField source="collectorId" />
        </DataTable.Col>
        <DataTable.Col source="marketId">
          <MarketReferenceField source="marketId" />
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

export const CollectorAssignmentShow = () => (
  <Show>
    <SimpleShowLayout>
      <UserReferenceField source="collectorId" />
      <MarketReferenceField source="marketId" />
      <LocalDateField source="validFrom" />
      <LocalDateField source="validTo" />
    </SimpleShowLayout>
  </Show>
);

const CollectorAssignmentForm = () => (
  <SimpleForm>
    <UserReferenceInput source="collectorId" filter={COLLECTORS} validate={required()} />
    <MarketReferenceInput source="marketId" validate={required()} />
    <ValidityInputs />
  </SimpleForm>
);

export const CollectorAssignmentEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <CollectorAssignmentForm />
  </Edit>
);

export const CollectorAssignmentCreate = () => (
  <Create redirect="show">
    <CollectorAssignmentForm />
  </Create>
);
