import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser } from '../helpers/factories.js';
import { COMMITMENT_V1, reserveViaApi } from './helpers.js';

// Lists cost the same number of SQL statements for 1 reservation as for many (no N+1).

const PAGE = /* GraphQL */ `
  query Page($first: Int) {
    myNameReservations(first: $first) {
      edges {
        node {
          id
          name
          status
          parts {
            tradeName
          }
          industry {
            code
            name
          }
          applicant {
            id
            displayName
          }
          commitment {
            termsVersion
            terms {
              version
              text
            }
          }
          verification {
            status
            dueBy
            overdue
          }
        }
      }
    }
  }
`;

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app?.stop());

describe('myNameReservations', () => {
  it('issues as many SQL statements for 12 reservations as for 1', async () => {
    const one = await createUser(app);
    const many = await createUser(app);
    expect(
      (await reserveViaApi(app, one.token, '海角智能科技有限公司', { commitment: COMMITMENT_V1 })).userErrors,
    ).toEqual([]);
    const names = ['琴屿', '贝壳', '海鸥', '帆影', '云帆', '浪花', '珊瑚', '渔火', '礁石', '潮汐', '海螺', '沙洲'];
    for (const tradeName of names) {
      const granted = await reserveViaApi(app, many.token, `${tradeName}智能科技有限公司`, {
        commitment: COMMITMENT_V1,
      });
      expect(granted.userErrors).toEqual([]);
    }

    const forOne = await app.countQueries(() => app.execute(PAGE, { first: 50 }, { token: one.token }));
    const forMany = await app.countQueries(() => app.execute(PAGE, { first: 50 }, { token: many.token }));

    const page = await app.execute(PAGE, { first: 50 }, { token: many.token });
    expect(page.errors).toBeUndefined();
    expect(page.data?.myNameReservations.edges).toHaveLength(12);
    expect(page.data?.myNameReservations.edges[0].node.commitment.terms.version).toBe(1);
    expect(forMany, JSON.stringify([forOne, forMany], null, 1)).toHaveLength(forOne.length);
  });
});
