import { Hono, type Context } from 'hono';
import type { AppEnv } from '../core/http/env.js';
import { requirePermission } from '../core/http/middleware.js';
import { submitForm } from '../core/http/form.js';
import { uuidParam } from '../core/http/params.js';
import { NotFoundError } from '../core/errors.js';
import { listExecutives, listLaws, listNews, listQuestions } from './queries.js';
import {
  BasicInfoForm,
  createBasicInfoFromForm,
  deleteBasicInfo,
  type BasicInfoKind,
} from './manage-basic-info.js';
import { BASIC_BASE as BASE, BasicInfoPage, type Lists } from './views/basic-info-page.js';

const KINDS: BasicInfoKind[] = ['news', 'questions', 'laws', 'executives'];

async function loadLists(c: Context<AppEnv>): Promise<Lists> {
  const { db, agencyId } = c.get('ctx');
  const [news, questions, laws, executives] = await Promise.all([
    listNews(db, agencyId),
    listQuestions(db, agencyId),
    listLaws(db, agencyId),
    listExecutives(db, agencyId),
  ]);
  return { news, questions, laws, executives };
}

function kindParam(c: Context<AppEnv>): BasicInfoKind {
  const kind = c.req.param('kind') as BasicInfoKind;
  if (!KINDS.includes(kind)) throw new NotFoundError();
  return kind;
}

/** Basic-information pages (news, executives, Q&A, laws), mounted at /staff/disclosure/basic. */
export const basicInfoRoutes = new Hono<AppEnv>()
  .use('*', requirePermission('disclosure.manage'))
  .get('/', async (c) => c.render(<BasicInfoPage lists={await loadLists(c)} />))
  .post('/:kind', async (c) => {
    const kind = kindParam(c);
    return submitForm(c, {
      schema: BasicInfoForm,
      run: ({ photo }, { values }) =>
        createBasicInfoFromForm(c.get('ctx'), kind, { values, photo }, c.get('config').dataDir),
      redirect: () => `${BASE}?notice=disclosure.basic.created`,
      page: async (form) => <BasicInfoPage lists={await loadLists(c)} failed={{ kind, form }} />,
    });
  })
  .post('/:kind/:id/delete', async (c) => {
    await deleteBasicInfo(c.get('ctx'), kindParam(c), uuidParam(c, 'id'));
    return c.redirect(`${BASE}?notice=disclosure.basic.deleted`, 303);
  });
