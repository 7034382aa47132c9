import {
  AutocompleteInput,
  ReferenceField,
  ReferenceInput,
  TextField,
  TextInput,
  type Validator,
} from "react-admin";
import { useCanReadUsers } from "./permissions";

interface RefFieldProps {
  source: string;
  label?: string;
  emptyText?: string;
}

interface RefInputProps {
  source: string;
  label?: string;
  validate?: Validator | Validator[];
  alwaysOn?: boolean;
  /** Restrict the choices, e.g. `{ role: "COLLECTOR" }`. */
  filter?: Record<string, unknown>;
  helperText?: string | false;
}

export const MarketReferenceField = ({ source, label, emptyText }: RefFieldProps) => (
  <ReferenceField source={source} reference="Market" label={label} emptyText={emptyText} link="show">
    <TextField source="name" />
  </ReferenceField>
);

/** There are a dozen markets in the regency: a select with all of them, sorted by name. */
export const MarketReferenceInput = ({ source, label, validate, alwaysOn, helperText }: RefInputProps) => (
  <ReferenceInput source={source} reference="Market" sort={{ field: "name", order: "ASC" }} perPage={100} alwaysOn={alwaysOn}>
    <AutocompleteInput
      optionText="name"
      label={label}
      validate={validate}
      helperText={helperText}
      sx={{ minWidth: 280 }}
    />
  </ReferenceInput>
);

/** Users are readable by administrators only; other roles see the id. */
export const UserReferenceField = ({ source, label, emptyText }: RefFieldProps) => {
  const canRead = useCanReadUsers();
  if (!canRead) return <TextField source={source} label={label} emptyText={emptyText} />;
  return (
    <ReferenceField source={source} reference="User" label={label} emptyText={emptyText} link="show">
      <TextField source="displayName" />
    </ReferenceField>
  );
};

export const UserReferenceInput = ({ source, label, validate, alwaysOn, filter, helperText }: RefInputProps) => {
  const canRead = useCanReadUsers();
  if (!canRead) return <TextInput source={source} label={label} validate={validate} helperText={helperText} />;
  return (
    <ReferenceInput
      source={source}
      reference="User"
      filter={filter}
      sort={{ field: "displayName", order: "ASC" }}
      alwaysOn={alwaysOn}
    >
      <AutocompleteInput
        optionText="displayName"
        label={label}
        validate={validate}
        helperText={helperText}
        sx={{ minWidth: 280 }}
      />
    </ReferenceInput>
  );
};

/** An agency by its short name (Disdukcapil, DPMPTSP), linked to its page. */
export const AgencyReferenceField = ({ source, label, emptyText }: RefFieldProps) => (
  <ReferenceField source={source} reference="Agency" label={label} emptyText={emptyText} link="show">
    <TextField source="shortName" />
  </ReferenceField>
);

/** A few dozen agencies: an autocomplete over all of them, by name. */
export const AgencyReferenceInput = ({ source, label, validate, alwaysOn, filter, helperText }: RefInputProps) => (
  <ReferenceInput source={source} reference="Agency" filter={filter} sort={{ field: "name", order: "ASC" }} perPage={200} alwaysOn={alwaysOn}>
    <AutocompleteInput
      optionText={(agency: { shortName?: string; name?: string }) =>
        agency.shortName && agency.name && agency.shortName !== agency.name ? `${agency.shortName} - ${agency.name}` : String(agency.name ?? agency.shortName ?? "")
      }
      label={label}
      validate={validate}
      helperText={helperText}
      sx={{ minWidth: 320 }}
    />
  </ReferenceInput>
);
