import type { Actor } from "../modules/auth/actor";
import type { Loaders } from "./loaders";
import type { Services } from "../services";

export interface GraphQLContext {
  actor: Actor;
  services: Services;
  loaders: Loaders;
}
