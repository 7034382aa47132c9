import { useState, type ReactNode } from "react";
import PublishIcon from "@mui/icons-material/Publish";
import SaveIcon from "@mui/icons-material/Save";
import { Alert, Box, Card, CardContent, Stack, Typography } from "@mui/material";
import { useFormContext, useWatch } from "react-hook-form";
import {
  ArrayInput,
  Button,
  DateInput,
  Form,
  Loading,
  NumberInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  Title,
  maxLength,
  maxValue,
  minValue,
  useGetOne,
  useLocaleState,
  useNotify,
  useRedirect,
  useRefresh,
  useTranslate,
  type RaRecord,
  type Validator,
} from "react-admin";
import { useParams } from "react-router-dom";
import { timeUnitChoices } from "../common/choices";
import { formatLocalDate } from "../common/format";
import { useCanWriteServices } from "../common/permissions";
import { integer } from "../common/validators";
import {
  COMPONENT_COUNT,
  COMPONENTS,
  INPUT_KEYS,
  STANDARD_FIELDS,
  StandardError,
  publishServiceStandard,
  saveServiceStandard,
  type Component,
  type Standard,
  type StandardInput,
} from "./api";
import { CompletenessBar, countFilled } from "./standard";

const EDITOR_FIELDS = [
  "id", "name", "agencyId", { agency: ["id", "shortName", "name"] }, { standard: [...STANDARD_FIELDS] }, { draft: [...STANDARD_FIELDS] },
];

type FormValues = Record<keyof StandardInput, unknown>;

/**
 * What the editor starts from: the open draft as saved, or else the version in force without its
 * decree (a changed standard is set by a new decree), or else an empty standard.
 */
function initialValues(draft: Partial<Standard> | null, inForce: Partial<Standard> | null): FormValues {
  const from = draft ?? inForce;
  const values = Object.fromEntries(INPUT_KEYS.map((k) => [k, from?.[k] ?? null])) as FormValues;
  values.requirements = from?.requirements ?? [];
  values.procedure = from?.procedure ?? [];
  if (!draft) {
    values.decreeNumber = null;
    values.decreeDate = null;
  }
  return values;
}

const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);
const int = (v: unknown) => (v === null || v === undefined || v === "" || Number.isNaN(Number(v)) ? null : Number(v));
const list = (v: unknown) => (Array.isArray(v) ? v.map((item) => (typeof item === "string" ? item.trim() : "")).filter(Boolean) : []);

/** The form's values as `ServiceStandardInput`: trimmed, empty lines dropped, blanks as null. */
export function toStandardInput(values: FormValues): StandardInput {
  return {
    requirements: list(values.requirements),
    procedure: list(values.procedure),
    completionTime: int(values.completionTime),
    completionUnit: text(values.completionUnit),
    fee: int(values.fee),
    feeNote: text(values.feeNote),
    product: text(values.product),
    complaintChannel: text(values.complaintChannel),
    legalBasis: text(values.legalBasis),
    facilities: text(values.facilities),
    staffCompetence: text(values.staffCompetence),
    internalSupervision: text(values.internalSupervision),
    staffCount: int(values.staffCount),
    serviceGuarantee: text(values.serviceGuarantee),
    securityGuarantee: text(values.securityGuarantee),
    performanceEvaluation: text(values.performanceEvaluation),
    decreeNumber: text(values.decreeNumber),
    decreeDate: text(values.decreeDate),
  };
}

const isBlank = (v: unknown) => v === null || v === undefined || v === "";

/** Completion time and its unit go together (the server refuses one without the other). */
const together =
  (other: string): Validator =>
  (value: unknown, all: Record<string, unknown>) =>
    isBlank(value) && !isBlank(all?.[other]) ? "app.standard.errors.together" : undefined;

const componentLabel = (translate: (key: string) => string, c: Component) => `${COMPONENTS.indexOf(c) + 1}. ${translate(`app.standard.components.${c}`)}`;

