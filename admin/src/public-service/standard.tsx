import type { ReactNode } from "react";
import { Box, LinearProgress, Stack, Table, TableBody, TableCell, TableRow, Typography } from "@mui/material";
import { useLocaleState, useTranslate } from "react-admin";
import { formatInstant, formatLocalDate, formatRupiah } from "../common/format";
import { COMPONENT_COUNT, COMPONENTS, type Component, type Standard, type StandardInput } from "./api";

/** Service delivery components (1-6) and the agency's internal management (7-14), as PermenPAN-RB 15/2014 groups them. */
const DELIVERY: readonly Component[] = COMPONENTS.slice(0, 6);
const MANAGEMENT: readonly Component[] = COMPONENTS.slice(6);

/** "28 hari kerja", "60 menit". */
export function useDuration() {
  const translate = useTranslate();
  return (time: number | null | undefined, unit: string | null | undefined) =>
    time == null || !unit ? "" : translate(`app.standard.duration.${unit}`, { smart_count: time, _: `${time} ${unit}` });
}

/** Rupiah, or "Gratis" for a fee of 0. */
export function useFee() {
  const translate = useTranslate();
  return (fee: number | null | undefined) => (fee == null ? "" : Number(fee) === 0 ? translate("app.standard.free") : formatRupiah(fee));
}

/** "n/14" with a small bar: green when complete, amber from half, red below. */
export const CompletenessBar = ({ filled, total = COMPONENT_COUNT, width = 90 }: { filled: number; total?: number; width?: number }) => {
  const value = total === 0 ? 0 : Math.min(100, (filled / total) * 100);
  const color = filled >= total ? "success" : value >= 50 ? "warning" : "error";
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: "center" }} data-testid="completeness" data-filled={filled}>
      <Typography component="span" variant="body2" sx={{ minWidth: "3.2em", fontVariantNumeric: "tabular-nums" }}>
        {`${filled}/${total}`}
      </Typography>
      <LinearProgress variant="determinate" value={value} color={color} sx={{ width, height: 6, borderRadius: 3 }} />
    </Stack>
  );
};

const isFilled = (s: Partial<StandardInput>, c: Component): boolean => {
  switch (c) {
    case "requirements":
    case "procedure":
      return (s[c] ?? []).some((item) => typeof item === "string" && item.trim().length > 0);
    case "completionTime":
      return s.completionTime != null && !!s.completionUnit;
    case "fee":
      return s.fee != null;
    case "staffCount":
      return s.staffCount != null && s.staffCount > 0;
    default:
      return typeof s[c] === "string" && (s[c] as string).trim().length > 0;
  }
};

/** How many of the 14 components are filled, counted as the server counts (a fee of 0 is filled). */
export const countFilled = (s: Partial<StandardInput>): number => COMPONENTS.filter((c) => isFilled(s, c)).length;

const OrderedList = ({ items }: { items: string[] }) => (
  <Box component="ol" sx={{ m: 0, pl: 3 }}>
    {items.map((item, i) => (
      <li key={i}>
        <Typography variant="body2">{item}</Typography>
      </li>
    ))}
  </Box>
);

/** One version's 14 components with their Indonesian names, the empty ones marked. */
export const StandardComponents = ({ standard, testId }: { standard: Standard; testId?: string }) => {
  const translate = useTranslate();
  const duration = useDuration();
  const fee = useFee();
  const value = (c: Component): ReactNode => {
    if (!isFilled(standard, c)) {
      return (
        <Typography variant="body2" sx={{ color: "warning.dark", fontStyle: "italic" }}>
          {translate("app.standard.not_filled")}
        </Typography>
      );
    }
    switch (c) {
      case "requirements":
      case "procedure":
        return <OrderedList items={standard[c]} />;
      case "completionTime":
        return <Typography variant="body2">{duration(standard.completionTime, standard.completionUnit)}</Typography>;
      case "fee":
        return (
          <>
            <Typography variant="body2" sx={{ fontWeight: 500 }}>
              {fee(standard.fee)}
            </Typography>
            {standard.feeNote ? (
              <Typography variant="body2" color="text.secondary">
                {standard.feeNote}
              </Typography>
            ) : null}
          </>
        );
      case "staffCount":
        return <Typography variant="body2">{translate("app.standard.staff", { smart_count: standard.staffCount ?? 0 })}</Typography>;
      default:
        return (
          <Typography variant="body2" sx={{ whiteSpace: "pre-line" }}>
            {standard[c] as string}
          </Typography>
        );
    }
  };
  const group = (title: string, components: readonly Component[]) => (
    <>
      <TableRow>
        <TableCell colSpan={2} sx={{ bgcolor: "action.hover", py: 0.75 }}>
          <Typography variant="subtitle2">{translate(title)}</Typography>
        </TableCell>
      </TableRow>
      {components.map((c) => (
        <TableRow key={c} data-testid={`component-${c}`} data-filled={isFilled(standard, c) ? "true" : "false"}>
          <TableCell component="th" scope="row" sx={{ width: "18rem", verticalAlign: "top" }}>
            <Typography variant="body2" sx={{ fontWeight: 500 }}>
              {`${COMPONENTS.indexOf(c) + 1}. ${translate(`app.standard.components.${c}`)}`}
            </Typography>
          </TableCell>
          <TableCell sx={{ verticalAlign: "top" }}>{value(c)}</TableCell>
        </TableRow>
      ))}
    </>
  );
  return (
    <Table size="small" data-testid={testId} sx={{ maxWidth: "70rem" }}>
      <TableBody>
        {group("app.standard.delivery", DELIVERY)}
        {group("app.standard.management", MANAGEMENT)}
      </TableBody>
    </Table>
  );
};

/** The decree line: "SK 800/... tanggal 15 Jan 2025", or that it is still missing. */
export const DecreeLine = ({ standard }: { standard: Standard }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!standard.decreeNumber && !standard.decreeDate) {
    return (
      <Typography variant="body2" sx={{ color: "warning.dark" }}>
        {translate("app.standard.no_decree")}
      </Typography>
    );
  }
  return (
    <Typography variant="body2" data-testid="decree">
      {translate("app.standard.decree_line", {
        number: standard.decreeNumber ?? "-",
        date: standard.decreeDate ? formatLocalDate(standard.decreeDate, locale) : "-",
      })}
    </Typography>
  );
};

/** A version with its heading, decree and components. */
export const StandardSection = ({ standard, title, subtitle, testId }: { standard: Standard; title: string; subtitle?: string; testId: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Box data-testid={testId} data-version={standard.version} sx={{ mb: 3 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: "center", flexWrap: "wrap", mb: 0.5 }} useFlexGap>
        <Typography variant="h6">{title}</Typography>
        <CompletenessBar filled={standard.filledComponents} />
      </Stack>
      {subtitle ? (
        <Typography variant="body2" color="text.secondary">
          {subtitle}
        </Typography>
      ) : null}
      <DecreeLine standard={standard} />
      {standard.publishedAt ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate("app.standard.published_on", { at: formatInstant(standard.publishedAt, locale) })}
        </Typography>
      ) : (
        <Box sx={{ mb: 1 }} />
      )}
      <StandardComponents standard={standard} />
    </Box>
  );
};
