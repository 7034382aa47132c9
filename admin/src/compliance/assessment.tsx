import InsightsIcon from "@mui/icons-material/Insights";
import { Typography } from "@mui/material";
import {
  Button,
  Create,
  CreateButton,
  DataTable,
  Edit,
  EditButton,
  FilterButton,
  List,
  NumberField,
  NumberInput,
  SearchInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  maxLength,
  maxValue,
  minLength,
  minValue,
  required,
  useCreatePath,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from "react-admin";
import { Link } from "react-router-dom";
import { PagedExportButton, nameOf, type SparseField } from "../common/export";
import { FieldRow, InstantField } from "../common/fields";
import { useCanWriteCompliance } from "../common/permissions";
import { AgencyReferenceField, AgencyReferenceInput } from "../common/references";
import { integer } from "../common/validators";
import { CategoryField, ScoreField, ScoreInput, ZoneField } from "./fields";
import { toScore } from "./score";

const DIMENSIONS = ["inputScore", "processScore", "outputScore", "complaintsScore"] as const;
const LIST_FIELDS: SparseField[] = ["id", "agencyId", "year", "score", "category", "zone", "assessor"];
const EXPORT_FIELDS: SparseField[] = [...LIST_FIELDS, ...DIMENSIONS, "note", { agency: ["id", "code", "name"] }];
const SHOW_FIELDS: SparseField[] = [...LIST_FIELDS, ...DIMENSIONS, "note", "createdAt", "updatedAt"];
const FORM_FIELDS = ["id", "agencyId", "year", "score", ...DIMENSIONS, "assessor", "note", "category", "zone"];

const filters = [
  <NumberInput key="year" source="year" alwaysOn step={1} />,
  <AgencyReferenceInput key="agencyId" source="agencyId" alwaysOn />,
  <SearchInput key="q" source="q" />,
];

const EXPORT_COLUMNS = [
  "id", "year", "agencyCode", "agency", "score", "category", "zone", "inputScore", "processScore", "outputScore", "complaintsScore",
  "assessor", "note",
] as const;

const exportRow = (r: RaRecord) => ({
  id: r.id,
  year: r.year,
  agencyCode: nameOf(r.agency, "code"),
  agency: nameOf(r.agency, "name"),
  score: r.score,
  category: r.category,
  zone: r.zone,
  inputScore: r.inputScore,
  processScore: r.processScore,
  outputScore: r.outputScore,
  complaintsScore: r.complaintsScore,
  assessor: r.assessor,
  note: r.note,
});

/** To the year's summary page. */
const SummaryLink = ({ year }: { year?: unknown }) => {
  const createPath = useCreatePath();
  const to = `${createPath({ resource: "ComplianceSummary", type: "list" })}${year ? `?year=${String(year)}` : ""}`;
  return (
    <Button label="app.compliance.open_summary" component={Link} to={to}>
      <InsightsIcon />
    </Button>
  );
};

const AssessmentListActions = () => {
  const canWrite = useCanWriteCompliance();
  return (
    <TopToolbar>
      <FilterButton />
      {canWrite ? <CreateButton /> : null}
      <SummaryLink />
      <PagedExportButton fields={EXPORT_FIELDS} columns={EXPORT_COLUMNS} row={exportRow} fileName="app.compliance.export_file" />
    </TopToolbar>
  );
};

export const ComplianceAssessmentList = () => {
  const canWrite = useCanWriteCompliance();
  return (
    <List
      filters={filters}
      actions={<AssessmentListActions />}
      sort={{ field: "year", order: "DESC" }}
      perPage={25}
      queryOptions={{ meta: { sparseFields: LIST_FIELDS } }}
    >
      <DataTable rowClick="show" bulkActionButtons={canWrite ? undefined : false}>
        <DataTable.NumberCol source="year" options={{ useGrouping: false }} />
        <DataTable.Col source="agencyId">
          <AgencyReferenceField source="agencyId" />
        </DataTable.Col>
        <DataTable.Col source="score" align="right">
          <ScoreField source="score" />
        </DataTable.Col>
        <DataTable.Col source="category" disableSort>
          <CategoryField />
        </DataTable.Col>
        <DataTable.Col source="zone" disableSort>
          <ZoneField />
        </DataTable.Col>
        <DataTable.Col source="assessor" />
      </DataTable>
    </List>
  );
};

const AssessmentTitle = () => {
  const record = useRecordContext<RaRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return <span>{translate("app.compliance.assessment_title", { year: record.year })}</span>;
};

const AssessmentShowActions = () => {
  const canWrite = useCanWriteCompliance();
  const record = useRecordContext<RaRecord>();
  return (
    <TopToolbar>
      <SummaryLink year={record?.year} />
      {canWrite ? <EditButton /> : null}
    </TopToolbar>
  );
};

export const ComplianceAssessmentShow = () => (
  <Show title={<AssessmentTitle />} actions={<AssessmentShowActions />} queryOptions={{ meta: { sparseFields: SHOW_FIELDS } }}>
    <SimpleShowLayout>
      <FieldRow label={false}>
        <AgencyReferenceField source="agencyId" />
        <NumberField source="year" options={{ useGrouping: false }} />
        <ScoreField source="score" />
        <CategoryField source="category" />
        <ZoneField source="zone" />
      </FieldRow>
      <FieldRow label={false}>
        {DIMENSIONS.map((d) => (
          <ScoreField key={d} source={d} emptyText="-" />
        ))}
      </FieldRow>
      <TextField source="assessor" />
      <TextField source="note" emptyText="-" />
      <FieldRow label={false}>
        <InstantField source="createdAt" />
        <InstantField source="updatedAt" />
      </FieldRow>
    </SimpleShowLayout>
  </Show>
);

/** Only the arguments of createComplianceAssessment / updateComplianceAssessment, scores as numbers. */
const toAssessmentInput = (data: RaRecord) => ({
  agencyId: data.agencyId,
  year: data.year,
  score: toScore(data.score),
  inputScore: toScore(data.inputScore),
  processScore: toScore(data.processScore),
  outputScore: toScore(data.outputScore),
  complaintsScore: toScore(data.complaintsScore),
  assessor: typeof data.assessor === "string" ? data.assessor.trim() : data.assessor,
  note: typeof data.note === "string" && data.note.trim() ? data.note.trim() : null,
});

/** Category and zone follow from the score once saved: shown, never typed in. */
const DerivedBand = () => {
  const record = useRecordContext<RaRecord>();
  const translate = useTranslate();
  if (!record?.id) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }} data-testid="derived-band-help">
        {translate("app.compliance.derived_help")}
      </Typography>
    );
  }
  return (
    <FieldRow label={false}>
      <CategoryField source="category" />
      <ZoneField source="zone" />
    </FieldRow>
  );
};

