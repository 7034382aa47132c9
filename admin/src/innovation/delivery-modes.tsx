import EditLocationIcon from "@mui/icons-material/EditLocationAlt";
import { Alert, Box, Card, CardContent, List, ListItem, ListItemText, Typography } from "@mui/material";
import { gql } from "@apollo/client";
import { useWatch } from "react-hook-form";
import {
  ArrayInput,
  BooleanInput,
  Button,
  Form,
  Loading,
  NumberInput,
  SaveButton,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  Title,
  maxLength,
  maxValue,
  minValue,
  required,
  useGetOne,
  useNotify,
  useRecordContext,
  useRedirect,
  useTranslate,
  useWrappedSource,
  type RaRecord,
} from "react-admin";
import { Link, useParams } from "react-router-dom";
import type { SparseField } from "../common/export";
import { integer } from "../common/validators";
import { VenueReferenceInput } from "../venue/fields";
import { apolloClient, graphQLErrorsOf } from "../providers/dataProvider";
import "./register";

export const DELIVERY_MODES = ["COUNTER", "ONLINE", "POSTAL_DELIVERY", "OUTREACH"] as const;
type Mode = (typeof DELIVERY_MODES)[number];
const modeChoices = DELIVERY_MODES.map((m) => ({ id: m, name: `app.enum.DeliveryMode.${m}` }));
const postageChoices = ["APPLICANT", "GOVERNMENT"].map((p) => ({ id: p, name: `app.enum.PostageBorneBy.${p}` }));

export interface DeliveryModeRecord {
  id?: string;
  mode: Mode;
  venueId?: string | null;
  venue?: { id: string; name: string } | null;
  url?: string | null;
  fullyOnline?: boolean | null;
  postageBorneBy?: string | null;
  typicalDays?: number | null;
  places?: string | null;
  frequency?: string | null;
  note?: string | null;
}

export const DELIVERY_FIELDS: SparseField[] = ["id", "mode", "venueId", "url", "fullyOnline", "postageBorneBy", "typicalDays", "places", "frequency", "note", { venue: ["id", "name"] }];

/** What each mode keeps: the server refuses a field that does not belong to the mode. */
const FIELDS_OF: Record<Mode, Array<keyof DeliveryModeRecord>> = {
  COUNTER: ["venueId"],
  ONLINE: ["url", "fullyOnline"],
  POSTAL_DELIVERY: ["postageBorneBy", "typicalDays"],
  OUTREACH: ["places", "frequency"],
};

/** One line a resident understands: where, how, how long. */
export function useDescribeMode() {
  const translate = useTranslate();
  return (m: DeliveryModeRecord): string => {
    switch (m.mode) {
      case "COUNTER":
        return translate("app.delivery.counter_at", { venue: m.venue?.name ?? "-" });
      case "ONLINE":
        return `${translate("app.delivery.online_at", { url: m.url ?? "-" })}${m.fullyOnline ? ` (${translate("app.delivery.fully_online")})` : ""}`;
      case "POSTAL_DELIVERY":
        return translate("app.delivery.postal", { days: m.typicalDays ?? "-", payer: translate(`app.enum.PostageBorneBy.${m.postageBorneBy ?? "APPLICANT"}`) });
      case "OUTREACH":
        return translate("app.delivery.outreach", { places: m.places ?? "-", frequency: m.frequency ?? "-" });
    }
  };
}

