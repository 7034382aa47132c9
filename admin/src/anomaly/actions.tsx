import { useMemo, useState } from "react";
import DoneAllIcon from "@mui/icons-material/DoneAll";
import PersonAddIcon from "@mui/icons-material/PersonAdd";
import VisibilityIcon from "@mui/icons-material/Visibility";
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, TextField } from "@mui/material";
import { Button, TopToolbar, useGetList, useRecordContext, useTranslate, type RaRecord } from "react-admin";
import { ANOMALY_RESOLUTIONS } from "../common/choices";
import { useCanReadUsers, useCanWorkAnomalies } from "../common/permissions";
import { getSession } from "../providers/session";
import { NoteActionButton, NoteDialog, useWorkflowAction } from "../common/workflow";
import { acknowledgeAnomaly, assignAnomaly, resolveAnomaly } from "./api";
import { isOpenStatus } from "./rules";

/** OPEN -> ACKNOWLEDGED: someone is looking at it; the note is optional. */
const AcknowledgeButton = ({ record }: { record: RaRecord }) => {
  const translate = useTranslate();
  return (
    <NoteActionButton
      label="app.anomaly.acknowledge"
      icon={<VisibilityIcon />}
      action={(note) => acknowledgeAnomaly(String(record.id), note || null)}
      successMessage="app.anomaly.acknowledged"
      title={translate("app.anomaly.acknowledge_title", { id: record.id })}
      help={translate("app.anomaly.acknowledge_help")}
      noteLabel="app.anomaly.note"
      noteHelp="app.anomaly.note_optional"
      confirmLabel="app.anomaly.acknowledge"
      minLength={0}
    />
  );
};

/** Roles the server accepts as assignees (not collectors, not agency editors). */
const ASSIGNABLE = new Set(["ADMIN", "OFFICER", "MARKET_HEAD", "AUDITOR", "TREASURER", "REVENUE_OFFICER"]);
const NONE = "__none__";
const OTHER = "__other__";

interface Person {
  id: string;
  name: string;
}

/**
 * People an assignee can be chosen from. Only administrators may list users; everyone else gets
 * those the API lets them see: themselves, the markets' heads (UPTD), and the current assignee.
 * Anybody else is given by user id.
 */
function useAssignees(record: RaRecord): Person[] {
  const canReadUsers = useCanReadUsers();
  const me = getSession()?.user;
  const { data: users } = useGetList(
    "User",
    { pagination: { page: 1, perPage: 500 }, sort: { field: "displayName", order: "ASC" }, filter: { active: true }, meta: { sparseFields: ["id", "displayName", "role"] } },
    { enabled: canReadUsers },
  );
  const { data: markets } = useGetList("Market", {
    pagination: { page: 1, perPage: 100 },
    sort: { field: "name", order: "ASC" },
    meta: { sparseFields: ["id", "name", { head: ["id", "displayName"] }] },
  });
  return useMemo(() => {
    const people = new Map<string, string>();
    const add = (id: unknown, name: unknown) => {
      if (id !== null && id !== undefined && !people.has(String(id))) people.set(String(id), String(name ?? id));
    };
    if (me && ASSIGNABLE.has(me.role)) add(me.id, me.displayName);
    const assignee = record.assignee as { id: string; displayName: string } | null | undefined;
    if (assignee) add(assignee.id, assignee.displayName);
    for (const user of users ?? []) if (ASSIGNABLE.has(String(user.role))) add(user.id, user.displayName);
    for (const market of markets ?? []) {
      const head = market.head as { id: string; displayName: string } | null | undefined;
      if (head) add(head.id, head.displayName);
    }
    return [...people.entries()].map(([id, name]) => ({ id, name }));
  }, [me, record.assignee, users, markets]);
}

