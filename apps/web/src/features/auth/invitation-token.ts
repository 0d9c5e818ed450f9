const KEY = 'bunkai.invitationToken';

/**
 * The engagement invitation's token: from the link's fragment (`/invitations#token=…`, never sent to a
 * server), or from the path of links mailed before the fragment was used. It is kept in this tab's
 * sessionStorage while the person signs in or registers, and the address bar shows `/invitations` only,
 * so the token never rides in a `next=` query or a later request path.
 */
export const takeInvitationToken = (pathToken?: string): string => {
  const fresh = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? pathToken ?? '';
  if (fresh) {
    try {
      sessionStorage.setItem(KEY, fresh);
    } catch {
      // storage unavailable: the token lives in this page only
    }
    window.history.replaceState(null, '', '/invitations');
    return fresh;
  }
  try {
    return sessionStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
};

export const forgetInvitationToken = () => {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing kept
  }
};
