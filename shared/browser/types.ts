/** What the dossier pages' modules pass around: the page's checklist items and the API's answers. */

/** A document slot of the round's checklist, as the pages embed it. */
export interface Slot {
  slot: string;
  title: string;
  minFiles: number;
  maxFiles: number;
  types: string[];
  mimes: string[];
  maxBytes: number;
  /** The server's words for an item short of files, `{count}` to fill in (the application form only). */
  tooFew?: string;
}
export interface Issue {
  path: string;
  field: string;
  message: string;
}
/** What `api` throws: the server's message and field issues, or status 0 when the server was not reached. */
export interface ApiError {
  status: number;
  message: string;
  issues: Issue[];
  /** 429 (rate limited): seconds until the server takes the request again (its `Retry-After`). */
  retryAfter?: number;
}
/** A dossier's id and edit token, kept per tab (sessionStorage). */
export interface Access {
  id: string;
  editToken: string;
}

export const isApiError = (err: unknown): err is ApiError =>
  typeof err === 'object' && err !== null && typeof (err as ApiError).status === 'number';
