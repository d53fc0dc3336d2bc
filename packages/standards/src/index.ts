export * from './calendar/index.ts';
export * from './clocks/index.ts';
export * from './divisions/index.ts';
export * from './ids/index.ts';
export * from './time/chinaTime.ts';
