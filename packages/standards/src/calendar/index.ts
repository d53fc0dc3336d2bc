export * from './builtIn.ts';
export * from './notices.ts';
export * from './statutoryHolidays.ts';
export * from './workingCalendar.ts';