/** An ordered list of lines (requirements, procedure steps): add, remove, move up and down. */
const LinesInput = ({ source, label, itemLabel }: { source: "requirements" | "procedure"; label: string; itemLabel: string }) => (
  <Box data-testid={`lines-${source}`}>
  <ArrayInput source={source} label={label} validate={(v: unknown) => (Array.isArray(v) && v.length > 50 ? "app.standard.errors.too_many" : undefined)}>
    <SimpleFormIterator
      getItemLabel={(index) => `${index + 1}.`}
      disableClear
      fullWidth
      // The move and remove buttons stay visible (react-admin shows them on hover only).
      sx={{ "& .RaSimpleFormIterator-action": { visibility: "visible" }, "& .RaSimpleFormIterator-line": { alignItems: "center" } }}
    >
      <TextInput source="" label={itemLabel} helperText={false} validate={maxLength(500)} fullWidth />
    </SimpleFormIterator>
  </ArrayInput>
  </Box>
);

const Section = ({ title, help, children }: { title: string; help?: string; children: ReactNode }) => (
  <Box sx={{ mb: 3 }}>
    <Typography variant="h6" sx={{ mb: 0.5 }}>
      {title}
    </Typography>
    {help ? (
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1, maxWidth: "60rem" }}>
        {help}
      </Typography>
    ) : null}
    {children}
  </Box>
);

/** The draft's completeness as it is being typed. */
const LiveCompleteness = () => {
  const translate = useTranslate();
  const values = useWatch() as FormValues;
  const filled = countFilled(toStandardInput(values));
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: "center" }} data-testid="draft-completeness">
      <Typography variant="body2">{translate("app.standard.draft_completeness")}</Typography>
      <CompletenessBar filled={filled} total={COMPONENT_COUNT} width={140} />
    </Stack>
  );
};

interface Basis {
  /** The open draft's version, or null when saving opens a new one. */
  draftVersion: number | null;
  inForce: Partial<Standard> | null;
}

