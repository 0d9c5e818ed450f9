import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TDuty, TDutyDefinition } from '@bunkai/domain';
import { duty, ENGAGEMENT_ID, party } from '../../test/fixtures.ts';
import { fakeApi, json } from '../../test/fake-api.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { DutiesPage, moveWrites } from './duties-page.tsx';

const parties = [party(0), party(1)];
const duties = (): TDuty[] => [duty(0), { ...duty(1), order: 10 }, { ...duty(2), order: 20, notApplicableReason: '対象機器なし', version: 2 }];
const catalog: TDutyDefinition[] = [
  { ...duty(0), code: 'D-000' },
  { ...duty(5), code: 'GOV-09', title: { ja: 'カタログ項目', en: 'Catalog duty' } },
];
const rowErrors = [
  { row: 3, column: 'phase', message: 'unknown phase "平日"' },
  { row: 3, column: 'code', message: 'Duplicate code NEW-01 (already on row 2).' },
  { row: 5, column: 'references', message: 'required' },
];

const kakuninhyoErrors = [{ row: 4, column: 'Part', message: 'No Part: give the Part column or a 「Part1 …」 heading row above the item.' }];

const calls = fakeApi(({ method, url, body }) => {
  if (method === 'GET' && url === `/api/v1/engagements/${ENGAGEMENT_ID}/duties`) return json({ duties: duties() });
  if (method === 'GET' && url === '/api/v1/catalog/duties') return json({ version: '2026.2', duties: catalog });
  if (method === 'POST' && url.endsWith('/duties')) return json({ duties: [duty(5)], cellsCreated: 1 }, 201);
  if (method === 'PATCH') return json({ duty: { ...duty(0), ...(body as object) }, cellsChanged: 2, proposalsWithdrawn: 1 });
  if (method === 'POST' && url.endsWith('/duties/import?profile=kakuninhyo'))
    return json({ error: { code: 'import_invalid', message: 'The file has 1 problem; nothing was imported.', details: { rows: kakuninhyoErrors } }, requestId: 'r' }, 400);
  if (method === 'POST' && url.endsWith('/duties/import?profile=duties'))
    return json({ error: { code: 'import_invalid', message: 'The file has 3 problems; nothing was imported.', details: { rows: rowErrors } }, requestId: 'r' }, 400);
  return undefined;
});
const sent = (method: string, suffix: string) => calls.filter((c) => c.method === method && c.url.split('?')[0]!.endsWith(suffix));

const renderPage = (roles: ('owner' | 'member' | 'observer')[] = ['owner', 'member']) =>
  renderWithProviders(<DutiesPage engagementId={ENGAGEMENT_ID} />, { parties, myPartyId: parties[0]?.id ?? null, roles });

