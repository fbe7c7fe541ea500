// The inventory service: its set-up (for in-process starts), handlers, domain and stream names.
export * from './service';
export * from './api';
export * from './inventory';
export * from './seed';
export * from './snapshots';
export * from './domain/events';
export * from './domain/lines';
export * from './domain/stock';
export * from './domain/reservation';
