import { ArgsType, Field, ID, getMetadataStorage, type ClassType } from "type-graphql";

/**
 * The update arguments of a resource: its create arguments, all optional, plus `id`.
 * Deriving them keeps one list of fields per resource; the service validates the merged record.
 */
export function updateArgsOf<T extends object>(createArgs: ClassType<T>, name: string): ClassType<Partial<T> & { id: string }> {
  @ArgsType()
  class UpdateArgs {
    @Field(() => ID)
    id: string;
  }
  Object.defineProperty(UpdateArgs, "name", { value: name });
  const lineage: Function[] = [];
  for (let c: Function | null = createArgs; c && c !== Object && c !== Function.prototype; c = Object.getPrototypeOf(c)) lineage.push(c);
  for (const field of getMetadataStorage().fields.filter((f) => lineage.includes(f.target))) {
    // type-graphql learns that a field is a list only when its type function first runs: ask lazily.
    const getType = () => {
      const type = field.getType();
      return field.typeOptions.array ? [type] : type;
    };
    Field(getType, { nullable: true, description: field.description })(UpdateArgs.prototype, field.name);
  }
  return UpdateArgs as unknown as ClassType<Partial<T> & { id: string }>;
}
