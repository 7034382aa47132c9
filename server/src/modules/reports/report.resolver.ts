import { Authorized, Ctx, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context";
import { REPORT_FORMATS } from "./report-catalogue";
import { ReportDefinition } from "./report.types";

@Resolver(() => ReportDefinition)
export class ReportResolver {
  @Authorized()
  @Query(() => [ReportDefinition], { description: "The official reports the caller may download (XLSX or PDF), with their parameters." })
  reportDefinitions(@Ctx() c: GraphQLContext): ReportDefinition[] {
    return c.services.reports.available(c.actor).map((spec) => ({
      name: spec.name,
      title: spec.title,
      description: spec.description,
      formats: [...REPORT_FORMATS],
      parameters: spec.parameters.map((p) => ({ ...p })),
      path: `/reports/${spec.name}.xlsx`,
    }));
  }
}
