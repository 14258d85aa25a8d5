import { INestApplicationContext, Logger, RequestMethod, Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AnnotationsController, CreateAnnotationDto } from '@claimdesk/annotations';
import { Actor } from '@claimdesk/core';
import { AuthGuard, AuthRequest } from '@claimdesk/identity';
import { sendProblem } from './problem.filter';
import { StrictValidationPipe } from './validation';

/** What a route served directly gets, as Nest's parameter decorators would have given it. */
export interface DirectInput<Body> {
  actor: Actor;
  params: Record<string, string>;
  body: Body;
}

export interface DirectRoute<Controller, Body> {
  controller: Type<Controller>;
  /** The controller method that declares the route: its path, verb, status code and @Public()/@Roles() are read from it. */
  handler: keyof Controller & string;
  /** The body's DTO, validated by the desk's pipe as @Body() would be. */
  body: Type<Body>;
  /** Calls the controller method, so the mapping from request to service stays the controller's. */
  call(controller: Controller, input: DirectInput<Body>): Promise<unknown>;
}

const direct = <Controller, Body>(route: DirectRoute<Controller, Body>): DirectRoute<Controller, Body> => route;

/**
 * Routes Fastify serves itself, without Nest's per-request chain (router, guard and pipe consumers,
 * response controller, and the promises between them): about a tenth of a note POST's CPU, measured
 * (issue 11). Each keeps what that chain gave it: the same guard, validation pipe, controller method
 * and problem answers; Fastify's hooks (security headers, body limits, ETag, compression) run as for
 * any route. The controller still declares the route (OpenAPI, the route list); only the handler
 * Fastify calls is replaced. For the desk's most frequent write only: everything else keeps Nest's chain.
 */
export const DIRECT_ROUTES = [
  direct({ controller: AnnotationsController, handler: 'create', body: CreateAnnotationDto, call: (notes, { actor, params, body }) => notes.create(actor, params.id, body) }),
];

/** "POST /api/v1/claims/:id/annotations": the route a controller method declares, as Fastify names it. */
export function routeOf<Controller, Body>(route: DirectRoute<Controller, Body>): string {
  const method = route.controller.prototype[route.handler] as Function;
  const verb = RequestMethod[Reflect.getMetadata(METHOD_METADATA, method) as RequestMethod];
  const path = [Reflect.getMetadata(PATH_METADATA, route.controller) as string, Reflect.getMetadata(PATH_METADATA, method) as string]
    .map((part) => part.replace(/^\/+|\/+$/g, '')).filter((part) => part !== '').join('/');
  return `${verb} /${path}`;
}

/** The routes whose handler was replaced, for checking that each direct route found its declaration. */
export const SERVED_DIRECTLY = new Set<string>();

/** Replaces the handler of each direct route as Nest registers it; `desk` is read once the app is up. */
export function serveDirectly(fastify: FastifyInstance, desk: () => INestApplicationContext): void {
  const handlers = new Map(DIRECT_ROUTES.map((route) => [routeOf(route), directHandler(route, desk)]));
  fastify.addHook('onRoute', (options) => {
    const name = `${String(options.method)} ${options.url}`;
    const handler = handlers.get(name);
    if (!handler) return;
    options.handler = handler;
    SERVED_DIRECTLY.add(name);
  });
}

function directHandler<Controller, Body>(route: DirectRoute<Controller, Body>, desk: () => INestApplicationContext) {
  const pipe = new StrictValidationPipe();
  const logger = new Logger('ProblemFilter');
  const method = route.controller.prototype[route.handler] as Function;
  const status = (Reflect.getMetadata(HTTP_CODE_METADATA, method) as number | undefined)
    ?? (Reflect.getMetadata(METHOD_METADATA, method) === RequestMethod.POST ? 201 : 200);
  let parts: { guard: AuthGuard; controller: Controller } | undefined;
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    try {
      parts ??= { guard: desk().get(AuthGuard), controller: desk().get(route.controller) };
      const asked = request as FastifyRequest & AuthRequest;
      await parts.guard.admit(asked, method, route.controller);
      if (!asked.actor) throw new Error(`${routeOf(route)} is served directly but has no signed-in user`);
      const body = (await pipe.transform(request.body, { type: 'body', metatype: route.body, data: undefined })) as Body;
      const result = await route.call(parts.controller, { actor: asked.actor, params: request.params as Record<string, string>, body });
      return reply.code(status).send(result);
    } catch (error) {
      sendProblem(reply, error, logger);
      return reply;
    }
  };
}
