import { Chip, Stack, Typography } from "@mui/material";
import { FunctionField, useLocaleState, useTranslate, type RaRecord } from "react-admin";
import type { ChipColor } from "../common/choices";
import { formatLocalDate } from "../common/format";

const choicesOf = (enumName: string, values: readonly string[]) => values.map((value) => ({ id: value, name: `app.enum.${enumName}.${value}` }));

export const COMPLAINT_STATUSES = ["RECEIVED", "VERIFIED", "DISPOSED", "IN_PROGRESS", "RESOLVED", "DEFERRED", "NOT_OUR_AUTHORITY", "ARCHIVED"] as const;
export const COMPLAINT_CHANNELS = ["WEBSITE", "SMS", "MOBILE_APP", "SOCIAL_MEDIA", "WHATSAPP", "WALK_IN", "LETTER"] as const;
export const COMPLAINT_CLASSIFICATIONS = ["ASPIRASI", "PENGADUAN", "PERMINTAAN_INFORMASI"] as const;
export const COMPLAINT_TAGS = ["PUNGLI", "STAFF_CONDUCT", "SERVICE_DELAY", "FEES", "FACILITIES", "SANITATION", "SECURITY", "INFORMATION"] as const;
export const complaintStatusChoices = choicesOf("ComplaintStatus", COMPLAINT_STATUSES);
export const complaintChannelChoices = choicesOf("ComplaintChannel", COMPLAINT_CHANNELS);
export const complaintClassificationChoices = choicesOf("ComplaintClassification", COMPLAINT_CLASSIFICATIONS);
export const complaintTagChoices = choicesOf("ComplaintTag", COMPLAINT_TAGS);

/** Waiting for the administrator blue, with the agency amber, done green, closed otherwise grey. */
export const COMPLAINT_STATUS_COLORS: Record<string, ChipColor> = {
  RECEIVED: "info",
  VERIFIED: "info",
  DISPOSED: "warning",
  IN_PROGRESS: "warning",
  RESOLVED: "success",
  DEFERRED: "default",
  NOT_OUR_AUTHORITY: "default",
  ARCHIVED: "default",
};
/** Met green, late amber, pending blue, overdue red, not applicable grey. */
export const SLA_COLORS: Record<string, ChipColor> = { MET: "success", LATE: "warning", PENDING: "info", OVERDUE: "error", NOT_APPLICABLE: "default" };

export const SLA_STEPS = [
  { sla: "verificationSla", due: "verifyDueDate", label: "app.complaint.sla_verification", testId: "sla-verification" },
  { sla: "followUpSla", due: "followUpDueDate", label: "app.complaint.sla_follow_up", testId: "sla-follow-up" },
  { sla: "resolutionSla", due: "resolveDueDate", label: "app.complaint.sla_resolution", testId: "sla-resolution" },
] as const;

/** One service level: its state as a chip and, under it, the due day. */
export const SlaChip = ({ record, step }: { record: RaRecord; step: (typeof SLA_STEPS)[number] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const state = String(record[step.sla] ?? "");
  const due = record[step.due] as string | null | undefined;
  if (!state) return null;
  return (
    <Stack spacing={0.25} sx={{ alignItems: "flex-start" }}>
      <Chip
        size="small"
        color={SLA_COLORS[state] ?? "default"}
        label={translate(`app.enum.SlaState.${state}`, { _: state })}
        data-testid={step.testId}
        data-value={state}
        title={translate(step.label)}
      />
      <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: "nowrap" }}>
        {due ? translate("app.complaint.due", { date: formatLocalDate(due, locale) }) : translate("app.complaint.no_due")}
      </Typography>
    </Stack>
  );
};

export const SlaField = ({ step }: { step: (typeof SLA_STEPS)[number]; source?: string; label?: string }) => (
  <FunctionField source={step.sla} render={(record: RaRecord) => <SlaChip record={record} step={step} />} />
);

/** The three service levels side by side (show page). */
export const SlaRow = (_props: { label?: string }) => {
  const translate = useTranslate();
  return (
    <FunctionField
      render={(record: RaRecord) => (
        <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: "wrap" }} data-testid="complaint-sla">
          {SLA_STEPS.map((step) => (
            <Stack key={step.sla} spacing={0.5}>
              <Typography variant="caption" color="text.secondary">
                {translate(step.label)}
              </Typography>
              <SlaChip record={record} step={step} />
            </Stack>
          ))}
        </Stack>
      )}
    />
  );
};

/** The topics as chips, PUNGLI in red. */
export const TagsField = (_props: { source?: string; label?: string }) => {
  const translate = useTranslate();
  return (
    <FunctionField
      source="tags"
      render={(record: RaRecord) => {
        const tags = (record.tags ?? []) as string[];
        if (tags.length === 0) return "-";
        return (
          <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: "wrap" }}>
            {tags.map((tag) => (
              <Chip
                key={tag}
                size="small"
                variant={tag === "PUNGLI" ? "filled" : "outlined"}
                color={tag === "PUNGLI" ? "error" : "default"}
                label={translate(`app.enum.ComplaintTag.${tag}`, { _: tag })}
              />
            ))}
          </Stack>
        );
      }}
    />
  );
};
