import { Children, isValidElement, type ReactNode } from "react";
import { Chip, Stack } from "@mui/material";
import { FunctionField, Labeled, useLocaleState, useTranslate, type FunctionFieldProps, type RaRecord } from "react-admin";
import type { ChipColor } from "./choices";
import { formatDecimal, formatInstant, formatLocalDate, formatRupiah } from "./format";

type ValueFieldProps = Omit<FunctionFieldProps, "render" | "source"> & { source: string };

const valueAt = (record: RaRecord | undefined, source: string): unknown =>
  record ? source.split(".").reduce<unknown>((v, k) => (v == null ? v : (v as Record<string, unknown>)[k]), record) : undefined;

/** Integer rupiah, e.g. "Rp 2.000"; `emptyText` when there is none. */
export const MoneyField = (props: ValueFieldProps) => (
  <FunctionField {...props} textAlign="right" render={(record) => formatRupiah(valueAt(record, props.source)) || (props.emptyText ?? "")} />
);

/** A `YYYY-MM-DD` business date; `emptyText` when there is none. */
export const LocalDateField = (props: ValueFieldProps) => {
  const [locale] = useLocaleState();
  return <FunctionField {...props} render={(record) => formatLocalDate(valueAt(record, props.source), locale) || (props.emptyText ?? "")} />;
};

/** A UTC instant shown in Jakarta time; `emptyText` when there is none. */
export const InstantField = (props: ValueFieldProps) => {
  const [locale] = useLocaleState();
  return <FunctionField {...props} render={(record) => formatInstant(valueAt(record, props.source), locale) || (props.emptyText ?? "")} />;
};

/**
 * Related fields side by side inside a SimpleShowLayout, each labelled as SimpleShowLayout would
 * (with the same `ra-field-<source>` class). Give it `label={false}`: the row itself has no label.
 */
export const FieldRow = ({ children }: { children: ReactNode; label: false }) => (
  <Stack direction="row" spacing={6} useFlexGap sx={{ flexWrap: "wrap" }}>
    {Children.map(children, (child) =>
      isValidElement<{ source?: string }>(child) ? (
        <Labeled className={`ra-field ra-field-${child.props.source ?? ""}`}>{child}</Labeled>
      ) : null,
    )}
  </Stack>
);

/** A number with up to `digits` decimals, in the UI locale (area in m², coordinates). */
export const DecimalField = ({ digits = 2, ...props }: ValueFieldProps & { digits?: number }) => {
  const [locale] = useLocaleState();
  return (
    <FunctionField
      {...props}
      textAlign="right"
      render={(record) => formatDecimal(valueAt(record, props.source), locale, digits)}
    />
  );
};

/**
 * An enum value as a coloured chip labelled `app.enum.<enumName>.<value>`, so that states needing
 * attention (a mismatched payment, an unmatched bank line) stand out in a list.
 */
export const EnumChipField = ({
  enumName,
  colors,
  ...props
}: ValueFieldProps & { enumName: string; colors: Record<string, ChipColor> }) => {
  const translate = useTranslate();
  return (
    <FunctionField
      {...props}
      render={(record) => {
        const value = valueAt(record, props.source);
        if (value === null || value === undefined || value === "") return "";
        return (
          <Chip
            size="small"
            color={colors[String(value)] ?? "default"}
            label={translate(`app.enum.${enumName}.${String(value)}`, { _: String(value) })}
            data-value={String(value)}
          />
        );
      }}
    />
  );
};