describe('DutiesPage (責任項目)', () => {
  it('adds catalog duties the engagement lacks', async () => {
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: /カタログから追加/ }));
    const dialog = await screen.findByRole('dialog');
    // D-000 is already present, so only GOV-09 is offered
    await within(dialog).findByText('GOV-09');
    expect(within(dialog).queryByText('D-000')).toBeNull();
    fireEvent.click(within(dialog).getByRole('checkbox'));
    fireEvent.click(within(dialog).getByRole('button', { name: '1 件を追加' }));
    await waitFor(() => expect(sent('POST', '/duties')).toHaveLength(1));
    expect(sent('POST', '/duties')[0]?.body).toEqual({ catalogCodes: ['GOV-09'] });
  });

  it('adds a custom duty citing its source', async () => {
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: /独自項目を追加/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('コード'), { target: { value: 'hosp-01' } });
    fireEvent.change(within(dialog).getByLabelText('項目名（日本語）'), { target: { value: '持出しルールの周知' } });
    fireEvent.change(within(dialog).getByLabelText('内容（日本語）'), { target: { value: '院外への持出しルールを周知する。' } });
    fireEvent.change(within(dialog).getByLabelText('出典の文書'), { target: { value: '保守契約' } });
    fireEvent.change(within(dialog).getByLabelText('出典の箇所'), { target: { value: '第8条' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '独自項目を追加する' }));
    await waitFor(() => expect(sent('POST', '/duties')).toHaveLength(1));
    expect(sent('POST', '/duties')[0]?.body).toMatchObject({
      custom: { code: 'HOSP-01', title: { ja: '持出しルールの周知', en: '持出しルールの周知' }, appliesTo: [], kakuninhyoPart: 2, references: [{ document: '保守契約', section: '第8条' }] },
    });
  });

  it('edits the wording with the version seen, and marks not applicable only with a reason', async () => {
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: '編集 D-000' }));
    let dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('項目名（日本語）'), { target: { value: '改めた項目名' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(sent('PATCH', `/duties/${duty(0).id}/definition`)).toHaveLength(1));
    expect(sent('PATCH', '/definition')[0]?.body).toMatchObject({ version: 1, title: { ja: '改めた項目名', en: 'Duty 0' } });

    fireEvent.click(screen.getByRole('button', { name: '対象外にする D-001' }));
    dialog = await screen.findByRole('dialog');
    const submit = within(dialog).getByRole('button', { name: '対象外にする' });
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText('対象外とする理由'), { target: { value: 'リモート保守を廃止' } });
    fireEvent.click(submit);
    await waitFor(() => expect(sent('PATCH', `/duties/${duty(1).id}`)).toHaveLength(1));
    expect(sent('PATCH', `/duties/${duty(1).id}`)[0]?.body).toEqual({ version: 1, notApplicable: true, reason: 'リモート保守を廃止' });
    // a marked duty shows its reason and offers reopening
    const na = screen.getByText(/対象機器なし/).closest('tr')!;
    fireEvent.click(within(na as HTMLElement).getByRole('button', { name: '対象に戻す D-002' }));
    await waitFor(() => expect(sent('PATCH', `/duties/${duty(2).id}`)[0]?.body).toEqual({ version: 2, notApplicable: false }));
  });

  it('moves a duty down by swapping sort keys with its neighbour', async () => {
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'D-000 を下へ' }));
    await waitFor(() => expect(sent('PATCH', '/definition')).toHaveLength(2));
    expect(sent('PATCH', '/definition').map((c) => [c.url.split('/')[4], c.body])).toEqual([
      [duty(0).id, { version: 1, order: 10 }],
      [duty(1).id, { version: 1, order: 0 }],
    ]);
    expect(moveWrites([duty(0), duty(0)], 0, 1)).toEqual([{ duty: duty(0), order: 1 }]);
  });

  it('shows a refused import row by row and imports nothing', async () => {
    renderPage();
    const file = new File(['code,title_ja\nNEW-01,x\n'], 'duties.csv', { type: 'text/csv' });
    fireEvent.change(await screen.findByLabelText('責任項目の取込（CSV / Excel）'), { target: { files: [file] } });
    const report = await screen.findByRole('table', { name: '取込ファイルの問題（行ごと）' });
    expect(screen.getByText(/duties.csv に 3 件の問題があるため、何も取り込んでいません/)).toBeTruthy();
    const rows = within(report).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['3phaseunknown phase "平日"', 'codeDuplicate code NEW-01 (already on row 2).', '5referencesrequired']);
    expect(sent('POST', '/duties/import')[0]?.body).toMatchObject({ format: 'csv', contentBase64: btoa('code,title_ja\nNEW-01,x\n') });
    expect(sent('POST', '/duties/import')[0]?.url).toMatch(/\?profile=duties$/);
  });

  it('imports the official 確認表 when chosen, with its problems row by row', async () => {
    renderPage();
    const official = await screen.findByRole('radio', { name: /公式確認表/ });
    expect(screen.getByRole('radio', { name: /Bunkai の責任項目ファイル/ })).toHaveProperty('checked', true);
    fireEvent.click(official);
    expect(screen.getByText(/公式の項番を保ち/)).toBeTruthy();
    const file = new File([new Uint8Array([0x50, 0x4b, 3, 4])], '確認表.xlsx');
    fireEvent.change(screen.getByLabelText('責任項目の取込（CSV / Excel）'), { target: { files: [file] } });
    const report = await screen.findByRole('table', { name: '取込ファイルの問題（行ごと）' });
    expect(screen.getByText(/確認表.xlsx に 1 件の問題があるため、何も取り込んでいません/)).toBeTruthy();
    expect(within(report).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual(['4PartNo Part: give the Part column or a 「Part1 …」 heading row above the item.']);
    const post = sent('POST', '/duties/import');
    expect(post).toHaveLength(1);
    expect(post[0]?.url).toMatch(/\?profile=kakuninhyo$/);
    expect(post[0]?.body).toEqual({ format: 'xlsx', contentBase64: btoa('PK\u0003\u0004') });
  });

  it('readers see the list and the exports but no write actions', async () => {
    renderPage(['observer']);
    await screen.findByText('D-000');
    expect(screen.queryByRole('button', { name: /カタログから追加/ })).toBeNull();
    expect(screen.queryByLabelText('責任項目の取込（CSV / Excel）')).toBeNull();
    expect(screen.getByRole('button', { name: '分担表 Excel' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '責任項目 Excel（取込形式）' })).toBeTruthy();
  });

});
