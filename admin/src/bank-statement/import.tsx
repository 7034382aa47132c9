import { useRef, useState } from "react";
import { Alert, Box, LinearProgress, Typography } from "@mui/material";
import UploadFileIcon from "@mui/icons-material/UploadFile";
import {
  FileField,
  FileInput,
  SaveButton,
  SimpleForm,
  TextInput,
  Title,
  Toolbar,
  required,
  useDataProvider,
  useNotify,
  useRedirect,
  useTranslate,
  type DataProvider,
} from "react-admin";
import { graphQLErrorsOf, type StatementSummary, type WorkflowMethods } from "../providers/dataProvider";

const POLL_MS = 1000;
const ACCOUNT_NO = /^[0-9][0-9.\- ]{4,33}$/;

/** The server keys a statement by the SHA-256 of the text; the same digest here finds its progress. */
async function sha256Hex(text: string): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null; // not a secure context: no progress, the import itself still works
  const digest = await subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function findByDigest(dataProvider: DataProvider, fileDigest: string): Promise<StatementSummary | undefined> {
  const { data } = await dataProvider.getList("BankStatement", {
    filter: { fileDigest },
    pagination: { page: 1, perPage: 1 },
    sort: { field: "importedAt", order: "DESC" },
    meta: { sparseFields: ["id", "status", "lineCount", "linesImported", "matchedCount", "unmatchedCount", "importedAt"] },
  });
  return data[0] as StatementSummary | undefined;
}

const accountNo = (value: unknown) =>
  typeof value === "string" && value.trim() !== "" && !ACCOUNT_NO.test(value.trim()) ? "app.statement.account_invalid" : undefined;

type Phase = { kind: "idle" } | { kind: "checking" } | { kind: "storing"; done: number; total: number };

interface ImportValues {
  accountNo?: string;
  file?: { rawFile?: File; title?: string } | null;
}

/** Enabled (also to retry the same file after a failure) except while the import runs. */
const ImportToolbar = ({ busy }: { busy: boolean }) => (
  <Toolbar>
    <SaveButton label="app.statement.import_submit" icon={<UploadFileIcon />} alwaysEnable={!busy} />
  </Toolbar>
);

/**
 * Rekening koran upload: the file is read as text in the browser and sent with its name. The server
 * checks every line before storing anything; while it stores and reconciles, the statement's
 * progress is polled by the file's digest. A refused file shows the server's message, which names
 * the bad lines.
 */
export const BankStatementImport = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const dataProvider = useDataProvider() as DataProvider & WorkflowMethods;
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [problem, setProblem] = useState<string | null>(null);
  const polling = useRef<ReturnType<typeof setInterval> | null>(null);
  const busy = phase.kind !== "idle";

  const stopPolling = () => {
    if (polling.current) clearInterval(polling.current);
    polling.current = null;
  };

  const submit = async (values: ImportValues) => {
    const file = values.file?.rawFile;
    const account = (values.accountNo ?? "").trim();
    if (!file) return { file: "ra.validation.required" };
    setProblem(null);
    setPhase({ kind: "checking" });
    try {
      const csv = await file.text();
      const digest = await sha256Hex(csv).catch(() => null);
      if (digest) {
        const stored = await findByDigest(dataProvider, digest);
        if (stored?.status === "COMPLETED") {
          notify("app.statement.already_imported", { type: "info" });
          redirect("show", "BankStatement", stored.id);
          return undefined;
        }
        polling.current = setInterval(() => {
          findByDigest(dataProvider, digest)
            .then((s) => {
              if (s && polling.current) setPhase({ kind: "storing", done: s.linesImported, total: s.lineCount });
            })
            .catch(() => undefined);
        }, POLL_MS);
      }
      const statement = await dataProvider.importBankStatement(account, file.name, csv);
      stopPolling();
      notify("app.statement.imported", {
        type: "info",
        messageArgs: { lines: statement.lineCount, matched: statement.matchedCount, unmatched: statement.unmatchedCount },
      });
      redirect("show", "BankStatement", statement.id);
      return undefined;
    } catch (error) {
      stopPolling();
      const [first] = graphQLErrorsOf(error);
      const message = first?.message ?? (error instanceof Error ? error.message : String(error));
      setProblem(message);
      notify("app.statement.import_failed", { type: "error" });
      const fields = first?.extensions?.fields as Record<string, unknown> | undefined;
      if (fields && typeof fields.accountNo === "string") return { accountNo: fields.accountNo };
      return undefined;
    } finally {
      stopPolling();
      setPhase({ kind: "idle" });
    }
  };

  return (
    <Box sx={{ mt: 2, maxWidth: "48rem" }}>
      <Title title="app.statement.import_title" />
      <SimpleForm onSubmit={(values: Record<string, unknown>) => submit(values as ImportValues)} toolbar={<ImportToolbar busy={busy} />}>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate("app.statement.import_help")}
        </Typography>
        <TextInput
          source="accountNo"
          label="resources.BankStatement.fields.accountNo"
          validate={[required(), accountNo]}
          helperText="app.statement.account_help"
          disabled={busy}
        />
        <FileInput
          source="file"
          label="app.statement.file"
          accept={{ "text/csv": [".csv"], "text/plain": [".csv", ".txt"], "application/vnd.ms-excel": [".csv"] }}
          validate={required()}
          helperText="app.statement.file_help"
          disabled={busy}
        >
          <FileField source="src" title="title" />
        </FileInput>
        {phase.kind === "checking" ? (
          <Box sx={{ width: "100%" }} data-testid="import-progress">
            <LinearProgress />
            <Typography variant="caption">{translate("app.statement.checking")}</Typography>
          </Box>
        ) : null}
        {phase.kind === "storing" ? (
          <Box sx={{ width: "100%" }} data-testid="import-progress">
            <LinearProgress variant="determinate" value={phase.total > 0 ? (100 * phase.done) / phase.total : 0} />
            <Typography variant="caption">{translate("app.statement.storing", { done: phase.done, total: phase.total })}</Typography>
          </Box>
        ) : null}
        {problem ? (
          <Alert severity="error" sx={{ width: "100%", whiteSpace: "pre-wrap" }} data-testid="import-problem">
            {problem}
          </Alert>
        ) : null}
      </SimpleForm>
    </Box>
  );
};
