import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext, type ValidationRule } from "graphql";

/**
 * Refuses, before execution, queries nested deeper than `maxDepth` or using more than `maxAliases`
 * aliases (the usual way to multiply expensive fields in one request).
 */
export function queryLimits(maxDepth: number, maxAliases: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);

    const measure = (set: SelectionSetNode, depth: number, seen: Set<string>, counts: { aliases: number; depth: number }) => {
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) {
          if (sel.alias) counts.aliases++;
          if (sel.name.value.startsWith("__")) continue;
          counts.depth = Math.max(counts.depth, depth + 1);
          if (sel.selectionSet && depth + 1 <= maxDepth) measure(sel.selectionSet, depth + 1, seen, counts);
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          measure(sel.selectionSet, depth, seen, counts);
        } else {
          const fragment = fragments.get(sel.name.value);
          if (fragment && !seen.has(fragment.name.value)) {
            measure(fragment.selectionSet, depth, new Set([...seen, fragment.name.value]), counts);
          }
        }
      }
    };

    return {
      OperationDefinition(node) {
        const counts = { aliases: 0, depth: 0 };
        measure(node.selectionSet, 0, new Set(), counts);
        if (counts.depth > maxDepth) {
          context.reportError(new GraphQLError(`Query is nested ${counts.depth} levels deep; the limit is ${maxDepth}`, { nodes: [node], extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }));
        }
        if (counts.aliases > maxAliases) {
          context.reportError(new GraphQLError(`Query uses ${counts.aliases} aliases; the limit is ${maxAliases}`, { nodes: [node], extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }));
        }
      },
    };
  };
}
