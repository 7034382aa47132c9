import { Chip, Stack } from "@mui/material";
import {
  AutocompleteInput,
  FunctionField,
  ReferenceField,
  ReferenceInput,
  TextField,
  useLocaleState,
  useTranslate,
  type FunctionFieldProps,
  type RaRecord,
  type Validator,
} from "react-admin";
import type { ChipColor } from "../common/choices";

const choicesOf = (enumName: string, values: readonly string[]) => values.map((value) => ({ id: value, name: `app.enum.${enumName}.${value}` }));

export const VENUE_KINDS = ["MPP", "GERAI", "AGENCY_OFFICE", "OTHER"] as const;
export const FACILITY_KINDS = [
  "WAITING_ROOM", "QUEUE_MACHINE", "LACTATION_ROOM", "PRAYER_ROOM", "DISABILITY_ACCESS", "CHILD_PLAY_AREA", "TOILET", "PARKING", "OTHER",
] as const;
export const FACILITY_CONDITIONS = ["GOOD", "NEEDS_REPAIR", "MISSING"] as const;
export const venueKindChoices = choicesOf("VenueKind", VENUE_KINDS);
export const facilityKindChoices = choicesOf("FacilityKind", FACILITY_KINDS);
export const facilityConditionChoices = choicesOf("FacilityCondition", FACILITY_CONDITIONS);
/** Good green, needs repair amber, missing red. */
export const FACILITY_CONDITION_COLORS: Record<string, ChipColor> = { GOOD: "success", NEEDS_REPAIR: "warning", MISSING: "error" };

const intlLocale = (locale: string) => (locale === "id" ? "id-ID" : "en-GB");

/** "2026-01" as "Januari 2026" / "January 2026". */
export function formatMonth(value: unknown, locale: string): string {
  const m = typeof value === "string" ? /^(\d{4})-(\d{2})$/.exec(value) : null;
  if (!m) return value == null ? "" : String(value);
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return new Intl.DateTimeFormat(intlLocale(locale), { month: "long", year: "numeric", timeZone: "UTC" }).format(date);
}

type FieldProps = Omit<FunctionFieldProps, "render" | "source"> & { source: string };

export const MonthField = (props: FieldProps) => {
  const [locale] = useLocaleState();
  return <FunctionField {...props} render={(record: RaRecord) => formatMonth(record[props.source], locale)} />;
};

/** A whole number in the UI's locale: 4.620 (id), 4,620 (en). */
export const CountField = (props: FieldProps) => {
  const [locale] = useLocaleState();
  return (
    <FunctionField
      {...props}
      textAlign="right"
      render={(record: RaRecord) => {
        const n = Number(record[props.source]);
        return Number.isFinite(n) ? new Intl.NumberFormat(intlLocale(locale)).format(n) : "";
      }}
    />
  );
};

/** The services a counter offers, in its order, as chips (names come with the counter). */
export const ServicesField = (_props: { source?: string; label?: string }) => {
  const translate = useTranslate();
  return (
    <FunctionField
      source="services"
      render={(record: RaRecord) => {
        const services = (record.services ?? []) as Array<{ id: string; name: string }>;
        if (services.length === 0) return translate("app.venue.services_none");
        return (
          <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: "wrap", maxWidth: "36rem" }}>
            {services.map((s) => (
              <Chip key={s.id} size="small" variant="outlined" label={s.name} />
            ))}
          </Stack>
        );
      }}
    />
  );
};

/** Whether a figure is a real count or a demonstration one. */
export const SyntheticField = (_props: { source?: string; label?: string }) => {
  const translate = useTranslate();
  return (
    <FunctionField
      source="synthetic"
      render={(record: RaRecord) => (
        <Chip
          size="small"
          variant={record.synthetic ? "outlined" : "filled"}
          color={record.synthetic ? "default" : "primary"}
          label={translate(record.synthetic ? "app.venue.synthetic" : "app.venue.real")}
          data-value={record.synthetic ? "SYNTHETIC" : "REAL"}
        />
      )}
    />
  );
};

export const VenueReferenceField = ({ source, label }: { source: string; label?: string }) => (
  <ReferenceField source={source} reference="ServiceVenue" label={label} link="show">
    <TextField source="name" />
  </ReferenceField>
);

/** A handful of venues: an autocomplete over all of them. */
export const VenueReferenceInput = ({ source, alwaysOn, validate }: { source: string; alwaysOn?: boolean; validate?: Validator | Validator[] }) => (
  <ReferenceInput source={source} reference="ServiceVenue" sort={{ field: "name", order: "ASC" }} perPage={100} alwaysOn={alwaysOn}>
    <AutocompleteInput optionText="name" validate={validate} sx={{ minWidth: 320 }} />
  </ReferenceInput>
);
