import type { EntityManager, SelectQueryBuilder } from "typeorm";
import { badInput } from "../../common/errors";
import { CrudService, type ResourceSpec } from "../../common/crud.service";
import type { Actor } from "../auth/actor";
import { Agency } from "./agency.entity";
import { refreshSearchText } from "./search-text";
import { assertMayEditAgency, editorAgency } from "./editor-scope";
import { PublicService } from "./public-service.entity";
import { PublicServiceInput } from "./public-service.inputs";

/** The back-office's services resource; an agency editor sees and changes their agency's only. */
export class PublicServiceService extends CrudService<PublicService, PublicServiceInput> {
  protected readonly inputClass = PublicServiceInput;
  protected readonly spec: ResourceSpec<PublicService> = {
    name: "PublicService",
    entity: PublicService,
    searchFields: ["name", "category"],
    filterFields: ["agencyId", "category", "atMpp", "active"],
    sortFields: { name: "name", category: "category", agencyId: "agencyId", active: "active" },
    uniqueDescription: "name",
    deleteAdvice: "deactivate the service instead (active: false)",
  };

  protected override async applyScope(qb: SelectQueryBuilder<PublicService>, actor: Actor) {
    const agency = await editorAgency(this.db.manager, actor);
    if (agency !== null) qb.andWhere("e.agencyId = :editorAgency", { editorAgency: agency });
  }

  protected override async assertMayWrite(actor: Actor, s: PublicService) {
    await assertMayEditAgency(this.db.manager, actor, s.agencyId);
  }

  protected toInput(s: PublicService): PublicServiceInput {
    return Object.assign(new PublicServiceInput(), {
      agencyId: String(s.agencyId), name: s.name, category: s.category, description: s.description, atOffice: s.atOffice, atMpp: s.atMpp,
      onlineUrl: s.onlineUrl, active: s.active,
    });
  }

  protected applyInput(s: PublicService, input: PublicServiceInput): void {
    Object.assign(s, {
      agencyId: Number(input.agencyId), name: input.name.trim(), category: input.category.trim(), description: input.description?.trim() || null,
      atOffice: input.atOffice ?? true, atMpp: input.atMpp ?? false, onlineUrl: input.onlineUrl?.trim() || null, active: input.active ?? true,
    });
    s.searchText ??= "";
  }

  protected override async checkRules(em: EntityManager, s: PublicService): Promise<void> {
    if (!(await em.findOneBy(Agency, { id: s.agencyId }))) throw badInput({ agencyId: "does not exist" });
  }

  protected override async afterWrite(em: EntityManager, _before: PublicService | null, after: PublicService | null): Promise<void> {
    if (after) await refreshSearchText(em, { serviceId: after.id });
  }
}
