import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Reply } from './http-io';
import type { SandboxState } from './state';

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  state: SandboxState;
  /** Filled by routes so the access log can say more than the path without leaking secrets. */
  logNote?: string;
}

/** null = the route already dealt with the socket (e.g. destroyed it) and nothing is to be sent. */
export type RouteHandler = (ctx: RouteContext) => Promise<Reply | null>;
