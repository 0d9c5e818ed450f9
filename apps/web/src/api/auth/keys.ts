export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
  members: () => [...authKeys.all, 'members'] as const,
  recovery: () => [...authKeys.all, 'recovery'] as const,
};
