import { FunctionField, useLocaleState, type FunctionFieldProps, type RaRecord } from "react-admin";
import { formatDecimal, formatInstant, formatLocalDate, formatRupiah } from "./format";

type ValueFieldProps = Omit<FunctionFieldProps, "render" | "source"> & { source: string };

const valueAt = (record: RaRecord | undefined, source: string): unknown =>
  record ? source.split(".").reduce<unknown>((v, k) => (v == null ? v : (v as Record<string, unknown>)[k]), record) : undefined;

/** Integer rupiah, e.g. "Rp 2.000". */
export const MoneyField = (props: ValueFieldProps) => (
  <FunctionField {...props} textAlign="right" render={(record) => formatRupiah(valueAt(record, props.source))} />
);

/** A `YYYY-MM-DD` business date. */
export const LocalDateField = (props: ValueFieldProps) => {
  const [locale] = useLocaleState();
  return <FunctionField {...props} render={(record) => formatLocalDate(valueAt(record, props.source), locale)} />;
};

/** A UTC instant shown in Jakarta time. */
export const InstantField = (props: ValueFieldProps) => {
  const [locale] = useLocaleState();
  return <FunctionField {...props} render={(record) => formatInstant(valueAt(record, props.source), locale)} />;
};

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
