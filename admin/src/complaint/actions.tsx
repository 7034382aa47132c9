import { useEffect, useState } from "react";
import ArchiveIcon from "@mui/icons-material/Archive";
import BlockIcon from "@mui/icons-material/Block";
import DoneIcon from "@mui/icons-material/Done";
import ForwardToInboxIcon from "@mui/icons-material/ForwardToInbox";
import PostAddIcon from "@mui/icons-material/PostAdd";
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, TextField } from "@mui/material";
import { Button, EditButton, TopToolbar, useGetList, useRecordContext, useTranslate, type RaRecord } from "react-admin";
import { useMyAgency } from "../common/my-agency";
import { useRole } from "../common/permissions";
import { NoteActionButton, NoteDialog, useWorkflowAction } from "../common/workflow";
import {
  EDITOR_STATUSES,
  addComplaintFollowUp,
  changeComplaintStatus,
  disposeComplaint,
  fetchComplaintTransitions,
  verifyComplaint,
  type ComplaintStatus,
} from "./api";

/** Where this complaint may go next, from `complaintTransitions` (null while loading). */
function useAllowedMoves(status: unknown): ComplaintStatus[] | null {
  const [table, setTable] = useState<Record<string, ComplaintStatus[]> | null>(null);
  useEffect(() => {
    let current = true;
    fetchComplaintTransitions()
      .then((t) => current && setTable(t))
      .catch(() => current && setTable({}));
    return () => {
      current = false;
    };
  }, []);
  return table === null ? null : (table[String(status)] ?? []);
}

const VerifyButton = ({ record }: { record: RaRecord }) => {
  const { busy, run } = useWorkflowAction();
  return (
    <Button label="app.complaint.verify" variant="contained" disabled={busy} onClick={() => run(() => verifyComplaint(String(record.id)), "app.complaint.verified")}>
      <DoneIcon />
    </Button>
  );
};

/** VERIFIED -> DISPOSED: the administrator picks the agency in charge. */
const DisposeButton = ({ record }: { record: RaRecord }) => {
  const translate = useTranslate();
  const { busy, run } = useWorkflowAction();
  const [open, setOpen] = useState(false);
  const [agencyId, setAgencyId] = useState("");
  const { data: agencies } = useGetList(
    "Agency",
    { pagination: { page: 1, perPage: 200 }, sort: { field: "shortName", order: "ASC" }, filter: { active: true }, meta: { sparseFields: ["id", "shortName", "name"] } },
    { enabled: open },
  );
  const close = () => {
    setOpen(false);
    setAgencyId("");
  };
  const confirm = async () => {
    if (await run(() => disposeComplaint(String(record.id), agencyId), "app.complaint.disposed")) close();
  };
  return (
    <>
      <Button label="app.complaint.dispose" variant="contained" onClick={() => setOpen(true)}>
        <ForwardToInboxIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
        <DialogTitle>{translate("app.complaint.dispose_title", { trackingNumber: record.trackingNumber })}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate("app.complaint.dispose_help")}</DialogContentText>
          <TextField
            select
            fullWidth
            margin="dense"
            label={translate("app.complaint.agency")}
            value={agencyId}
            onChange={(event) => setAgencyId(event.target.value)}
            slotProps={{ htmlInput: { "data-testid": "dispose-agency" } }}
          >
            {(agencies ?? []).map((a) => (
              <MenuItem key={a.id} value={String(a.id)}>
                {a.shortName && a.shortName !== a.name ? `${String(a.shortName)} - ${String(a.name)}` : String(a.name)}
              </MenuItem>
            ))}
          </TextField>
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={close} />
          <Button label="app.complaint.dispose" variant="contained" disabled={busy || agencyId === ""} onClick={confirm} />
        </DialogActions>
      </Dialog>
    </>
  );
};

/**
 * A follow-up entry, optionally moving the status: only to the statuses `complaintTransitions`
 * allows from here (and, for an agency editor, that an editor may set).
 */
