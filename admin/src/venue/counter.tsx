import { useEffect, useRef } from "react";
import { Alert } from "@mui/material";
import {
  AutocompleteArrayInput,
  Create,
  CreateButton,
  DataTable,
  DateInput,
  Edit,
  EditButton,
  FilterButton,
  List,
  Loading,
  NumberInput,
  ReferenceArrayInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  minValue,
  required,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from "react-admin";
import { useFormContext, useWatch } from "react-hook-form";
import { PagedExportButton, nameOf } from "../common/export";
import { FieldRow, LocalDateField } from "../common/fields";
import { useMyAgency } from "../common/my-agency";
import { canWriteCounters, useRole } from "../common/permissions";
import { AgencyReferenceInput } from "../common/references";
import { integer, notBefore } from "../common/validators";
import { ServicesField, VenueReferenceInput } from "./fields";
import { COUNTER_FIELDS } from "./venue";

const FORM_FIELDS = ["id", "venueId", "agencyId", "counterNumber", "serviceIds", "activeFrom", "activeTo"];

/**
 * Who may change this counter: administrators any, an agency editor only their own agency's (the
 * server refuses the others; the screens do not offer them).
 */
function useCounterWriter(): { loading: boolean; canWrite: (record: RaRecord | undefined) => boolean; ownAgencyId: string | null } {
  const role = useRole();
  const { loading, agencyId, isEditor } = useMyAgency();
  return {
    loading,
    ownAgencyId: agencyId,
    canWrite: (record) => {
      if (!canWriteCounters(role)) return false;
      if (!isEditor) return true;
      return agencyId !== null && (record === undefined || String(record.agencyId) === agencyId);
    },
  };
}

const filters = [
  <VenueReferenceInput key="venueId" source="venueId" alwaysOn />,
  <AgencyReferenceInput key="agencyId" source="agencyId" alwaysOn />,
  <DateInput key="activeOn" source="activeOn" alwaysOn />,
];

const EXPORT_COLUMNS = ["id", "venue", "counterNumber", "agency", "services", "activeFrom", "activeTo"] as const;

const CounterListActions = () => {
  const { canWrite, ownAgencyId } = useCounterWriter();
  const role = useRole();
  return (
    <TopToolbar>
      <FilterButton />
      {canWrite(undefined) && (role !== "AGENCY_EDITOR" || ownAgencyId) ? <CreateButton /> : null}
      <PagedExportButton
        fields={COUNTER_FIELDS}
        columns={EXPORT_COLUMNS}
        fileName="app.venue.export_counters"
        row={(r: RaRecord) => ({
          id: r.id,
          venue: nameOf(r.venue, "name"),
          counterNumber: r.counterNumber,
          agency: nameOf(r.agency, "shortName"),
          services: ((r.services ?? []) as Array<{ name: string }>).map((s) => s.name),
          activeFrom: r.activeFrom,
          activeTo: r.activeTo,
        })}
      />
    </TopToolbar>
  );
};

export const VenueCounterList = () => {
  const { canWrite } = useCounterWriter();
  const role = useRole();
  const translate = useTranslate();
  return (
    <>
      {role === "AGENCY_EDITOR" ? (
        <Alert severity="info" sx={{ mt: 1 }}>
          {translate("app.venue.editor_own_only")}
        </Alert>
      ) : null}
      <List
        filters={filters}
        actions={<CounterListActions />}
        sort={{ field: "venueId", order: "ASC" }}
        perPage={25}
        queryOptions={{ meta: { sparseFields: COUNTER_FIELDS } }}
      >
        <DataTable rowClick={(_id, _resource, record) => (canWrite(record) ? "edit" : "show")} bulkActionButtons={false}>
          <DataTable.Col source="venueId">
            <TextField source="venue.name" />
          </DataTable.Col>
          <DataTable.NumberCol source="counterNumber" />
          <DataTable.Col source="agencyId">
            <TextField source="agency.shortName" />
          </DataTable.Col>
          <DataTable.Col source="services" disableSort>
            <ServicesField />
          </DataTable.Col>
          <DataTable.Col source="activeFrom">
            <LocalDateField source="activeFrom" />
          </DataTable.Col>
          <DataTable.Col source="activeTo">
            <LocalDateField source="activeTo" emptyText="-" />
          </DataTable.Col>
        </DataTable>
      </List>
    </>
  );
};

const CounterShowActions = () => {
  const record = useRecordContext<RaRecord>();
  const { canWrite } = useCounterWriter();
  return <TopToolbar>{record && canWrite(record) ? <EditButton /> : null}</TopToolbar>;
};

export const VenueCounterShow = () => (
  <Show actions={<CounterShowActions />} queryOptions={{ meta: { sparseFields: COUNTER_FIELDS } }}>
    <SimpleShowLayout>
      <FieldRow label={false}>
        <TextField source="venue.name" label="resources.VenueCounter.fields.venueId" />
        <TextField source="counterNumber" />
        <TextField source="agency.shortName" label="resources.VenueCounter.fields.agencyId" />
      </FieldRow>
      <ServicesField label="resources.VenueCounter.fields.services" />
      <FieldRow label={false}>
        <LocalDateField source="activeFrom" />
        <LocalDateField source="activeTo" emptyText="-" />
      </FieldRow>
    </SimpleShowLayout>
  </Show>
);

/** Only the arguments of createVenueCounter / updateVenueCounter. */
const toCounterInput = (data: RaRecord) => ({
  venueId: data.venueId,
  agencyId: data.agencyId,
  counterNumber: data.counterNumber,
  serviceIds: Array.isArray(data.serviceIds) ? data.serviceIds : [],
  activeFrom: data.activeFrom,
  activeTo: data.activeTo || null,
});

/**
 * The services offered: only the chosen agency's (the server refuses others). Changing the agency
 * empties the choice.
 */
const ServicesInput = () => {
  const agencyId = useWatch({ name: "agencyId" }) as string | null | undefined;
  const { setValue } = useFormContext();
  const previous = useRef(agencyId);
  useEffect(() => {
    if (previous.current !== undefined && previous.current !== agencyId) setValue("serviceIds", [], { shouldDirty: true });
    previous.current = agencyId;
  }, [agencyId, setValue]);
  if (!agencyId) return <TextInput source="serviceIds" disabled helperText="app.venue.services_pick_agency" format={() => ""} />;
  return (
    <ReferenceArrayInput source="serviceIds" reference="PublicService" filter={{ agencyId }} sort={{ field: "name", order: "ASC" }} perPage={200}>
      <AutocompleteArrayInput optionText="name" helperText="app.venue.services_help" fullWidth />
    </ReferenceArrayInput>
  );
};

const CounterForm = ({ ownAgencyId, defaultValues }: { ownAgencyId: string | null; defaultValues?: Record<string, unknown> }) => (
  <SimpleForm defaultValues={defaultValues}>
    <VenueReferenceInput source="venueId" validate={required()} />
    <AgencyReferenceInput source="agencyId" validate={required()} filter={ownAgencyId ? { ids: [ownAgencyId] } : { active: true }} />
    <NumberInput source="counterNumber" step={1} validate={[required(), integer, minValue(1)]} />
    <ServicesInput />
    <DateInput source="activeFrom" validate={required()} />
    <DateInput source="activeTo" validate={notBefore("activeFrom")} />
  </SimpleForm>
);

/** An agency editor reaching another agency's counter by address is sent to its page instead. */
const NotYours = () => {
  const translate = useTranslate();
  return <Alert severity="warning">{translate("app.venue.editor_own_only")}</Alert>;
};

const EditGuard = ({ ownAgencyId }: { ownAgencyId: string | null }) => {
  const record = useRecordContext<RaRecord>();
  if (record && ownAgencyId && String(record.agencyId) !== ownAgencyId) return <NotYours />;
  return <CounterForm ownAgencyId={ownAgencyId} />;
};

export const VenueCounterEdit = () => {
  const { loading, ownAgencyId } = useCounterWriter();
  if (loading) return <Loading />;
  return (
    <Edit mutationMode="pessimistic" redirect="list" transform={toCounterInput} queryOptions={{ meta: { sparseFields: FORM_FIELDS } }}>
      <EditGuard ownAgencyId={ownAgencyId} />
    </Edit>
  );
};

export const VenueCounterCreate = () => {
  const { loading, ownAgencyId } = useCounterWriter();
  const role = useRole();
  if (loading) return <Loading />;
  if (role === "AGENCY_EDITOR" && !ownAgencyId) return <NotYours />;
  return (
    <Create redirect="list" transform={toCounterInput}>
      <CounterForm ownAgencyId={ownAgencyId} defaultValues={{ agencyId: ownAgencyId ?? undefined, serviceIds: [] }} />
    </Create>
  );
};
