import type { EntityManager } from "typeorm";
import { forbidden } from "../../common/errors";
import type { Actor } from "../auth/actor";
import { Role } from "../auth/role";
import { User } from "../auth/user.entity";

/**
 * The agency an agency editor works for; null for roles that are not limited to one agency.
 * An editor without an agency may change nothing.
 */
export async function editorAgency(em: EntityManager, actor: Actor): Promise<number | null> {
  if (actor.user?.role !== Role.AGENCY_EDITOR) return null;
  const user = await em.findOneBy(User, { id: actor.user.id });
  if (!user?.agencyId) throw forbidden("Your account is not linked to an agency; ask an administrator to set it");
  return user.agencyId;
}

export async function assertMayEditAgency(em: EntityManager, actor: Actor, agencyId: number, what = "services"): Promise<void> {
  const own = await editorAgency(em, actor);
  if (own !== null && own !== agencyId) throw forbidden(`An agency editor changes only their own agency's ${what}`);
}
