import type { EntityManager } from "typeorm";
import { badInput } from "../../common/errors";
import { CrudService, type ResourceSpec } from "../../common/crud.service";
import { Agency } from "./agency.entity";
import { refreshSearchText } from "./search-text";
import { AgencyInput } from "./public-service.inputs";

export class AgencyService extends CrudService<Agency, AgencyInput> {
  protected readonly inputClass = AgencyInput;
  protected readonly spec: ResourceSpec<Agency> = {
    name: "Agency",
    entity: Agency,
    searchFields: ["code", "name", "shortName"],
    filterFields: ["kind", "parentId", "active"],
    sortFields: { code: "code", name: "name", shortName: "shortName", kind: "kind", active: "active" },
    uniqueDescription: "code",
    deleteAdvice: "deactivate the agency instead (active: false)",
  };

  protected toInput(a: Agency): AgencyInput {
    return Object.assign(new AgencyInput(), {
      code: a.code, name: a.name, shortName: a.shortName, kind: a.kind, parentId: a.parentId === null ? null : String(a.parentId), active: a.active,
    });
  }

  protected applyInput(a: Agency, input: AgencyInput): void {
    Object.assign(a, {
      code: input.code, name: input.name.trim(), shortName: input.shortName.trim(), kind: input.kind,
      parentId: input.parentId ? Number(input.parentId) : null, active: input.active ?? true,
    });
  }

  protected override async checkRules(em: EntityManager, a: Agency): Promise<void> {
    if (a.parentId === null) return;
    if (a.parentId === a.id) throw badInput({ parentId: "must be another agency" });
    if (!(await em.findOneBy(Agency, { id: a.parentId }))) throw badInput({ parentId: "does not exist" });
  }

  /** The catalogue searches agency names: a renamed agency's services are found by the new name. */
  protected override async afterWrite(em: EntityManager, before: Agency | null, after: Agency | null): Promise<void> {
    if (before && after && (before.name !== after.name || before.shortName !== after.shortName)) {
      await refreshSearchText(em, { agencyId: after.id });
    }
  }
}
