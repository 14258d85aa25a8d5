export * from './identity.module';
export * from './users.service';
export * from './user.view';
export { hashPassword } from './password';
export { SessionWatch } from './session-watch';
export { AuthGuard, tokenOf } from './auth.guard';
export type { AuthRequest } from './auth.guard';
