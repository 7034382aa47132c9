import { badInput } from "../../common/errors";
import { ComplaintStatus as S } from "./complaint.enums";

/**
 * Where a complaint may go from each status. DEFERRED (tunda) is a pause the agency resumes or
 * resolves; NOT_OUR_AUTHORITY (bukan wewenang) and RESOLVED end in ARCHIVED; ARCHIVED is final.
 */
export const COMPLAINT_TRANSITIONS: Readonly<Record<S, readonly S[]>> = {
  [S.RECEIVED]: [S.VERIFIED, S.NOT_OUR_AUTHORITY, S.ARCHIVED],
  [S.VERIFIED]: [S.DISPOSED, S.NOT_OUR_AUTHORITY, S.ARCHIVED],
  [S.DISPOSED]: [S.IN_PROGRESS, S.DEFERRED, S.RESOLVED, S.NOT_OUR_AUTHORITY],
  [S.IN_PROGRESS]: [S.RESOLVED, S.DEFERRED],
  [S.DEFERRED]: [S.IN_PROGRESS, S.RESOLVED],
  [S.RESOLVED]: [S.ARCHIVED],
  [S.NOT_OUR_AUTHORITY]: [S.ARCHIVED],
  [S.ARCHIVED]: [],
};

/** The statuses an agency editor may set, on complaints disposed to their agency. */
export const EDITOR_STATUSES: readonly S[] = [S.IN_PROGRESS, S.RESOLVED, S.DEFERRED, S.NOT_OUR_AUTHORITY];

/** Statuses that stop the clocks of steps not done yet. */
export const CLOSED_STATUSES: readonly S[] = [S.NOT_OUR_AUTHORITY, S.ARCHIVED];

export function canMove(from: S, to: S): boolean {
  return COMPLAINT_TRANSITIONS[from].includes(to);
}

export function assertTransition(from: S, to: S): void {
  if (canMove(from, to)) return;
  const allowed = COMPLAINT_TRANSITIONS[from];
  throw badInput(
    { status: `cannot move from ${from} to ${to}` },
    `A complaint cannot move from ${from} to ${to}; from ${from} it may go to ${allowed.length ? allowed.join(", ") : "nowhere (final)"}`,
  );
}
