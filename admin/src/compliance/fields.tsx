import { Chip, type SxProps, type Theme } from "@mui/material";
import {
  FunctionField,
  TextInput,
  useLocaleState,
  useTranslate,
  type FunctionFieldProps,
  type RaRecord,
  type Validator,
} from "react-admin";
import type { ComplianceZone } from "./api";
import { formatScore, scoreInputText, scoreValidator } from "./score";

/**
 * The Ombudsman's traffic lights: zona hijau, kuning, merah. A category chip takes the colour of the
 * zone the server put it in (A/B hijau, C kuning, D/E merah by default), so no threshold lives here.
 */
const ZONE_COLOURS: Record<ComplianceZone, { main: string; text: string }> = {
  HIJAU: { main: "#2e7d32", text: "#ffffff" },
  KUNING: { main: "#f9c513", text: "rgba(0, 0, 0, 0.87)" },
  MERAH: { main: "#c62828", text: "#ffffff" },
};

const zoneColours = (zone: unknown) => ZONE_COLOURS[zone as ComplianceZone] ?? { main: "#9e9e9e", text: "#ffffff" };

export const ZoneChip = ({ zone, size = "small" }: { zone: ComplianceZone | string | null | undefined; size?: "small" | "medium" }) => {
  const translate = useTranslate();
  if (!zone) return null;
  const { main, text } = zoneColours(zone);
  return (
    <Chip
      size={size}
      label={translate(`app.enum.ComplianceZone.${zone}`, { _: String(zone) })}
      sx={{ bgcolor: main, color: text, fontWeight: 500 }}
      data-testid="zone-chip"
      data-value={String(zone)}
    />
  );
};

export const CategoryChip = ({
  category,
  zone,
  size = "small",
}: {
  category: string | null | undefined;
  zone: ComplianceZone | string | null | undefined;
  size?: "small" | "medium";
}) => {
  const translate = useTranslate();
  if (!category) return <span>-</span>;
  const { main, text } = zoneColours(zone);
  const sx: SxProps<Theme> = { bgcolor: main, color: text, fontWeight: 700, minWidth: "2.5em" };
  return (
    <Chip
      size={size}
      label={category}
      title={translate("app.compliance.category_title", { category })}
      sx={sx}
      data-testid="category-chip"
      data-value={category}
    />
  );
};

type RecordFieldProps = Omit<FunctionFieldProps, "render" | "source"> & { source: string };

/** A record's score (or target, average) with two decimals: 73,02. */
export const ScoreField = (props: RecordFieldProps) => {
  const [locale] = useLocaleState();
  return (
    <FunctionField
      {...props}
      textAlign="right"
      render={(record: RaRecord) => formatScore(record[props.source], locale) || (props.emptyText ?? "")}
    />
  );
};

/** The category the server derived for the record, coloured by its zone. */
export const CategoryField = (props: Omit<RecordFieldProps, "source"> & { source?: string }) => (
  <FunctionField
    {...props}
    source={props.source ?? "category"}
    render={(record: RaRecord) => <CategoryChip category={record.category as string | null} zone={record.zone as string} />}
  />
);

export const ZoneField = (props: Omit<RecordFieldProps, "source"> & { source?: string }) => (
  <FunctionField {...props} source={props.source ?? "zone"} render={(record: RaRecord) => <ZoneChip zone={record.zone as string} />} />
);

/**
 * A score typed the Indonesian way ("73,02") or with a dot. The form keeps the text so that a
 * half-typed "73," is not lost; `toScore` turns it into a number when saving.
 */
export const ScoreInput = ({ source, validate = [], helperText }: { source: string; validate?: Validator[]; helperText?: string | false }) => {
  const [locale] = useLocaleState();
  return (
    <TextInput
      source={source}
      validate={[...validate, scoreValidator]}
      format={(value: unknown) => scoreInputText(value, locale)}
      parse={(value: string) => value}
      helperText={helperText ?? "app.compliance.score_help"}
      slotProps={{ htmlInput: { inputMode: "decimal", autoComplete: "off" } }}
    />
  );
};