const EditorBody = ({ serviceId, basis, onSaved }: { serviceId: string; basis: Basis; onSaved(saved: Standard): void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const redirect = useRedirect();
  const refresh = useRefresh();
  const { handleSubmit, setError, clearErrors } = useFormContext<FormValues>();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  /** Marks the fields the server named, in the UI language; returns the messages for the summary. */
  const showServerErrors = (error: unknown, refusal: string) => {
    if (!(error instanceof StandardError) || Object.keys(error.fields).length === 0) {
      setProblems([]);
      notify(error instanceof Error ? error.message : String(error), { type: "error" });
      return;
    }
    const messages: string[] = [];
    for (const [path, problem] of Object.entries(error.fields)) {
      const field = path.split(".")[0] as keyof FormValues;
      const known = translate(`app.standard.errors.${field}`, { _: "" });
      const message = known || translate("app.standard.errors.other", { field: path, problem });
      messages.push(message);
      if ((INPUT_KEYS as readonly string[]).includes(field)) setError(field, { type: "server", message });
    }
    setProblems(messages);
    notify(refusal, { type: "error" });
  };

  const save = async (values: FormValues): Promise<Standard | null> => {
    try {
      const saved = await saveServiceStandard(serviceId, toStandardInput(values));
      onSaved(saved);
      return saved;
    } catch (error) {
      showServerErrors(error, "app.standard.save_refused");
      return null;
    }
  };

  const run = (publish: boolean) =>
    handleSubmit(async (values) => {
      setBusy(true);
      clearErrors();
      setProblems([]);
      try {
        const saved = await save(values);
        if (!saved) return;
        if (!publish) {
          notify("app.standard.saved", { type: "info", messageArgs: { version: saved.version, filled: saved.filledComponents } });
          return;
        }
        try {
          const published = await publishServiceStandard(serviceId);
          notify("app.standard.published", { type: "info", messageArgs: { version: published.version } });
          redirect("show", "PublicService", serviceId);
          refresh();
        } catch (error) {
          showServerErrors(error, "app.standard.publish_refused");
        }
      } finally {
        setBusy(false);
      }
    });

  const inForce = basis.inForce;
  const basisText =
    basis.draftVersion !== null
      ? translate("app.standard.editing_draft", { version: basis.draftVersion })
      : inForce
        ? translate("app.standard.editing_new", {
            version: inForce.version,
            next: (inForce.version ?? 0) + 1,
            decree: inForce.decreeNumber ?? "-",
            date: inForce.decreeDate ? formatLocalDate(inForce.decreeDate, locale) : "-",
          })
        : translate("app.standard.editing_first");

  return (
    <>
      <Stack direction="row" spacing={3} sx={{ alignItems: "center", flexWrap: "wrap", mb: 2 }} useFlexGap>
        <Alert severity="info" sx={{ flex: "1 1 30rem" }} data-testid="editor-basis">
          {basisText}
        </Alert>
        <LiveCompleteness />
      </Stack>
      {problems.length > 0 ? (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="standard-errors">
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </Box>
        </Alert>
      ) : null}

      <Section title={translate("app.standard.delivery")}>
        <LinesInput source="requirements" label={componentLabel(translate, "requirements")} itemLabel={translate("app.standard.requirement_item")} />
        <LinesInput source="procedure" label={componentLabel(translate, "procedure")} itemLabel={translate("app.standard.procedure_item")} />
        <Typography variant="subtitle2" sx={{ mt: 1 }}>
          {componentLabel(translate, "completionTime")}
        </Typography>
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: "wrap" }}>
          <NumberInput
            source="completionTime"
            label="app.standard.fields.completionTime"
            fullWidth={false}
            sx={{ width: "10rem" }}
            min={1}
            step={1}
            validate={[integer, minValue(1), maxValue(100_000), together("completionUnit")]}
          />
          <SelectInput
            source="completionUnit"
            label="app.standard.fields.completionUnit"
            choices={timeUnitChoices}
            emptyText="-"
            fullWidth={false}
            sx={{ minWidth: "14rem" }}
            validate={together("completionTime")}
          />
        </Stack>
        <Typography variant="subtitle2">{componentLabel(translate, "fee")}</Typography>
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: "wrap" }}>
          <NumberInput
            source="fee"
            label="app.standard.fields.fee"
            fullWidth={false}
            sx={{ width: "14rem" }}
            min={0}
            step={1000}
            validate={[integer, minValue(0)]}
            helperText="app.standard.fee_help"
          />
          <TextInput source="feeNote" label="app.standard.fields.feeNote" validate={maxLength(500)} fullWidth={false} sx={{ flex: "1 1 24rem" }} />
        </Stack>
        <TextInput source="product" label={componentLabel(translate, "product")} validate={maxLength(500)} fullWidth />
        <TextInput source="complaintChannel" label={componentLabel(translate, "complaintChannel")} validate={maxLength(500)} fullWidth multiline />
      </Section>

      <Section title={translate("app.standard.management")}>
        <TextInput source="legalBasis" label={componentLabel(translate, "legalBasis")} validate={maxLength(1000)} fullWidth multiline />
        <TextInput source="facilities" label={componentLabel(translate, "facilities")} validate={maxLength(1000)} fullWidth multiline />
        <TextInput source="staffCompetence" label={componentLabel(translate, "staffCompetence")} validate={maxLength(1000)} fullWidth multiline />
        <TextInput
          source="internalSupervision"
          label={componentLabel(translate, "internalSupervision")}
          validate={maxLength(1000)}
          fullWidth
          multiline
        />
        <NumberInput
          source="staffCount"
          label={componentLabel(translate, "staffCount")}
          fullWidth={false}
          sx={{ width: "14rem" }}
          min={1}
          step={1}
          validate={[integer, minValue(1), maxValue(100_000)]}
          helperText="app.standard.staff_help"
        />
        <TextInput source="serviceGuarantee" label={componentLabel(translate, "serviceGuarantee")} validate={maxLength(1000)} fullWidth multiline />
        <TextInput source="securityGuarantee" label={componentLabel(translate, "securityGuarantee")} validate={maxLength(1000)} fullWidth multiline />
        <TextInput
          source="performanceEvaluation"
          label={componentLabel(translate, "performanceEvaluation")}
          validate={maxLength(1000)}
          fullWidth
          multiline
        />
      </Section>

      <Section title={translate("app.standard.decree")} help={translate("app.standard.decree_help")}>
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: "wrap" }}>
          <TextInput
            source="decreeNumber"
            label="app.standard.fields.decreeNumber"
            validate={maxLength(120)}
            fullWidth={false}
            sx={{ minWidth: "24rem" }}
          />
          <DateInput source="decreeDate" label="app.standard.fields.decreeDate" fullWidth={false} />
        </Stack>
      </Section>

      <Stack direction="row" spacing={2} sx={{ mt: 1 }}>
        <Button label="app.standard.save" variant="outlined" disabled={busy} onClick={run(false)}>
          <SaveIcon />
        </Button>
        <Button label="app.standard.publish" variant="contained" disabled={busy} onClick={run(true)}>
          <PublishIcon />
        </Button>
        <Button label="ra.action.back" disabled={busy} onClick={() => redirect("show", "PublicService", serviceId)} />
      </Stack>
    </>
  );
};

