export * from './service';
export * from './api';
export * from './run';
export * from './options';
export * from './mix';
export * from './stats';
export * from './schedule';
export * from './report';
export { parseCliArgs, DEFAULT_URL } from './cli';