const FollowUpButton = ({ record, statuses }: { record: RaRecord; statuses: ComplaintStatus[] }) => {
  const translate = useTranslate();
  const { busy, run } = useWorkflowAction();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState("");
  const close = () => {
    setOpen(false);
    setStatus("");
  };
  const confirm = async (text: string) => {
    const to = status === "" ? null : (status as ComplaintStatus);
    if (await run(() => addComplaintFollowUp(String(record.id), text, to), "app.complaint.followed_up")) close();
  };
  return (
    <>
      <Button label="app.complaint.follow_up" variant="contained" onClick={() => setOpen(true)}>
        <PostAddIcon />
      </Button>
      <NoteDialog
        key={open ? "open" : "closed"}
        open={open}
        title={translate("app.complaint.follow_up_title", { trackingNumber: record.trackingNumber })}
        help={translate("app.complaint.follow_up_help")}
        noteLabel="app.complaint.follow_up_text"
        confirmLabel="app.complaint.follow_up"
        minLength={3}
        busy={busy}
        onCancel={close}
        onConfirm={confirm}
      >
        <TextField
          select
          fullWidth
          margin="dense"
          label={translate("app.complaint.follow_up_status")}
          value={status}
          onChange={(event) => setStatus(event.target.value)}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true }, htmlInput: { "data-testid": "follow-up-status" } }}
        >
          <MenuItem value="">{translate("app.complaint.no_status_change")}</MenuItem>
          {statuses.map((s) => (
            <MenuItem key={s} value={s}>
              {translate(`app.enum.ComplaintStatus.${s}`)}
            </MenuItem>
          ))}
        </TextField>
      </NoteDialog>
    </>
  );
};

/**
 * The steps offered on a complaint's page, by role and by where `complaintTransitions` lets it go:
 * the administrator verifies, disposes, archives (and may follow up); the agency editor of the
 * agency it is disposed to adds follow-ups; officers and auditors read.
 */
export const ComplaintShowActions = () => {
  const record = useRecordContext<RaRecord>();
  const role = useRole();
  const { agencyId: ownAgency } = useMyAgency();
  const allowed = useAllowedMoves(record?.status);
  const translate = useTranslate();
  if (!record || allowed === null) return <TopToolbar />;
  const tracking = record.trackingNumber;
  const disposed = Boolean(record.disposedAt) && record.status !== "ARCHIVED";
  if (role === "ADMIN") {
    const followUpStatuses = allowed.filter((s) => s !== "DISPOSED" && s !== "ARCHIVED");
    return (
      <TopToolbar>
        {allowed.includes("VERIFIED") ? <VerifyButton record={record} /> : null}
        {allowed.includes("DISPOSED") ? <DisposeButton record={record} /> : null}
        {disposed ? <FollowUpButton record={record} statuses={followUpStatuses} /> : null}
        {!record.disposedAt && allowed.includes("NOT_OUR_AUTHORITY") ? (
          <NoteActionButton
            label="app.complaint.not_our_authority"
            icon={<BlockIcon />}
            action={(note) => changeComplaintStatus(String(record.id), "NOT_OUR_AUTHORITY", note)}
            successMessage="app.complaint.marked_not_our_authority"
            title={translate("app.complaint.not_our_authority_title", { trackingNumber: tracking })}
            help={translate("app.complaint.not_our_authority_help")}
            noteLabel="app.complaint.note"
            confirmLabel="app.complaint.not_our_authority"
            minLength={3}
          />
        ) : null}
        {allowed.includes("ARCHIVED") ? (
          <NoteActionButton
            label="app.complaint.archive"
            icon={<ArchiveIcon />}
            action={(note) => changeComplaintStatus(String(record.id), "ARCHIVED", note)}
            successMessage="app.complaint.archived"
            title={translate("app.complaint.archive_title", { trackingNumber: tracking })}
            help={translate("app.complaint.archive_help")}
            noteLabel="app.complaint.note"
            confirmLabel="app.complaint.archive"
            minLength={3}
          />
        ) : null}
        {record.status !== "ARCHIVED" ? <EditButton /> : null}
      </TopToolbar>
    );
  }
  if (role === "AGENCY_EDITOR" && disposed && ownAgency !== null && String(record.agencyId) === ownAgency) {
    return (
      <TopToolbar>
        <FollowUpButton record={record} statuses={allowed.filter((s) => EDITOR_STATUSES.includes(s))} />
      </TopToolbar>
    );
  }
  return <TopToolbar />;
};