/**
 * "Ubah standar pelayanan": edits the draft (or opens one from the version in force), saves it
 * with saveServiceStandard and publishes it with publishServiceStandard. Publishing saves first,
 * so what is published is what is on the screen.
 */
export const StandardEditor = () => {
  const { id } = useParams<{ id: string }>();
  const translate = useTranslate();
  const canWrite = useCanWriteServices();
  const { data, isPending, error } = useGetOne(
    "PublicService",
    { id: id ?? "", meta: { sparseFields: EDITOR_FIELDS } },
    { enabled: !!id && canWrite, refetchOnWindowFocus: false },
  );
  if (!canWrite) return <Alert severity="warning">{translate("app.standard.not_allowed")}</Alert>;
  if (isPending) return <Loading />;
  if (error || !data) return <Alert severity="error">{error instanceof Error ? error.message : translate("ra.page.not_found")}</Alert>;
  return <LoadedEditor service={data} />;
};

const LoadedEditor = ({ service }: { service: RaRecord }) => {
  const translate = useTranslate();
  const draft = (service.draft ?? null) as Partial<Standard> | null;
  const inForce = (service.standard ?? null) as Partial<Standard> | null;
  // Taken once: a later save or refetch must not reset what is being typed.
  const [defaults] = useState(() => initialValues(draft, inForce));
  const [basis, setBasis] = useState<Basis>({ draftVersion: draft?.version ?? null, inForce });
  const agency = service.agency as { shortName?: string; name?: string } | undefined;
  return (
    <Box sx={{ mt: 2 }} data-testid="standard-editor">
      <Title title={translate("app.standard.edit_title", { name: String(service.name ?? "") })} />
      <Card>
        <CardContent>
          <Typography variant="h5" sx={{ mb: 0.5 }}>
            {String(service.name ?? "")}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {agency?.name ?? agency?.shortName ?? ""}
          </Typography>
          <Form defaultValues={defaults} onSubmit={() => undefined} noValidate>
            <EditorBody
              serviceId={String(service.id)}
              basis={basis}
              onSaved={(saved) => setBasis((b) => ({ ...b, draftVersion: saved.version }))}
            />
          </Form>
        </CardContent>
      </Card>
    </Box>
  );
};
