import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { API_PREFIX, POLICY_KEY, type RoutePolicy } from '../../libs/core/src/index.js';

export interface RouteInfo {
  method: string;
  path: string;
  controller: string;
  handler: string;
  policy: RoutePolicy | undefined;
}

const EXCLUDED_FROM_PREFIX = new Set(['/health', '/health/ready']);

/** Every route the application registered, with the policy its handler (or controller) declares. */
export function listRoutes(app: INestApplication): RouteInfo[] {
  const out: RouteInfo[] = [];
  for (const mod of app.get(ModulesContainer).values()) {
    for (const wrapper of mod.controllers.values()) {
      const ctrl = wrapper.metatype as (new (...a: unknown[]) => unknown) | null;
      if (!ctrl) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, ctrl) ?? '');
      const proto = ctrl.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const fn = proto[name];
        if (name === 'constructor' || typeof fn !== 'function') continue;
        const sub = Reflect.getMetadata(PATH_METADATA, fn);
        if (sub === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, fn) as number];
        let path = `/${[base, String(sub)].filter((s) => s && s !== '/').join('/')}`.replace(/\/+/g, '/');
        if (!EXCLUDED_FROM_PREFIX.has(path)) path = `/${API_PREFIX}${path}`;
        const policy = (Reflect.getMetadata(POLICY_KEY, fn) ?? Reflect.getMetadata(POLICY_KEY, ctrl)) as RoutePolicy | undefined;
        out.push({ method, path, controller: ctrl.name, handler: name, policy });
      }
    }
  }
  return out;
}
