/**
 * The contract between the API and the web app: response shapes, request schemas and limits.
 * Both sides import from here so a change to one shape is a type error on the other side.
 */
export * from './limits.ts';
export * from './contact.ts';
export * from './datasource.ts';
export * from './session.ts';
export * from './problem.ts';
export * from './audit.ts';
export * from './app-registration.ts';
