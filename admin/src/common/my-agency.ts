import { useEffect, useState } from "react";
import { fetchMyAgencyId } from "../public-service/api";
import { getSession } from "../providers/session";
import { useRole } from "./permissions";

/**
 * The agency the signed-in agency editor works for (`me.agencyId`, asked once per page load);
 * null for other roles. `loading` until it is known. Cached per signed-in user.
 */
const requests = new Map<string, Promise<string | null>>();

function myAgencyId(): Promise<string | null> {
  const userId = String(getSession()?.user.id ?? "");
  let request = requests.get(userId);
  if (!request) {
    request = fetchMyAgencyId().then((id) => (id === null ? null : String(id)));
    request.catch(() => requests.delete(userId));
    requests.set(userId, request);
  }
  return request;
}

export function useMyAgency(): { loading: boolean; agencyId: string | null; isEditor: boolean } {
  const role = useRole();
  const isEditor = role === "AGENCY_EDITOR";
  const [state, setState] = useState<{ loading: boolean; agencyId: string | null }>({ loading: isEditor, agencyId: null });
  useEffect(() => {
    if (!isEditor) {
      setState({ loading: role === undefined, agencyId: null });
      return;
    }
    let current = true;
    myAgencyId()
      .then((agencyId) => current && setState({ loading: false, agencyId }))
      .catch(() => current && setState({ loading: false, agencyId: null }));
    return () => {
      current = false;
    };
  }, [isEditor, role]);
  return { ...state, isEditor };
}
