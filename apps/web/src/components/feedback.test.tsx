import { beforeAll, describe, expect, it } from 'vitest';
import { apiError } from '../api/client.ts';
import { loadCatalog, translator } from '../i18n/i18n.tsx';
import { errorText } from './feedback.tsx';

const ja = translator('ja');
const en = translator('en');
// The English catalog is a lazy chunk.
beforeAll(() => loadCatalog('en'));

describe('errorText (issue 16, bug 6)', () => {
  it('says a wrong password in Japanese, without the English server message or a request id', () => {
    const e = errorText(ja, apiError(401, 'invalid_credentials', 'E-mail or password is wrong.', undefined, 'req-1'));
    expect(e).toEqual({ text: 'メールアドレスまたはパスワードが違います。', detail: null, requestId: null });
  });

  it('maps every code by its own sentence and an unknown code by its status, in either language', () => {
    expect(errorText(ja, apiError(409, 'engagement_archived', 'Engagement is archived.')).text).toBe('アーカイブ済みの案件は変更できません。');
    expect(errorText(en, apiError(409, 'engagement_archived', 'x')).text).toBe('An archived engagement cannot be changed.');
    expect(errorText(ja, apiError(400, 'some_new_code', 'Something in English.')).text).toBe('入力内容を確認してください。');
  });

  it('keeps the request id for server faults', () => {
    const e = errorText(ja, apiError(500, 'internal', 'Boom', undefined, 'req-9'));
    expect(e.requestId).toBe('req-9');
    expect(e.text).not.toMatch(/Boom/);
  });
});
