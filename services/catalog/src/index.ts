export * from './store';
export * from './api';
export * from './service';
