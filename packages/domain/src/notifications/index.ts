export * from './targets.ts';
export * from './preferences.ts';
export * from './reminders.ts';
