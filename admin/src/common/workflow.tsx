import { useState, type ReactNode } from "react";
import { Button, useNotify, useRefresh, useTranslate } from "react-admin";
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from "@mui/material";

/**
 * Runs a workflow mutation (reject, verify) from a show page: busy while it runs, the success
 * message or the server's error as a notification, and the page reloaded after success.
 */
export function useWorkflowAction() {
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  /** `messageArgs` fills the success message from the mutation's result (counts, amounts). */
  const run = async <T,>(
    mutation: () => Promise<T>,
    successMessage: string,
    messageArgs?: (result: T) => Record<string, unknown>,
  ): Promise<boolean> => {
    setBusy(true);
    try {
      const result = await mutation();
      notify(successMessage, { type: "info", messageArgs: messageArgs?.(result) });
      refresh();
      return true;
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: "error" });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

interface NoteDialogProps {
  open: boolean;
  title: string;
  help?: ReactNode;
  /** Translation keys. */
  noteLabel: string;
  noteHelp?: string;
  confirmLabel: string;
  confirmColor?: "primary" | "error";
  /** The least number of characters the note needs (0: optional). */
  minLength: number;
  busy: boolean;
  /** More inputs shown above the note (e.g. a choice the action needs). */
  children?: ReactNode;
  /** Keeps confirm disabled while those inputs are incomplete. */
  confirmDisabled?: boolean;
  onCancel(): void;
  onConfirm(note: string): void;
}

/** Asks for a reason or note before a workflow action; confirm stays disabled until it is long enough. */
export const NoteDialog = ({
  open, title, help, noteLabel, noteHelp, confirmLabel, confirmColor = "primary", minLength, busy, onCancel, onConfirm, children, confirmDisabled = false,
}: NoteDialogProps) => {
  const translate = useTranslate();
  const [note, setNote] = useState("");
  return (
    <Dialog open={open} onClose={onCancel} fullWidth>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        {help ? <DialogContentText>{help}</DialogContentText> : null}
        {children}
        <TextField
          label={translate(noteLabel)}
          multiline
          fullWidth
          autoFocus
          margin="dense"
          value={note}
          onChange={(event) => setNote(event.target.value)}
          helperText={noteHelp ? translate(noteHelp) : undefined}
        />
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onCancel} />
        <Button
          label={confirmLabel}
          color={confirmColor}
          variant="contained"
          disabled={busy || confirmDisabled || note.trim().length < minLength}
          onClick={() => onConfirm(note.trim())}
        />
      </DialogActions>
    </Dialog>
  );
};

type NoteActionButtonProps = Omit<NoteDialogProps, "open" | "busy" | "onCancel" | "onConfirm"> & {
  /** Translation key of the button. */
  label: string;
  icon?: ReactNode;
  /** The mutation, given the note typed in. */
  action(note: string): Promise<unknown>;
  /** Translation key of the notification after success. */
  successMessage: string;
};

/** A show-page button that asks for a note (a reason) and then runs a workflow mutation with it. */
export const NoteActionButton = ({ label, icon, action, successMessage, ...dialog }: NoteActionButtonProps) => {
  const { busy, run } = useWorkflowAction();
  const [open, setOpen] = useState(false);
  const confirm = async (note: string) => {
    if (await run(() => action(note), successMessage)) setOpen(false);
  };
  return (
    <>
      <Button label={label} color={dialog.confirmColor ?? "primary"} onClick={() => setOpen(true)}>
        {icon ? <>{icon}</> : undefined}
      </Button>
      <NoteDialog {...dialog} open={open} busy={busy} onCancel={() => setOpen(false)} onConfirm={confirm} />
    </>
  );
};
