import { describe, expect, it } from 'vitest';
import { mountInPortal } from '../testing/mount-in-portal.js';
import PortalTable from './PortalTable.vue';

const columns = [
  { key: 'name', label: 'Namn', sortField: 'NAME' },
  { key: 'number', label: 'Nummer' },
];
const rows = [
  { id: 'a', name: 'Boxholms kommun', number: '212000-0431' },
  { id: 'b', name: 'Finspångs kommun', number: '212000-0449' },
];

describe('PortalTable', () => {
  it('shows a page of rows under a caption, with the range and total announced', async () => {
    const { wrapper } = await mountInPortal(PortalTable, {
      props: {
        caption: 'Organisationer',
        columns,
        rows,
        rowKey: 'id',
        first: 21,
        totalCount: 22,
        hasNextPage: false,
        hasPreviousPage: true,
      },
    });
    expect(wrapper.find('caption').text()).toBe('Organisationer');
    expect(wrapper.findAll('tbody tr').map((row) => row.findAll('td').map((cell) => cell.text()))).toEqual([
      ['Boxholms kommun', '212000-0431'],
      ['Finspångs kommun', '212000-0449'],
    ]);
    const status = wrapper.find('[aria-live="polite"]');
    expect(status.text()).toBe('Visar 21–22 av 22');
    const [previous, next] = wrapper.findAll('nav button');
    expect(previous!.attributes('disabled')).toBeUndefined();
    expect(next!.attributes('disabled')).toBeDefined();
  });

  it('asks for the next and previous page', async () => {
    const { wrapper } = await mountInPortal(PortalTable, {
      props: { caption: 'Organisationer', columns, rows, rowKey: 'id', first: 1, totalCount: 40, hasNextPage: true, hasPreviousPage: true },
    });
    const [previous, next] = wrapper.findAll('nav button');
    await next!.trigger('click');
    await previous!.trigger('click');
    expect(Object.keys(wrapper.emitted())).toEqual(expect.arrayContaining(['next', 'previous']));
  });

  it('marks the sorted column and toggles its direction, leaving other columns unsortable', async () => {
    const { wrapper } = await mountInPortal(PortalTable, {
      props: {
        caption: 'Organisationer',
        columns,
        rows,
        rowKey: 'id',
        first: 1,
        totalCount: 2,
        hasNextPage: false,
        hasPreviousPage: false,
        sort: { field: 'NAME', direction: 'ASC' },
      },
    });
    const [name, number] = wrapper.findAll('th');
    expect(name!.attributes('aria-sort')).toBe('ascending');
    expect(number!.find('button').exists()).toBe(false);
    await name!.find('button').trigger('click');
    expect(wrapper.emitted('sort')).toEqual([[{ field: 'NAME', direction: 'DESC' }]]);
  });

  it('speaks English when English is chosen', async () => {
    const { wrapper } = await mountInPortal(PortalTable, {
      language: 'en',
      props: {
        caption: 'Organisations',
        columns,
        rows: [],
        rowKey: 'id',
        first: 1,
        totalCount: 0,
        hasNextPage: false,
        hasPreviousPage: false,
      },
    });
    expect(wrapper.find('[aria-live="polite"]').text()).toBe('Showing 0–0 of 0');
    expect(wrapper.findAll('nav button').map((button) => button.text())).toEqual(['Previous page', 'Next page']);
  });
});
