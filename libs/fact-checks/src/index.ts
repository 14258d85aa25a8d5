export * from './fact-checks.module';
export * from './fact-checks.service';
export * from './fact-check.view';
export { installStreamedBodies, IMPORT_BODY_LIMIT, isStreamedRoute } from './streamed-body';
