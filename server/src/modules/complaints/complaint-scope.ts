import type { EntityManager } from "typeorm";
import { forbidden } from "../../common/errors";
import type { Actor } from "../auth/actor";
import { editorAgency } from "../public-services/editor-scope";
import type { Complaint } from "./complaint.entity";

/** The agency an agency editor answers complaints for; null for roles that see every complaint. */
export const complaintEditorAgency = (em: EntityManager, actor: Actor): Promise<number | null> => editorAgency(em, actor);

/** An agency editor reads and works only complaints disposed to their own agency. */
export async function assertComplaintInScope(em: EntityManager, actor: Actor, complaint: Complaint): Promise<void> {
  const own = await complaintEditorAgency(em, actor);
  if (own !== null && complaint.agencyId !== own) {
    throw forbidden(`Complaint ${complaint.id} is not disposed to your agency; an agency editor works only their own agency's complaints`);
  }
}

/** Instants are kept to whole seconds: MySQL's DATETIME rounds fractions, SQLite would keep them. */
export function wholeSeconds(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / 1000) * 1000);
}
