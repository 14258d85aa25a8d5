export * from './identity.module';
export * from './users.service';
export * from './user.view';
export { hashPassword } from './password';
