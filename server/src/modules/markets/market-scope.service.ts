import { In } from "typeorm";
import type { Database } from "../../database/database";
import { todayInJakarta } from "../../common/local-date";
import type { AuthUser } from "../auth/actor";
import { Role } from "../auth/role";
import { CollectorAssignment } from "./collector-assignment.entity";
import { Market } from "./market.entity";

/** Which markets a user works in: a collector's current assignments, a market head's markets. */
export class MarketScopeService {
  constructor(private readonly db: Database) {}

  /** null means unrestricted; agency editors have no markets at all. */
  async scopeFor(user: AuthUser | null): Promise<number[] | null> {
    if (!user) return [];
    if (user.role === Role.COLLECTOR || user.role === Role.MARKET_HEAD) {
      return (await this.marketIdsByUser([user.id], user.role === Role.COLLECTOR ? "collector" : "head")).get(user.id) ?? [];
    }
    return user.role === Role.AGENCY_EDITOR ? [] : null;
  }

  /** The markets each user works in, in one query per kind (used by `User.marketIds` lists). */
  async marketIdsByUser(userIds: readonly number[], kind: "collector" | "head"): Promise<Map<number, number[]>> {
    const result = new Map<number, number[]>(userIds.map((id) => [id, []]));
    if (kind === "collector") {
      const today = todayInJakarta();
      const rows = await this.db.manager
        .getRepository(CollectorAssignment)
        .createQueryBuilder("a")
        .select(["a.collectorId", "a.marketId"])
        .where("a.collectorId IN (:...ids)", { ids: userIds })
        .andWhere("a.validFrom <= :today AND (a.validTo IS NULL OR a.validTo >= :today)", { today })
        .getMany();
      for (const row of rows) result.get(row.collectorId)?.push(row.marketId);
    } else {
      const rows = await this.db.manager.find(Market, { select: { id: true, headUserId: true }, where: { headUserId: In([...userIds]) } });
      for (const row of rows) if (row.headUserId !== null) result.get(row.headUserId)?.push(row.id);
    }
    for (const ids of result.values()) ids.sort((a, b) => a - b);
    return result;
  }

  async allMarketIds(): Promise<number[]> {
    return (await this.db.manager.find(Market, { select: { id: true }, order: { id: "ASC" } })).map((m) => m.id);
  }
}
