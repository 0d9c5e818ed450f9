export { type EventSpec, eventInputs, recordEvent, recordEvents } from './record-events.ts';
export { type EventBus, SIGNALS_CHANNEL, createEventBus } from './event-bus.ts';
export { eventsRoutes } from './events-routes.ts';
export { createEventsService } from './events-service.ts';
