import type { ReactNode } from "react";
import { Box, Card, CardContent, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import { useLocaleState, useTranslate } from "react-admin";
import { formatDecimal, formatRupiah } from "../common/format";
import type { RevenueTotal } from "./dashboard-api";

export const percent = (rate: number, locale: string) => `${formatDecimal(rate * 100, locale, 1)}%`;

/** A headline figure; `data-value` holds the exact number for tests and for copying. */
export const Figure = ({ id, label, value, children }: { id: string; label: string; value: number | string; children: ReactNode }) => (
  <Card variant="outlined" sx={{ flex: "1 1 10rem", minWidth: "10rem" }} data-testid={`kpi-${id}`} data-value={value}>
    <CardContent sx={{ py: 1.5, "&:last-child": { pb: 1.5 } }}>
      <Typography variant="overline" color="text.secondary" component="div" sx={{ lineHeight: 1.5 }}>
        {label}
      </Typography>
      <Typography variant="h6" component="div" sx={{ fontWeight: 500 }}>
        {children}
      </Typography>
    </CardContent>
  </Card>
);

export const Section = ({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) => (
  <Card variant="outlined" sx={{ mt: 2, minWidth: 0 }} data-testid={testId}>
    <CardContent>
      <Typography variant="h6" component="h2" sx={{ fontSize: "1.05rem", mb: 1 }}>
        {title}
      </Typography>
      {children}
    </CardContent>
  </Card>
);

/** The six headline figures of a period: potential, target, realised, tickets collected, leakage and its rate. */
export const RevenueFigures = ({ total }: { total: RevenueTotal }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const money = (id: string, key: string, value: number) => (
    <Figure id={id} label={translate(`app.dashboard.${key}`)} value={value}>
      {formatRupiah(value)}
    </Figure>
  );
  return (
    <Stack direction="row" useFlexGap sx={{ flexWrap: "wrap", gap: 1.5 }}>
      {money("potential", "potential", total.potential)}
      {money("target", "target", total.target)}
      {money("realised", "realised", total.realised)}
      {money("collected", "collected", total.collected)}
      {money("leakage", "leakage", total.leakage)}
      <Figure id="leakage-rate" label={translate("app.dashboard.leakage_rate")} value={total.leakageRate}>
        {percent(total.leakageRate, locale)}
      </Figure>
    </Stack>
  );
};

/** A small table: header labels, then one row per item. */
export const Rows = <T,>({ head, items, row, testId }: { head: Array<[string, "left" | "right"]>; items: T[]; row: (item: T) => ReactNode[]; testId: string }) => (
  <Box sx={{ overflowX: "auto" }}>
    <Table size="small">
      <TableHead>
        <TableRow>
          {head.map(([label, align]) => (
            <TableCell key={label} align={align}>
              {label}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map((item, i) => (
          <TableRow key={i} data-testid={testId}>
            {row(item).map((cell, j) => (
              <TableCell key={j} align={head[j]?.[1]}>
                {cell}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  </Box>
);