/** Gives the finding to a user to follow up (or to nobody); an open finding becomes acknowledged. */
const AssignButton = ({ record }: { record: RaRecord }) => {
  const translate = useTranslate();
  const { busy, run } = useWorkflowAction();
  const people = useAssignees(record);
  const canReadUsers = useCanReadUsers();
  const me = getSession()?.user;
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState("");
  const [otherId, setOtherId] = useState("");
  const assigneeId = choice === NONE ? null : choice === OTHER ? otherId.trim() : choice;
  const valid = choice === NONE || (choice === OTHER ? /^\d+$/.test(otherId.trim()) : choice !== "");
  const close = () => {
    setOpen(false);
    setChoice("");
    setOtherId("");
  };
  const confirm = async () => {
    if (await run(() => assignAnomaly(String(record.id), assigneeId), "app.anomaly.assigned")) close();
  };
  return (
    <>
      <Button label="app.anomaly.assign" onClick={() => setOpen(true)}>
        <PersonAddIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
        <DialogTitle>{translate("app.anomaly.assign_title", { id: record.id })}</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {translate("app.anomaly.assign_help")}
            {canReadUsers ? null : ` ${translate("app.anomaly.assign_help_limited")}`}
          </DialogContentText>
          <TextField
            select
            fullWidth
            margin="dense"
            label={translate("app.anomaly.assignee")}
            value={choice}
            onChange={(event) => setChoice(event.target.value)}
            slotProps={{ htmlInput: { "data-testid": "assignee-select" } }}
          >
            {people.map((person) => (
              <MenuItem key={person.id} value={person.id}>
                {person.id === String(me?.id) ? translate("app.anomaly.assign_me", { name: person.name }) : person.name}
              </MenuItem>
            ))}
            <MenuItem value={OTHER}>{translate("app.anomaly.assign_other")}</MenuItem>
            {record.assigneeId ? <MenuItem value={NONE}>{translate("app.anomaly.assign_none")}</MenuItem> : null}
          </TextField>
          {choice === OTHER ? (
            <TextField
              fullWidth
              margin="dense"
              label={translate("app.anomaly.assignee_id")}
              helperText={translate("app.anomaly.assignee_id_help")}
              value={otherId}
              onChange={(event) => setOtherId(event.target.value)}
              error={otherId !== "" && !valid}
              slotProps={{ htmlInput: { inputMode: "numeric" } }}
            />
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={close} />
          <Button label="app.anomaly.assign" variant="contained" disabled={busy || !valid} onClick={confirm} />
        </DialogActions>
      </Dialog>
    </>
  );
};

/** Closes the finding with a resolution and a note saying what was found (both required). */
const ResolveButton = ({ record }: { record: RaRecord }) => {
  const translate = useTranslate();
  const { busy, run } = useWorkflowAction();
  const [open, setOpen] = useState(false);
  const [resolution, setResolution] = useState("");
  const close = () => {
    setOpen(false);
    setResolution("");
  };
  const confirm = async (note: string) => {
    if (await run(() => resolveAnomaly(String(record.id), resolution, note), "app.anomaly.resolved")) close();
  };
  return (
    <>
      <Button label="app.anomaly.resolve" variant="contained" onClick={() => setOpen(true)}>
        <DoneAllIcon />
      </Button>
      <NoteDialog
        key={open ? "open" : "closed"}
        open={open}
        title={translate("app.anomaly.resolve_title", { id: record.id })}
        help={translate("app.anomaly.resolve_help")}
        noteLabel="app.anomaly.resolution_note"
        noteHelp="app.anomaly.resolution_note_help"
        confirmLabel="app.anomaly.resolve"
        minLength={3}
        busy={busy}
        confirmDisabled={resolution === ""}
        onCancel={close}
        onConfirm={confirm}
      >
        <TextField
          select
          fullWidth
          margin="dense"
          label={translate("resources.Anomaly.fields.resolution")}
          value={resolution}
          onChange={(event) => setResolution(event.target.value)}
          slotProps={{ htmlInput: { "data-testid": "resolution-select" } }}
        >
          {ANOMALY_RESOLUTIONS.map((value) => (
            <MenuItem key={value} value={value}>
              {translate(`app.enum.AnomalyResolution.${value}`)}
            </MenuItem>
          ))}
        </TextField>
      </NoteDialog>
    </>
  );
};

/**
 * Workflow buttons of a finding still to be worked, for the roles the server lets work it
 * (ADMIN, OFFICER, AUDITOR); market heads, treasurers and Bapenda read the queue only.
 */
export const AnomalyShowActions = () => {
  const canWork = useCanWorkAnomalies();
  const record = useRecordContext<RaRecord>();
  if (!canWork || !record || !isOpenStatus(record.status)) return <TopToolbar />;
  return (
    <TopToolbar>
      {record.status === "OPEN" ? <AcknowledgeButton record={record} /> : null}
      <AssignButton record={record} />
      <ResolveButton record={record} />
    </TopToolbar>
  );
};