/** The service's delivery modes on its page, each with its mode and one line saying how. */
export const DeliveryModesField = (_props: { label?: string | false }) => {
  const record = useRecordContext<RaRecord>();
  const translate = useTranslate();
  const describe = useDescribeMode();
  const modes = (record?.deliveryModes ?? []) as DeliveryModeRecord[];
  return (
    <Box data-testid="delivery-modes">
      <Typography variant="subtitle2">{translate("app.delivery.title")}</Typography>
      {modes.length === 0 ? (
        <Typography variant="body2" color="text.secondary">{translate("app.delivery.none")}</Typography>
      ) : (
        <List dense disablePadding>
          {modes.map((m, i) => (
            <ListItem key={m.id ?? i} disableGutters data-testid="delivery-mode" data-mode={m.mode}>
              <ListItemText primary={translate(`app.enum.DeliveryMode.${m.mode}`)} secondary={`${describe(m)}${m.note ? ` · ${m.note}` : ""}`} />
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
};

export const EditDeliveryModesButton = () => {
  const record = useRecordContext<RaRecord>();
  if (!record) return null;
  return (
    <Button label="app.delivery.edit" component={Link} to={`/PublicService/${encodeURIComponent(String(record.id))}/delivery`}>
      <EditLocationIcon />
    </Button>
  );
};

const SET_MODES = gql`
  mutation SetServiceDeliveryModes($serviceId: ID!, $modes: [DeliveryModeInput!]!) {
    setServiceDeliveryModes(serviceId: $serviceId, modes: $modes) { id }
  }
`;

/** Only the fields of each mode, so that a field left over from switching modes is not sent. */
const toInput = (m: DeliveryModeRecord) => {
  const keep = FIELDS_OF[m.mode] ?? [];
  const pick = (field: keyof DeliveryModeRecord) => (keep.includes(field) ? (m[field] ?? null) : null);
  return {
    mode: m.mode, venueId: pick("venueId"), url: pick("url"), fullyOnline: keep.includes("fullyOnline") ? Boolean(m.fullyOnline) : null,
    postageBorneBy: pick("postageBorneBy"), typicalDays: pick("typicalDays"), places: pick("places"), frequency: pick("frequency"), note: m.note || null,
  };
};

/**
 * The inputs of the mode chosen on this row. Inside SimpleFormIterator the inputs' sources are the
 * row's own (react-admin prefixes them); only the watched mode needs its full path.
 */
const ModeFields = (_props: { source?: string }) => {
  const mode = useWatch({ name: useWrappedSource("mode") }) as Mode | undefined;
  if (mode === "COUNTER") return <VenueReferenceInput source="venueId" validate={required()} />;
  if (mode === "ONLINE") {
    return (
      <>
        <TextInput source="url" label="app.delivery.url" validate={[required(), maxLength(255)]} fullWidth />
        <BooleanInput source="fullyOnline" label="app.delivery.fully_online" />
      </>
    );
  }
  if (mode === "POSTAL_DELIVERY") {
    return (
      <>
        <SelectInput source="postageBorneBy" label="app.delivery.postage" choices={postageChoices} validate={required()} />
        <NumberInput source="typicalDays" label="app.delivery.typical_days" validate={[required(), integer, minValue(1), maxValue(60)]} />
      </>
    );
  }
  if (mode === "OUTREACH") {
    return (
      <>
        <TextInput source="places" label="app.delivery.places" validate={[required(), maxLength(300)]} fullWidth />
        <TextInput source="frequency" label="app.delivery.frequency" validate={[required(), maxLength(120)]} />
      </>
    );
  }
  return null;
};

/**
 * `#/PublicService/:id/delivery`: how residents obtain the service (counter, online, by post,
 * outreach), saved as one set with setServiceDeliveryModes.
 */
export const DeliveryModesEditor = () => {
  const { id } = useParams<{ id: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const { data, isPending, error } = useGetOne("PublicService", { id: id!, meta: { sparseFields: ["id", "name", { deliveryModes: [...DELIVERY_FIELDS] }] } });
  if (isPending) return <Loading />;
  if (error || !data) return <Alert severity="error">{String((error as Error | null)?.message ?? "")}</Alert>;

  const save = async (values: Record<string, unknown>) => {
    const modes = ((values.modes ?? []) as DeliveryModeRecord[]).map(toInput);
    try {
      await apolloClient.mutate({ mutation: SET_MODES, variables: { serviceId: id, modes } });
      notify("app.delivery.saved", { type: "success" });
      redirect("show", "PublicService", id);
    } catch (e) {
      const [first] = graphQLErrorsOf(e);
      const fields = first?.extensions?.fields as Record<string, string> | undefined;
      const reason = fields ? Object.entries(fields).map(([f, p]) => `${f}: ${p}`).join("; ") : (first?.message ?? String(e));
      notify("app.delivery.refused", { type: "error", messageArgs: { reason } });
    }
  };

  return (
    <Card sx={{ mt: 1 }} data-testid="delivery-editor">
      <Title title={translate("app.delivery.editor_title", { name: String(data.name) })} />
      <CardContent>
        <Typography variant="h6" sx={{ mb: 1 }}>{translate("app.delivery.editor_title", { name: String(data.name) })}</Typography>
        <Form defaultValues={{ modes: (data.deliveryModes ?? []) as DeliveryModeRecord[] }} onSubmit={(values: Record<string, unknown>) => void save(values)}>
          <ArrayInput source="modes" label={false}>
            <SimpleFormIterator inline={false} disableReordering>
              <SelectInput source="mode" choices={modeChoices} validate={required()} />
              <ModeFields />
              <TextInput source="note" label="app.delivery.note" validate={maxLength(300)} fullWidth />
            </SimpleFormIterator>
          </ArrayInput>
          <SaveButton />
        </Form>
      </CardContent>
    </Card>
  );
};
