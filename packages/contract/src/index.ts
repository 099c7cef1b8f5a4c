export * from './errors';
export * from './health';
export * from './posting';
export * from './routes';
export * from './session';
export * from './openapi';
export * from './chunk-plan';
export * from './container-sniff';
