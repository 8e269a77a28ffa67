// Calls to analytics-service with the marketer's bearer token, kept for this tab only (sessionStorage).

const TOKEN_KEY = 'faro.dashboard.token';

// Errors carry the key of the text to show (see messages.js), so the page can show it in either language.

/** The API refused the token (401) or its roles (403): the marketer must sign in again. */
export class SignInRequired extends Error {
  constructor(messageKey) {
    super(messageKey);
    this.messageKey = messageKey;
  }
}

/**
 * Any other failed answer, with the problem+json body when there is one. Its message is the server's own words;
 * {@code messageKey} names the page's text when the server never answered.
 */
export class ApiProblem extends Error {
  constructor(status, problem, messageKey) {
    super((problem && (problem.detail || problem.title)) || `Error ${status}`);
    this.status = status;
    this.problem = problem;
    this.messageKey = messageKey || null;
  }

  /** The first message the problem gives for a named parameter, else its detail. */
  messageFor(field) {
    const errors = (this.problem && Array.isArray(this.problem.errors)) ? this.problem.errors : [];
    const match = errors.find((error) => error && error.field === field);
    return (match && match.message) || this.message;
  }
}

export const session = {
  token() {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  /** Accepts the token as pasted, with or without its "Bearer " prefix. */
  signIn(pasted) {
    const token = pasted.trim().replace(/^Bearer\s+/i, '');
    sessionStorage.setItem(TOKEN_KEY, token);
    return token;
  },
  signOut() {
    sessionStorage.removeItem(TOKEN_KEY);
  },
};

export function campaignPath(campaign, resource, query) {
  const params = new URLSearchParams(query || {});
  const search = params.toString();
  return `/api/campaigns/${encodeURIComponent(campaign)}/${resource}${search ? `?${search}` : ''}`;
}

export async function getJson(path) {
  const token = session.token();
  if (!token) {
    throw new SignInRequired('signIn.required');
  }
  let response;
  try {
    response = await fetch(path, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch (error) {
    throw new ApiProblem(0, null, 'error.network');
  }
  if (response.status === 401) {
    session.signOut();
    throw new SignInRequired('signIn.expired');
  }
  if (response.status === 403) {
    session.signOut();
    throw new SignInRequired('signIn.forbidden');
  }
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch (error) {
      problem = null;
    }
    throw new ApiProblem(response.status, problem);
  }
  return response.json();
}
