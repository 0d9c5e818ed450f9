export const catalogKeys = {
  all: ['catalog'] as const,
  templates: () => [...catalogKeys.all, 'templates'] as const,
};
