export { MAIL_JOB, type MailRequest, type MailService, createMailService } from './mail-service.ts';
export { devMailboxRoutes } from './mail-routes.ts';
export { MAIL_LANGS, type MailLang, type MailTemplateName, type MailTemplates, type SecurityNoticeKind, renderMail } from './mail-templates.ts';
import './decorate.ts';
