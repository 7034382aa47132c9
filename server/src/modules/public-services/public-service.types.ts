import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Agency } from "./agency.entity";
import { ServiceStandard } from "./service-standard.entity";

@ObjectType({ description: "A service as the public catalogue shows it: with its agency and its published standard only." })
export class CatalogueEntry {
  @Field(() => ID) id: number;
  @Field() name: string;
  @Field() category: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field() atOffice: boolean;
  @Field() atMpp: boolean;
  @Field(() => String, { nullable: true }) onlineUrl: string | null;
  @Field(() => Agency) agency: Agency;
  @Field(() => ServiceStandard, { description: "The version in force." }) standard: ServiceStandard;
}

@ObjectType()
export class CataloguePage {
  @Field(() => [CatalogueEntry]) items: CatalogueEntry[];
  @Field(() => Int) total: number;
}

@ObjectType({ description: "How complete an agency's published standards are: filled components of 14 per active service." })
export class AgencyCompleteness {
  @Field(() => ID) agencyId: number;
  @Field(() => Agency) agency: Agency;
  @Field(() => Int) services: number;
  @Field(() => Int, { description: "Active services with a published standard." }) publishedServices: number;
  @Field(() => Int) filledComponents: number;
  @Field(() => Int, { description: "14 x services." }) possibleComponents: number;
  @Field(() => Float, { description: "filledComponents / possibleComponents x 100, one decimal." }) percent: number;
}
