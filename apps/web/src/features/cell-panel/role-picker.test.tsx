import { cleanup, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TAssignment, TParty } from '@bunkai/domain';
import { partyColorMap } from '../../components/party-colors.ts';
import { fid, party } from '../../test/fixtures.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { RolePicker } from './role-picker.tsx';

afterEach(cleanup);

const Harness = ({ parties }: { parties: TParty[] }) => {
  const [value, setValue] = useState<TAssignment>({});
  return (
    <>
      <RolePicker parties={parties} value={value} onChange={setValue} colors={partyColorMap(parties)} />
      <output data-testid="value">{JSON.stringify(value)}</output>
    </>
  );
};

const problems = () => [...document.querySelectorAll<HTMLElement>('[data-problem]')].map((e) => e.dataset.problem);
const toggle = (partyName: string, role: string) => fireEvent.click(screen.getByRole('button', { name: `${partyName} の ${role}` }));

describe('RolePicker', () => {
  it('shows the one-A / at-least-one-R rule live as roles are chosen', () => {
    const parties = [party(0), party(1), { ...party(2), role: 'observer' as const, displayName: '監査法人' }];
    renderWithProviders(<Harness parties={parties} />, { parties });
    expect(problems()).toEqual(['no_accountable', 'no_responsible']);

    toggle('病院', '責任 A');
    expect(problems()).toEqual(['no_responsible']);
    expect(screen.getByRole('button', { name: '病院 の 責任 A' }).getAttribute('aria-pressed')).toBe('true');

    toggle('ベンダー1', '責任 A');
    expect(problems()).toEqual(['multiple_accountable', 'no_responsible']);
    expect(screen.getByText(/責任（A）が複数の当事者にあります（病院、ベンダー1）/)).toBeTruthy();

    toggle('ベンダー1', '責任 A');
    toggle('ベンダー1', '実施 R');
    expect(problems()).toEqual([]);
    expect(screen.getByText(/この分担は成立します/)).toBeTruthy();
    expect(JSON.parse(screen.getByTestId('value').textContent ?? '{}')).toEqual({ [fid(1, 0)]: ['A'], [fid(1, 1)]: ['R'] });

    toggle('監査法人', '実施 R');
    expect(problems()).toEqual(['observer_with_duty']);
  });
});
