export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
  members: () => [...authKeys.all, 'members'] as const,
  recovery: () => [...authKeys.all, 'recovery'] as const,
  invitations: () => [...authKeys.all, 'invitations'] as const,
  events: () => [...authKeys.all, 'events'] as const,
  joinPreview: (token: string) => [...authKeys.all, 'join', token] as const,
};
