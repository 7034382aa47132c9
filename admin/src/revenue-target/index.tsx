import {
  Create,
  DataTable,
  Edit,
  List,
  NumberField,
  NumberInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  maxValue,
  minValue,
  required,
  useTranslate,
} from "react-admin";
import { MoneyField } from "../common/fields";
import { useCanWrite } from "../common/permissions";
import { MarketReferenceField, MarketReferenceInput } from "../common/references";
import { integer } from "../common/validators";

const filters = [
  <NumberInput key="year" source="year" alwaysOn />,
  <MarketReferenceInput key="marketId" source="marketId" alwaysOn />,
];

/** A target without a market is the regency-wide target. */
const TargetMarketField = () => {
  const translate = useTranslate();
  return <MarketReferenceField source="marketId" emptyText={translate("resources.RevenueTarget.fields.regency")} />;
};

export const RevenueTargetList = () => {
  const canWrite = useCanWrite();
  return (
    <List filters={filters} sort={{ field: "year", order: "DESC" }}>
      <DataTable rowClick="show" bulkActionButtons={canWrite ? undefined : false}>
        <DataTable.NumberCol source="year" options={{ useGrouping: false }} />
        <DataTable.Col source="marketId">
          <TargetMarketField />
        </DataTable.Col>
        <DataTable.Col source="amount" align="right">
          <MoneyField source="amount" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

export const RevenueTargetShow = () => (
  <Show>
    <SimpleShowLayout>
      <NumberField source="year" options={{ useGrouping: false }} />
      <TargetMarketField />
      <MoneyField source="amount" />
    </SimpleShowLayout>
  </Show>
);

const RevenueTargetForm = () => {
  const translate = useTranslate();
  return (
    <SimpleForm>
      <NumberInput source="year" step={1} validate={[required(), integer, minValue(2000), maxValue(2100)]} />
      <MarketReferenceInput source="marketId" helperText={translate("resources.RevenueTarget.fields.regency")} />
      <NumberInput source="amount" step={1000} validate={[required(), integer, minValue(0)]} />
    </SimpleForm>
  );
};

export const RevenueTargetEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <RevenueTargetForm />
  </Edit>
);

export const RevenueTargetCreate = () => (
  <Create redirect="show">
    <RevenueTargetForm />
  </Create>
);
