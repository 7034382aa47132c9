import { validate } from "class-validator";
import { In } from "typeorm";
import { badInput, type FieldErrors } from "../../common/errors";
import { parseOptionalId } from "../../common/ids";
import { fieldErrorsOf } from "../../common/validation";
import type { Database } from "../../database/database";
import type { Actor } from "../auth/actor";
import type { AuditService } from "../audit/audit.service";
import { lockedForCheck } from "../markets/market-rules";
import { ServiceDeliveryMode } from "./delivery-mode.entity";
import { DeliveryModeInput } from "./delivery-mode.inputs";
import { deliveryModeErrors, type DeliveryModeValues } from "./delivery-mode.rules";
import { assertMayEditAgency } from "./editor-scope";
import { PublicService } from "./public-service.entity";
import type { PublicServiceService } from "./public-service.service";
import { ServiceVenue } from "./service-venue.entity";

const MAX_MODES = 30;

/**
 * How services are delivered. A service's modes are written as a whole set, by whoever may edit the
 * service, so that an editor never leaves a half-changed set behind.
 */
export class DeliveryModeService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly services: PublicServiceService,
  ) {}

  /** Replaces the service's modes with `raw`, in that order; nothing is written when any mode is wrong. */
  async replace(actor: Actor, rawServiceId: string, raw: readonly DeliveryModeInput[]): Promise<ServiceDeliveryMode[]> {
    const service = await this.services.getById(actor, rawServiceId);
    await assertMayEditAgency(this.db.manager, actor, service.agencyId);
    const values = await this.validated(raw);
    return this.db.transaction(async (em) => {
      // Locked on MySQL so that two editors replacing the set at once do not interleave.
      await lockedForCheck(em.getRepository(PublicService).createQueryBuilder("s"), this.db.dialect).where("s.id = :id", { id: service.id }).getOne();
      const venueIds = [...new Set(values.flatMap((v) => (v.venueId === null ? [] : [v.venueId])))];
      const known = new Set(venueIds.length ? (await em.find(ServiceVenue, { select: { id: true }, where: { id: In(venueIds) } })).map((v) => v.id) : []);
      const unknown: FieldErrors = {};
      values.forEach((v, i) => {
        if (v.venueId !== null && !known.has(v.venueId)) unknown[`modes.${i}.venueId`] = "does not exist";
      });
      if (Object.keys(unknown).length) throw badInput(unknown);

      const before = await em.find(ServiceDeliveryMode, { where: { serviceId: service.id }, order: { position: "ASC" } });
      await em.delete(ServiceDeliveryMode, { serviceId: service.id });
      const saved = values.length
        ? await em.save(ServiceDeliveryMode, values.map((v, position) => em.create(ServiceDeliveryMode, { ...v, serviceId: service.id, position })))
        : [];
      await this.audit.record(em, actor, "UPDATE", "ServiceDeliveryModes", service.id, digest(service.id, before), digest(service.id, saved));
      return saved;
    });
  }

  /** The modes of each service, in order. */
  async ofServices(serviceIds: readonly number[]): Promise<Map<number, ServiceDeliveryMode[]>> {
    const out = new Map<number, ServiceDeliveryMode[]>(serviceIds.map((id) => [id, []]));
    if (serviceIds.length === 0) return out;
    const rows = await this.db.manager.find(ServiceDeliveryMode, {
      where: { serviceId: In([...serviceIds]) }, order: { serviceId: "ASC", position: "ASC" },
    });
    for (const row of rows) out.get(row.serviceId)?.push(row);
    return out;
  }

  private async validated(raw: readonly DeliveryModeInput[]): Promise<DeliveryModeValues[]> {
    if (raw.length > MAX_MODES) throw badInput({ modes: `may list at most ${MAX_MODES} modes` });
    // A form sends "" for a field it leaves empty: blank is empty, not a malformed address.
    const inputs = raw.map((m) => Object.assign(new DeliveryModeInput(), Object.fromEntries(
      Object.entries(m).map(([key, value]) => [key, typeof value === "string" && value.trim() === "" ? null : value]),
    )));
    const errors: FieldErrors = {};
    for (const [i, input] of inputs.entries()) {
      const found = fieldErrorsOf(await validate(input, { forbidUnknownValues: false, validationError: { target: false } }));
      for (const [field, problem] of Object.entries(found)) errors[`modes.${i}.${field}`] = problem;
    }
    if (Object.keys(errors).length) throw badInput(errors);
    const values = inputs.map((m, i): DeliveryModeValues => ({
      mode: m.mode, venueId: parseOptionalId(m.venueId, `modes.${i}.venueId`), url: text(m.url), fullyOnline: m.fullyOnline ?? null,
      postageBorneBy: m.postageBorneBy ?? null, typicalDays: m.typicalDays ?? null, places: text(m.places), frequency: text(m.frequency), note: text(m.note),
    }));
    const rules = deliveryModeErrors(values);
    if (Object.keys(rules).length) throw badInput(rules);
    return values;
  }
}

const text = (value: string | null | undefined) => value?.trim() || null;

/** The audit trail keeps a set as one readable string: the snapshot drops nested values. */
function digest(serviceId: number, modes: readonly ServiceDeliveryMode[]) {
  const parts = modes.map(({ mode, venueId, url, fullyOnline, postageBorneBy, typicalDays, places, frequency, note }) =>
    Object.fromEntries(Object.entries({ mode, venueId, url, fullyOnline, postageBorneBy, typicalDays, places, frequency, note }).filter(([, v]) => v !== null)));
  return { serviceId, modes: JSON.stringify(parts) };
}
