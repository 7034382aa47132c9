import { ArgsType, Field, Int, ObjectType } from "type-graphql";

/** The paging and sorting arguments ra-data-graphql-simple sends; `page` counts from 0. */
@ArgsType()
export class ListArgs {
  @Field(() => Int, { nullable: true, description: "Page number, counting from 0." })
  page?: number;

  @Field(() => Int, { nullable: true, description: "Rows per page (default 25, bounded by the server)." })
  perPage?: number;

  @Field({ nullable: true })
  sortField?: string;

  @Field({ nullable: true, description: "ASC or DESC." })
  sortOrder?: string;
}

@ObjectType()
export class ListMetadata {
  @Field(() => Int)
  count: number;
}
