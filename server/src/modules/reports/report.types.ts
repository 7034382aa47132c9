import { Field, ObjectType } from "type-graphql";

@ObjectType({ description: "A parameter of an official report's download." })
export class ReportParameter {
  @Field() name: string;
  @Field({ description: "MONTH (YYYY-MM), LOCAL_DATE (YYYY-MM-DD) or ID." }) kind: string;
  @Field() required: boolean;
  @Field() description: string;
}

@ObjectType({ description: "An official report the caller may download as GET /reports/<name>.<format>?<parameters> with their bearer token." })
export class ReportDefinition {
  @Field() name: string;
  @Field({ description: "Its Indonesian title, as printed." }) title: string;
  @Field() description: string;
  @Field(() => [String], { description: "xlsx and pdf." }) formats: string[];
  @Field(() => [ReportParameter]) parameters: ReportParameter[];
  @Field({ description: "The download path without the query string, e.g. /reports/monthly-realisation.xlsx." }) path: string;
}
