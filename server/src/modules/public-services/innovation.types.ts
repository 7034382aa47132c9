import { Field, ID, ObjectType } from "type-graphql";
import { LocalDate } from "../../graphql/scalars";
import { InnovationStatus } from "./innovation.enums";

@ObjectType({ description: "A service of the public catalogue, named: usable as publicService(id)." })
export class CatalogueServiceRef {
  @Field(() => ID) id: number;
  @Field() name: string;
}

/**
 * An innovation as anonymous visitors see it. A type of its own rather than `Innovation`, so that
 * nothing leads from it to unpublished services or to markets' staff.
 */
@ObjectType({ description: "A published, unretired innovation as the public catalogue shows it: only catalogue services, and market names." })
export class PublicInnovation {
  @Field(() => ID) id: number;
  @Field() name: string;
  @Field(() => String, { nullable: true }) shortName: string | null;
  @Field() description: string;
  @Field(() => LocalDate, { nullable: true }) launchedOn: string | null;
  @Field(() => InnovationStatus) status: InnovationStatus;
  @Field(() => String, { nullable: true }) publicUrl: string | null;
  /** Not a field: `agency` is resolved from it through the agency loader. */
  agencyId: number;
  @Field(() => [CatalogueServiceRef], { description: "The services it changes that the public catalogue shows." }) services: CatalogueServiceRef[];
  @Field(() => [String], { description: "The markets it covers." }) marketNames: string[];
}
