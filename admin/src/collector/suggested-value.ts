import { useState } from "react";

/**
 * A field that shows a suggested value (the next ticket, the reports' total) until the user types
 * their own; `reset` makes it follow the suggestion again.
 */
export function useSuggestedValue(suggested: string) {
  const [own, setOwn] = useState<string | null>(null);
  return { value: own ?? suggested, edited: own !== null, set: setOwn, reset: () => setOwn(null) };
}
