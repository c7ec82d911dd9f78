/**
 * The cases the playground offers, each with the date it is best looked at: the bundled example, a
 * review and reexamination with a hearing, and a matter whose time limit runs into a year with no
 * holiday notice yet (projected). Bundled into the page as data; the directory is the examples'.
 */
import directory from '../../examples/directory.json';
import land from '../../examples/cases/land-compensation-visit.json';
import reviews from '../../test/scenarios/time-limits/review-and-reexamination.json';

const hearing = (reviews as { scenarios: Array<{ asOf: string; case: { id: string } }> }).scenarios.find((s) => s.case.id === 'tl-reexam-hearing-met')!;

export const examples = {
  directory,
  cases: [
    { name: 'land compensation, a collective visit (2023)', asOf: '2023-06-30', case: land as unknown },
    { name: 'review and reexamination with a hearing (2024)', asOf: hearing.asOf, case: hearing.case as unknown },
    {
      name: 'a conclusion due over the 2027 Spring Festival (projected)',
      asOf: '2026-12-20',
      case: {
        id: 'projected-2027',
        receivedOn: '2026-12-01',
        channel: 'letter',
        class: 'appeal',
        legalRoute: 'petition',
        receivingOrgan: 'qt-petition',
        handlingOrgan: 'qt-nr',
        events: [
          { type: 'received', on: '2026-12-01', by: 'qt-petition' },
          { type: 'transferred', on: '2026-12-02', by: 'qt-petition', to: 'qt-nr' },
          { type: 'accepted', on: '2026-12-08', by: 'qt-nr' },
        ],
      } as unknown,
    },
  ],
};
