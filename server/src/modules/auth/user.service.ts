import type { EntityManager } from "typeorm";
import { CrudService, type ResourceSpec } from "../../common/crud.service";
import { badInput } from "../../common/errors";
import { parseOptionalId } from "../../common/ids";
import type { Actor } from "./actor";
import { hashPassword } from "./password.service";
import { UserInput } from "./user.input";
import { User } from "./user.entity";

export class UserService extends CrudService<User, UserInput> {
  protected readonly inputClass = UserInput;
  protected readonly spec: ResourceSpec<User> = {
    name: "User",
    entity: User,
    searchFields: ["username", "displayName"],
    filterFields: ["role", "active"],
    sortFields: { username: "username", displayName: "displayName", role: "role", active: "active" },
    uniqueDescription: "username",
    deleteAdvice: "deactivate the user instead (active: false)",
  };
  /** Hashing is slow on purpose; it happens before the transaction, keyed by the plain password. */
  private pendingHash = new WeakMap<User, string>();

  findActive(id: number): Promise<User | null> {
    return this.db.manager.findOneBy(User, { id, active: true });
  }

  protected toInput(user: User): UserInput {
    return Object.assign(new UserInput(), {
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      active: user.active,
      agencyId: user.agencyId === null ? null : String(user.agencyId),
    });
  }

  protected applyInput(user: User, input: UserInput): void {
    user.username = input.username;
    user.displayName = input.displayName.trim();
    user.role = input.role;
    user.active = input.active ?? true;
    user.agencyId = parseOptionalId(input.agencyId, "agencyId");
    if (input.password) this.pendingHash.set(user, input.password);
  }

  protected override async checkRules(_em: EntityManager, user: User, _actor: Actor, existing: User | null): Promise<void> {
    const password = this.pendingHash.get(user);
    if (!existing && !password) throw badInput({ password: "is required for a new user" });
    if (password) user.passwordHash = await hashPassword(password);
  }
}
