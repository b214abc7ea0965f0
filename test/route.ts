// Calls real route loaders and actions the way React Router does, and reads what they
// returned or threw (a Response, a data() value or a plain object) as status + body.

export const ORIGIN = "http://localhost:3000";

export interface RouteResult<T = any> {
  status: number;
  data: T;
  headers: Headers;
  location: string | null;
}

interface DataWithInit {
  type: "DataWithResponseInit";
  data: unknown;
  init: ResponseInit | null;
}

function isDataWithInit(value: unknown): value is DataWithInit {
  return typeof value === "object" && value !== null && (value as DataWithInit).type === "DataWithResponseInit";
}

async function toResult(value: unknown): Promise<RouteResult> {
  if (value instanceof Response) {
    const text = await value.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: value.status, data: body, headers: value.headers, location: value.headers.get("Location") };
  }
  if (isDataWithInit(value)) {
    const headers = new Headers(value.init?.headers);
    return { status: value.init?.status ?? 200, data: value.data, headers, location: headers.get("Location") };
  }
  return { status: 200, data: value, headers: new Headers(), location: null };
}

type RouteFunction = (args: any) => unknown;

/** Calls a loader or action; `clientAddress` is the address the request seems to come from. */
export async function callRoute(fn: RouteFunction, request: Request, params: Record<string, string> = {}, clientAddress = "127.0.0.1"): Promise<RouteResult> {
  try {
    return await toResult(await fn({ request, params, context: { clientAddress } }));
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithInit(thrown)) return toResult(thrown);
    throw thrown;
  }
}

export function getRequest(pathname: string, cookie?: string): Request {
  return new Request(ORIGIN + pathname, { headers: cookie ? { Cookie: cookie } : {} });
}

/** A form post as a browser on our own site sends it (with our Origin). */
export function postRequest(
  pathname: string,
  fields: Record<string, string | string[]>,
  { cookie, origin = ORIGIN }: { cookie?: string; origin?: string | null } = {},
): Request {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
  }
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
  if (cookie) headers.Cookie = cookie;
  if (origin) headers.Origin = origin;
  return new Request(ORIGIN + pathname, { method: "POST", body, headers });
}

/** The cookie a browser would send back after a Set-Cookie header. */
export function cookieFrom(result: RouteResult): string {
  const setCookie = result.headers.get("Set-Cookie");
  if (!setCookie) throw new Error("no Set-Cookie header");
  return setCookie.split(";")[0];
}
