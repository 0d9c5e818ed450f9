export { authRoutes } from './auth-routes.ts';
export { type AuthService, type IssuedSession, createAuthService } from './auth-service.ts';
export { REFRESH_COOKIE, SESSION_PATH, setRefreshCookie } from './refresh-cookie.ts';
export { hashPassword, verifyPassword } from './password.ts';
export { type ReauthFactor, type Reauthentication, createReauthentication } from './reauthentication.ts';
export { hashToken, newOpaqueToken } from './tokens.ts';
export { type TotpCheck, consumeTotpCode } from './totp-once.ts';
export { generateTotp, newTotpSecret, verifyTotp } from './totp.ts';
export { type SecurityNotices, createSecurityNotices } from './security-notice.ts';
