import { useEffect, useMemo, useState } from "react";
import { Chip } from "@mui/material";
import {
  AutocompleteInput,
  SelectInput,
  useGetList,
  useLocaleState,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from "react-admin";
import { ANOMALY_SEVERITY_COLORS, ANOMALY_STATUS_COLORS } from "../common/choices";
import { fetchAnomalyRules } from "./api";
import { KNOWN_RULE_CODES, ruleLabelKey } from "./rules";

interface FieldProps {
  source?: string;
  label?: string;
  sortable?: boolean;
}

/** The severity as a chip: low blue, medium amber, high red, critical dark red and bold. */
export const SeverityChipField = (_props: FieldProps) => {
  const record = useRecordContext<RaRecord>();
  const translate = useTranslate();
  const value = record?.severity ? String(record.severity) : "";
  if (!value) return null;
  return (
    <Chip
      size="small"
      color={ANOMALY_SEVERITY_COLORS[value] ?? "default"}
      label={translate(`app.enum.AnomalySeverity.${value}`, { _: value })}
      data-value={value}
      sx={value === "CRITICAL" ? { bgcolor: "#7f0000", color: "#fff", fontWeight: 700 } : undefined}
    />
  );
};

/** The workflow status as an outlined chip (so it does not read as a severity next to it). */
export const StatusChipField = (_props: FieldProps) => {
  const record = useRecordContext<RaRecord>();
  const translate = useTranslate();
  const value = record?.status ? String(record.status) : "";
  if (!value) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={ANOMALY_STATUS_COLORS[value] ?? "default"}
      label={translate(`app.enum.AnomalyStatus.${value}`, { _: value })}
      data-value={value}
      data-testid="anomaly-status"
    />
  );
};

/** The rule's name in the UI language (its code when it has no translation), the code as a tooltip. */
export const RuleField = (_props: FieldProps) => {
  const record = useRecordContext<RaRecord>();
  const translate = useTranslate();
  if (!record?.rule) return null;
  const code = String(record.rule);
  return (
    <span title={code} data-value={code}>
      {translate(ruleLabelKey(code), { _: code })}
    </span>
  );
};

/** What was expected and found: `summaryId` in Indonesian, `summaryEn` in English. */
export const useSummaryOf = () => {
  const [locale] = useLocaleState();
  return (record: RaRecord | undefined) => (record ? String((locale === "en" ? record.summaryEn : record.summaryId) ?? "") : "");
};

export const SummaryField = ({ testId }: FieldProps & { testId?: string }) => {
  const record = useRecordContext<RaRecord>();
  const summaryOf = useSummaryOf();
  return <span data-testid={testId}>{summaryOf(record)}</span>;
};

/**
 * Rule filter: the known codes at once, then any other code the server's `rules` query lists.
 * Choices are translated here (a code without a translation shows as itself).
 */
export const RuleInput = ({ source, alwaysOn, label }: { source: string; alwaysOn?: boolean; label?: string }) => {
  const translate = useTranslate();
  const [codes, setCodes] = useState<string[]>([...KNOWN_RULE_CODES]);
  useEffect(() => {
    let live = true;
    fetchAnomalyRules()
      .then((rules) => {
        if (!live) return;
        setCodes((known) => [...known, ...rules.map((r) => r.code).filter((code) => !known.includes(code))]);
      })
      // The static list stays usable when the query fails.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  const choices = useMemo(
    () => codes.map((code) => ({ id: code, name: translate(ruleLabelKey(code), { _: code }) })),
    [codes, translate],
  );
  return <SelectInput source={source} label={label} alwaysOn={alwaysOn} choices={choices} translateChoice={false} sx={{ minWidth: 240 }} />;
};

const ASSIGNMENT_FIELDS = ["id", "collectorId", { collector: ["id", "displayName"] }];

/**
 * Collector filter. Only administrators may list users; every role that reads anomalies may read
 * collector assignments, which name their collectors, so the choices come from those.
 */
export const CollectorInput = ({ source, alwaysOn, label }: { source: string; alwaysOn?: boolean; label?: string }) => {
  const { data } = useGetList("CollectorAssignment", {
    pagination: { page: 1, perPage: 500 },
    sort: { field: "id", order: "ASC" },
    meta: { sparseFields: ASSIGNMENT_FIELDS },
  });
  const choices = useMemo(() => {
    const byId = new Map<string, string>();
    for (const a of data ?? []) {
      const collector = a.collector as { id: string; displayName: string } | undefined;
      if (collector) byId.set(String(collector.id), collector.displayName);
    }
    return [...byId.entries()].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }, [data]);
  return <AutocompleteInput source={source} label={label} alwaysOn={alwaysOn} choices={choices} translateChoice={false} sx={{ minWidth: 260 }} />;
};
