export * from './claims.module';
export * from './claims.service';
export * from './claim.view';
export type { ClaimStatus } from './claim.entity';