const DimensionsHeading = () => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle2" sx={{ mt: 1 }}>
      {translate("app.compliance.dimensions")}
    </Typography>
  );
};

const AssessmentForm = ({ defaultValues }: { defaultValues?: Record<string, unknown> }) => (
  <SimpleForm defaultValues={defaultValues}>
    <AgencyReferenceInput source="agencyId" validate={required()} />
    <NumberInput source="year" step={1} validate={[required(), integer, minValue(2000), maxValue(2100)]} />
    <ScoreInput source="score" validate={[required()]} />
    <DerivedBand />
    <DimensionsHeading />
    {DIMENSIONS.map((d) => (
      <ScoreInput key={d} source={d} helperText={false} />
    ))}
    <TextInput source="assessor" validate={[required(), minLength(2), maxLength(200)]} />
    <TextInput source="note" multiline fullWidth validate={maxLength(1000)} />
  </SimpleForm>
);

export const ComplianceAssessmentEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={toAssessmentInput} queryOptions={{ meta: { sparseFields: FORM_FIELDS } }}>
    <AssessmentForm />
  </Edit>
);

export const ComplianceAssessmentCreate = () => (
  <Create redirect="show" transform={toAssessmentInput}>
    <AssessmentForm defaultValues={{ assessor: "Ombudsman RI" }} />
  </Create>
);
